/**
 * Marks over a block's text (quotes now, highlights later), given as offsets into
 * `block.text`, and the cutting of a block's inline runs into pieces at mark boundaries.
 */
import type { Inline } from '../utils/types';

export interface TextMark {
  /** Offsets into `block.text`, end exclusive. */
  start: number;
  end: number;
  /** CSS class(es) of the <mark> element. */
  class: string;
  /** data-* attributes of the <mark> (names without the "data-" prefix). */
  data?: Record<string, string>;
  /** A small label drawn after the mark (by CSS: it never becomes part of the text). */
  label?: string;
  /**
   * An accessible name: the mark becomes a focusable button (on its first piece only, so a
   * mark cut into pieces is one tab stop). Highlights use it; what a press does is up to the view.
   */
  name?: string;
}

/** A piece of one inline run, with the marks that cover all of it. */
export interface Piece {
  run: Inline;
  /** Where the run starts (a formula is drawn in its first piece only). */
  runStart: number;
  text: string;
  start: number;
  end: number;
  marks: TextMark[];
}

/**
 * Cuts `inlines` (whose text starts at `offset` in the block's text) wherever a mark starts
 * or ends. The pieces' texts concatenate to the runs' texts, so offsets stay exact.
 */
export function pieces(inlines: Inline[], marks: readonly TextMark[], offset = 0): Piece[] {
  const out: Piece[] = [];
  let pos = offset;
  for (const run of inlines) {
    const end = pos + run.text.length;
    const cuts = new Set([pos, end]);
    for (const m of marks) {
      if (m.start > pos && m.start < end) cuts.add(m.start);
      if (m.end > pos && m.end < end) cuts.add(m.end);
    }
    const points = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i + 1 < points.length; i++) {
      const [s, e] = [points[i], points[i + 1]];
      out.push({ run, runStart: pos, text: run.text.slice(s - pos, e - pos), start: s, end: e, marks: marks.filter((m) => m.start <= s && m.end >= e) });
    }
    pos = end;
  }
  return out;
}

/** Where each item of a list block starts in `block.text` (items are joined by "\n"). */
export function itemOffsets(items: Inline[][]): number[] {
  let pos = 0;
  return items.map((item) => {
    const start = pos;
    pos += item.reduce((n, run) => n + run.text.length, 0) + 1;
    return start;
  });
}
