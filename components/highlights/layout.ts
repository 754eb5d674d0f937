/**
 * Where each block sits in the article's clean text, and the way back: a range of the
 * article text cut into marks per block. Highlights are anchored on this text, never on the
 * page DOM, so they survive a changed page layout.
 */
import type { BlockText } from '../../utils/anchoring';
import type { Article } from '../../utils/types';
import type { TextMark } from '../marks';

export interface PlacedBlock extends BlockText {
  /** Offset of the block's text in the article text. */
  start: number;
}

export interface ArticleLayout {
  /** The article text: the kept blocks' texts joined by blank lines (as `Article.text`). */
  text: string;
  /** The kept blocks, in order, with their place in `text`. */
  blocks: PlacedBlock[];
  byId: ReadonlyMap<string, PlacedBlock>;
}

const SEPARATOR = '\n\n';

/**
 * The same rule as `articleText` in utils/extract.ts (not imported: it would pull the
 * extraction pipeline into the views): blocks with text that are neither folded nor figures.
 */
export function articleLayout(article: Article): ArticleLayout {
  const folded = new Set(article.folded.map((f) => f.blockId));
  const blocks: PlacedBlock[] = [];
  let start = 0;
  for (const b of article.blocks) {
    if (!b.text || b.type === 'figure' || b.type === 'image' || folded.has(b.id)) continue;
    blocks.push({ id: b.id, text: b.text, start });
    start += b.text.length + SEPARATOR.length;
  }
  return { text: blocks.map((b) => b.text).join(SEPARATOR), blocks, byId: new Map(blocks.map((b) => [b.id, b])) };
}

/** The range `start..end` of the article text as one piece per block it covers (block offsets). */
export function blockSpans(layout: ArticleLayout, start: number, end: number): { blockId: string; start: number; end: number }[] {
  const spans = [];
  for (const b of layout.blocks) {
    const s = Math.max(start, b.start);
    const e = Math.min(end, b.start + b.text.length);
    if (s < e) spans.push({ blockId: b.id, start: s - b.start, end: e - b.start });
  }
  return spans;
}

/** Adds `mark` (in article offsets) to `marks` per block; only the first piece keeps `name`. */
export function addMark(marks: Map<string, TextMark[]>, layout: ArticleLayout, start: number, end: number, mark: Omit<TextMark, 'start' | 'end'>): void {
  blockSpans(layout, start, end).forEach((span, i) => {
    const piece: TextMark = { ...mark, start: span.start, end: span.end };
    if (i > 0) delete piece.name;
    marks.set(span.blockId, [...(marks.get(span.blockId) ?? []), piece]);
  });
}
