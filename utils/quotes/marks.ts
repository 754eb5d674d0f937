/**
 * Pairs quotation marks with a stack, across the paragraphs of an article. Only outermost
 * quotes are returned (a quote inside a quote is part of its text). A quote left open at the end
 * of a paragraph continues when the next paragraph reopens it with the same mark (the
 * typographic convention for multi-paragraph quotes); its segments share a `group`.
 */

import type { LangData } from './rules/types';

export interface QuoteSegment {
  block: number;
  /** Offset of the opening mark (or 0 for a reopened paragraph without one). */
  open: number;
  /** Offset just after the closing mark; the paragraph's length when the quote runs on. */
  close: number;
  /** The quoted text without marks and surrounding spaces. */
  start: number;
  end: number;
  group: number;
}

interface Open {
  ch: string;
  at: number;
}

const SPACE = /[\s\u00a0\u202f]/;
/** Guillemets have a direction of their own: no need to look at the neighbours. */
const DIRECTED = new Set(['«', '»', '‹', '›']);
const WORDCHAR = /[\p{L}\p{N}]/u;

function markTable(L: LangData) {
  const closersOf = new Map<string, Set<string>>();
  for (const pair of L.marks) {
    const [o, c] = [...pair];
    if (!closersOf.has(o)) closersOf.set(o, new Set());
    closersOf.get(o)!.add(c);
  }
  const closers = new Set(L.marks.map((p) => [...p][1]));
  // A mark that only ever opens (or closes) in this language has a direction of its own too
  // (“ You guys…” / “…that. ”), apostrophes aside.
  const oneWay = new Set([...closersOf.keys(), ...closers].filter((ch) => closersOf.has(ch) !== closers.has(ch) && ch !== '’' && ch !== "'"));
  return { closersOf, closers, oneWay };
}

export function pairQuotes(texts: string[], L: LangData): QuoteSegment[] {
  const { closersOf, closers, oneWay } = markTable(L);
  const out: QuoteSegment[] = [];
  let group = 0;
  let carried: string | null = null;

  texts.forEach((text, block) => {
    const stack: Open[] = [];
    let from = 0;
    if (carried) {
      // The paragraph reopens the running quote with its mark: that mark is not a new quote.
      const lead = /^[\s\u00a0\u202f]*/.exec(text)![0].length;
      stack.push({ ch: carried, at: lead });
      from = lead + 1;
    }
    const running = stack[0];
    carried = null;
    for (let i = from; i < text.length; i++) {
      const ch = text[i];
      const opener = closersOf.has(ch);
      if (!opener && !closers.has(ch)) continue;
      const prev = text[i - 1] ?? ' ';
      const next = text[i + 1] ?? ' ';
      const directed = DIRECTED.has(ch) || oneWay.has(ch);
      // Apostrophes (’ ') inside a word are not quote marks.
      if ((ch === '’' || ch === "'") && WORDCHAR.test(prev) && WORDCHAR.test(next)) continue;

      if (closers.has(ch) && (directed || !SPACE.test(prev))) {
        const k = findOpen(stack, ch, closersOf);
        if (k >= 0) {
          const opened = stack[k];
          stack.length = k;
          if (k === 0) out.push(segment(text, block, opened.at, i, group++));
          continue;
        }
      }
      if (opener && (directed || (!SPACE.test(next) && !WORDCHAR.test(prev)))) stack.push({ ch, at: i });
    }
    if (!stack.length) return;
    const outer = stack[0];
    if (texts[block + 1]?.trimStart().startsWith(outer.ch)) {
      out.push(segment(text, block, outer.at, null, group));
      carried = outer.ch;
    } else if (running && outer === running) {
      // The last paragraph of a multi-paragraph quote whose closing mark is missing.
      out.push(segment(text, block, outer.at, null, group++));
    }
  });
  return out;
}

function findOpen(stack: Open[], closer: string, closersOf: Map<string, Set<string>>): number {
  for (let k = stack.length - 1; k >= 0; k--) {
    if (closersOf.get(stack[k].ch)?.has(closer)) return k;
  }
  return -1;
}

/** A segment from the opening mark to the closing mark at `closeMark` (null: to the paragraph end). */
function segment(text: string, block: number, open: number, closeMark: number | null, group: number): QuoteSegment {
  const close = closeMark === null ? text.length : closeMark + 1;
  let start = open + 1;
  let end = closeMark ?? text.length;
  while (start < end && SPACE.test(text[start])) start++;
  while (end > start && SPACE.test(text[end - 1])) end--;
  return { block, open, close, start, end, group };
}
