export { anchor } from './anchor';
export { describe, CONTEXT_LENGTH } from './describe';
export { blockHash } from './blocks';
export { shortHash } from './hash';
export type {
  AnchorMethod,
  AnchorResult,
  Anchored,
  BlockPoint,
  BlockSelector,
  BlockText,
  Orphan,
  OrphanReason,
  PositionSelector,
  QuoteSelector,
  Selectors,
} from './types';
