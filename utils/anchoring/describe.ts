import { blockHash, locateBlocks, type LocatedBlock } from './blocks';
import { exactSpans } from './candidates';
import { unifyQuotesAndSpaces } from './normalize';
import type { BlockPoint, BlockSelector, BlockText, Selectors } from './types';

/** Characters of context kept on each side of the quote. */
export const CONTEXT_LENGTH = 32;

/**
 * Selectors for `text.slice(start, end)`. With `blocks` (the article's blocks, in order), a block
 * selector records the block the range starts in, so the highlight survives edits elsewhere.
 */
export function describe(
  text: string,
  start: number,
  end: number,
  blocks?: readonly BlockText[],
): Selectors {
  if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= text.length)) {
    throw new RangeError(`describe: bad range ${start}..${end} in a text of ${text.length} characters`);
  }
  const selectors: Selectors = {
    quote: {
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    position: { start, end },
  };
  const count = exactSpans(unifyQuotesAndSpaces(text), unifyQuotesAndSpaces(selectors.quote.exact)).length;
  if (count > 1) selectors.quote.count = count;
  const block = blocks && blockSelector(text, start, end, blocks);
  if (block) selectors.block = block;
  return selectors;
}

function blockSelector(
  text: string,
  start: number,
  end: number,
  blocks: readonly BlockText[],
): BlockSelector | undefined {
  const located = locateBlocks(text, blocks);
  const containing = (at: number) => located.find((b) => b.offset <= at && at < b.offset + b.text.length);
  const first = containing(start);
  const last = containing(end - 1);
  if (!first || !last) return undefined;
  const point = (block: LocatedBlock, offset: number): BlockPoint => {
    const p: BlockPoint = { id: block.id, hash: blockHash(block.text), offset };
    if (located.some((b) => b !== block && b.text === block.text)) p.repeated = true;
    return p;
  };
  return { start: point(first, start - first.offset), end: point(last, end - last.offset) };
}
