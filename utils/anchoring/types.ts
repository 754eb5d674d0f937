/**
 * Selectors describe a highlighted range of an article's clean text (`Article.text`) in three
 * redundant ways, so it can be found again after the article changes (Hypothesis-style).
 * All offsets are UTF-16 code unit offsets, `end` exclusive.
 */

/** The highlighted text with some context on each side. */
export interface QuoteSelector {
  exact: string;
  /** Up to ~32 characters before `exact` (empty at the start of the article). */
  prefix: string;
  /** Up to ~32 characters after `exact` (empty at the end of the article). */
  suffix: string;
  /**
   * How many times `exact` occurred in the text when highlighted, when more than once. If fewer
   * copies are found later, one went, and only the recorded position can tell which.
   */
  count?: number;
}

/** Offsets in the article text at the time of highlighting. */
export interface PositionSelector {
  start: number;
  end: number;
}

/** A point in a block: the block's id, a short hash of its text, and an offset in its text. */
export interface BlockPoint {
  id: string;
  /** Tells whether the block is unchanged. */
  hash: string;
  offset: number;
  /** Set when other blocks had the same text when highlighted: the hash cannot tell them apart. */
  repeated?: true;
}

/** The blocks the highlight starts and ends in (the same block unless it spans several). */
export interface BlockSelector {
  start: BlockPoint;
  /** `offset` is the end offset (exclusive) in the end block. */
  end: BlockPoint;
}

export interface Selectors {
  quote: QuoteSelector;
  position: PositionSelector;
  block?: BlockSelector;
}

/** The minimal block shape the anchoring needs (a subset of `Block`). */
export interface BlockText {
  id: string;
  text: string;
}

/**
 * How a highlight was placed:
 * - `position`: found unchanged where it was recorded (article offsets, or offsets within its unchanged block);
 * - `quote`: the exact quote found elsewhere, confirmed by its context;
 * - `fuzzy`: the text differs slightly (typo fixes, quote marks, whitespace), confirmed by its context.
 */
export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

export interface Anchored {
  start: number;
  end: number;
  method: AnchorMethod;
}

export type OrphanReason =
  | 'empty-quote'
  | 'not-found'
  | 'ambiguous'
  | 'weak-context'
  | 'too-different';

export interface Orphan {
  orphan: true;
  reason: OrphanReason;
}

export type AnchorResult = Anchored | Orphan;
