import { shortHash } from './hash';
import type { BlockText } from './types';

/** Length of the block hash stored in a block selector. */
const BLOCK_HASH_LENGTH = 8;

export function blockHash(text: string): string {
  return shortHash(text, BLOCK_HASH_LENGTH);
}

export interface LocatedBlock {
  id: string;
  text: string;
  /** Offset of the block's text in the article text. */
  offset: number;
}

/**
 * Where each block's text sits in the article text. `Article.text` holds only the kept blocks,
 * so blocks are located by searching forward from the previous one; blocks whose text is not
 * found (folded blocks, figures) are left out.
 */
export function locateBlocks(text: string, blocks: readonly BlockText[]): LocatedBlock[] {
  const located: LocatedBlock[] = [];
  let cursor = 0;
  for (const block of blocks) {
    if (!block.text) continue;
    const offset = text.indexOf(block.text, cursor);
    if (offset < 0) continue;
    located.push({ id: block.id, text: block.text, offset });
    cursor = offset + block.text.length;
  }
  return located;
}
