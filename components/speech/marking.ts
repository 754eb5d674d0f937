/**
 * Showing where the voice is: the spoken block gets the `speaking` class, the sentence and the
 * word are painted with the CSS Custom Highlight API (`::highlight(lucid-speech-…)` in
 * speech.css). Highlights paint over text without touching the DOM, so Preact's rendering and
 * the reader's own marks (quotes, highlights) are left alone. Where the API is missing only
 * the block is marked.
 *
 * Block text is rendered by BlockText in `span.block-text[data-block-id][data-offset]`: their
 * text nodes (and a <br> for "\n") concatenate to the block's text from `data-offset` on.
 */
import type { Span } from './text';

export const SENTENCE = 'lucid-speech-sentence';
export const WORD = 'lucid-speech-word';

interface Point {
  node: Node;
  offset: number;
  /** A <br>: the point is before or after it. */
  br?: 'before' | 'after';
}

/** The DOM point at `offset` in the block's text, or null when that text is not on screen. */
function pointAt(root: ParentNode, blockId: string, offset: number, atEnd: boolean): Point | null {
  for (const span of root.querySelectorAll<HTMLElement>('span.block-text[data-block-id]')) {
    if (span.dataset.blockId !== blockId) continue;
    let pos = Number(span.dataset.offset ?? 0);
    const walker = span.ownerDocument.createTreeWalker(span, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = node.nodeType === Node.TEXT_NODE ? (node as Text).data.length : node.nodeName === 'BR' ? 1 : 0;
      if (!length) continue;
      // An end point belongs to the node it ends in; a start point to the node it starts in.
      const inside = atEnd ? offset > pos && offset <= pos + length : offset >= pos && offset < pos + length;
      if (inside) {
        if (node.nodeName === 'BR') return { node, offset: 0, br: offset === pos ? 'before' : 'after' };
        return { node, offset: offset - pos };
      }
      pos += length;
    }
  }
  return null;
}

/** A DOM range over `span` of a block's text, or null when it is not rendered. */
export function blockRange(root: ParentNode, blockId: string, span: Span): Range | null {
  const start = pointAt(root, blockId, span.start, false);
  const end = pointAt(root, blockId, span.end, true);
  if (!start || !end) return null;
  const range = start.node.ownerDocument!.createRange();
  if (start.br) range[start.br === 'before' ? 'setStartBefore' : 'setStartAfter'](start.node);
  else range.setStart(start.node, start.offset);
  if (end.br) range[end.br === 'before' ? 'setEndBefore' : 'setEndAfter'](end.node);
  else range.setEnd(end.node, end.offset);
  return range;
}

/** The element of block `id` (matched by data, not by a selector built from the id). */
export function blockElement(root: ParentNode, id: string): HTMLElement | undefined {
  return [...root.querySelectorAll<HTMLElement>('.block[data-block-id]')].find((el) => el.dataset.blockId === id);
}

/** The highlight registry, where the browser has one. */
function registry(): HighlightRegistry | null {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function' ? CSS.highlights : null;
}

export interface SpokenPlace {
  blockId: string | null;
  sentence: Span | null;
  word: Span | null;
}

/** Marks the spoken block, sentence and word under `root` (all cleared when `blockId` is null). */
export function markSpoken(root: ParentNode, place: SpokenPlace): void {
  for (const el of root.querySelectorAll('.block.speaking')) {
    if ((el as HTMLElement).dataset.blockId !== place.blockId) el.classList.remove('speaking');
  }
  if (place.blockId) blockElement(root, place.blockId)?.classList.add('speaking');
  const highlights = registry();
  if (!highlights) return;
  for (const [name, span] of [[SENTENCE, place.sentence], [WORD, place.word]] as const) {
    const range = place.blockId && span ? blockRange(root, place.blockId, span) : null;
    if (range) highlights.set(name, new Highlight(range));
    else highlights.delete(name);
  }
}

/** The first readable block whose text is on screen below `top` (the bar's bottom edge). */
export function firstOnScreen(root: ParentNode, readable: ReadonlySet<string>, top = 0): string | null {
  for (const el of root.querySelectorAll<HTMLElement>('.block[data-block-id]')) {
    const id = el.dataset.blockId!;
    if (!readable.has(id)) continue;
    if (el.getBoundingClientRect().bottom > top) return id;
  }
  return null;
}

/** The ids of the blocks whose text is rendered (not folded away). */
export function renderedBlocks(root: ParentNode): Set<string> {
  return new Set([...root.querySelectorAll<HTMLElement>('span.block-text[data-block-id]')].map((el) => el.dataset.blockId!));
}
