/**
 * A text under edit that remembers where every original character went, so the eval knows the
 * ground truth for each highlight. Edits are either "minor" (typo fixes, quote style, whitespace:
 * the passage is still the same passage, edited) or "major" (rewording, inserted, deleted or
 * truncated text: the passage is gone where they touch it). Moving text keeps its identity.
 */

/** Origin of an inserted character: by a minor or by a major edit. */
const MINOR_INSERT = -2;
const MAJOR_INSERT = -1;

const plusOne = (n: number | null) => (n === null ? null : n + 1);

export class EditableDoc {
  text: string;
  /** For each current character: its offset in the original text, or MINOR/MAJOR_INSERT. */
  private origin: number[];
  /** For each original character: 0 alive, 1 deleted by a minor edit, 2 deleted by a major edit. */
  private fate: Uint8Array;
  /** Inverse of `origin`, computed when first needed after the last edit. */
  private posOf: Int32Array | undefined;

  constructor(readonly original: string) {
    this.text = original;
    this.origin = Array.from({ length: original.length }, (_, i) => i);
    this.fate = new Uint8Array(original.length);
  }

  replace(start: number, end: number, insert: string, minor: boolean): void {
    for (let c = start; c < end; c++) {
      const o = this.origin[c]!;
      if (o >= 0) this.fate[o] = minor ? 1 : 2;
    }
    this.posOf = undefined;
    this.text = this.text.slice(0, start) + insert + this.text.slice(end);
    this.origin.splice(start, end - start, ...new Array<number>(insert.length).fill(minor ? MINOR_INSERT : MAJOR_INSERT));
  }

  /** Moves text[start, end) so that it starts at `to` (an offset in the text without it). */
  move(start: number, end: number, to: number): void {
    this.posOf = undefined;
    const piece = this.text.slice(start, end);
    const pieceOrigin = this.origin.slice(start, end);
    const rest = this.text.slice(0, start) + this.text.slice(end);
    this.origin.splice(start, end - start);
    this.text = rest.slice(0, to) + piece + rest.slice(to);
    this.origin.splice(to, 0, ...pieceOrigin);
  }

  /**
   * Where the original passage [start, end) is now, or null when it did not survive. Its
   * non-space characters must still be there, in order; between two of them the text must be
   * what it was (so a paragraph break may be another paragraph's identical break), or differ
   * only by minor edits.
   */
  target(start: number, end: number): { start: number; end: number } | null {
    const posOf = this.positions();
    const at = (o: number) => (o >= 0 && o < posOf.length && posOf[o]! >= 0 ? posOf[o]! : null);
    const first = at(start) ?? this.sameTextBoundary(start, end, 'start') ?? plusOne(at(start - 1));
    const last = plusOne(at(end - 1)) ?? this.sameTextBoundary(start, end, 'end') ?? at(end);
    if (first === null || last === null || last <= first) return null;
    let prev = { c: first - 1, o: start - 1 };
    for (let c = first; c <= last; c++) {
      const o = c === last ? end : this.origin[c]!;
      if (c < last && (o < 0 || /\s/.test(this.text[c]!))) continue;
      if (o <= prev.o || o > end || (c < last && o === end)) return null;
      if (!this.sameGap(prev.c, c, prev.o, o)) return null;
      prev = { c, o };
    }
    return { start: first, end: last };
  }

  /**
   * When the passage's first (last) characters were rewritten into the same text (a word
   * swapped and swapped back), its boundary is found from its nearest surviving character.
   */
  private sameTextBoundary(start: number, end: number, side: 'start' | 'end'): number | null {
    const posOf = this.positions();
    if (side === 'start') {
      let o = start;
      while (o < end && posOf[o]! < 0) o++;
      const c = o < end ? posOf[o]! - (o - start) : -1;
      return c >= 0 && this.text.slice(c, posOf[o]!) === this.original.slice(start, o) ? c : null;
    }
    let o = end - 1;
    while (o >= start && posOf[o]! < 0) o--;
    const c = o >= start ? posOf[o]! + 1 + (end - 1 - o) : -1;
    return c >= 0 && this.text.slice(posOf[o]! + 1, c) === this.original.slice(o + 1, end) ? c : null;
  }

  /** Whether current text (c0, c1) stands for original text (o0, o1): equal, or minor edits of it. */
  private sameGap(c0: number, c1: number, o0: number, o1: number): boolean {
    if (this.text.slice(c0 + 1, c1) === this.original.slice(o0 + 1, o1)) return true;
    const posOf = this.positions();
    for (let c = c0 + 1; c < c1; c++) {
      const o = this.origin[c]!;
      if (o !== MINOR_INSERT && (o <= o0 || o >= o1)) return false;
    }
    for (let o = o0 + 1; o < o1; o++) {
      if (this.fate[o] !== 1 && !(posOf[o]! > c0 && posOf[o]! < c1)) return false;
    }
    return true;
  }

  /** Current offset of each original character (-1 when deleted). */
  private positions(): Int32Array {
    if (!this.posOf) {
      const posOf = new Int32Array(this.original.length).fill(-1);
      this.origin.forEach((o, c) => {
        if (o >= 0) posOf[o] = c;
      });
      this.posOf = posOf;
    }
    return this.posOf;
  }
}
