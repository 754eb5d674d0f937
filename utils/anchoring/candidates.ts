import approxSearch from 'approx-string-match';
import { editDistance, endAlignedSimilarity, startAlignedSimilarity } from './distance';
import { isTypoLevel } from './typo';

/** A place where the (normalised) quote may be, in normalised-text offsets. */
export interface Span {
  start: number;
  end: number;
  /** Character edits between the quote and the text of the span (0 for exact matches). */
  errors: number;
}

/** More occurrences than this and the quote is too common to place (ambiguous). */
export const MAX_CANDIDATES = 200;

/** All exact occurrences of `quote` in `text` (at most MAX_CANDIDATES + 1). */
export function exactSpans(text: string, quote: string): Span[] {
  const spans: Span[] = [];
  for (let at = text.indexOf(quote); at >= 0 && spans.length <= MAX_CANDIDATES; at = text.indexOf(quote, at + 1)) {
    spans.push({ start: at, end: at + quote.length, errors: 0 });
  }
  return spans;
}

/**
 * The fuzzy error budget: a few typos per sentence, never more than one edit in eight
 * characters, and none for short quotes, where any edit may make a different word.
 */
export function maxErrors(quote: string): number {
  return Math.min(32, Math.floor(quote.length / 8));
}

export interface FuzzyResult {
  spans: Span[];
  /** Close matches that were rejected as more than typo-level changes. */
  rejected: number;
}

/**
 * Approximate occurrences of `quote` in `text`, away from the `known` (exact) spans, that differ
 * from it only by typo-level changes. `approx-string-match` reports only the lowest-error
 * matches, so the text around known and found places is searched again: a slightly worse match
 * elsewhere must still be seen, or an ambiguous highlight would look unique.
 */
export function fuzzySpans(
  text: string,
  quote: string,
  context: { prefix: string; suffix: string },
  known: Span[],
): FuzzyResult {
  const budget = maxErrors(quote);
  if (budget < 1) return { spans: [], rejected: 0 };
  let raw = searchAround(text, quote, budget, known);
  if (!known.length && raw.length === 1) raw = mergeOverlapping([...raw, ...searchAround(text, quote, budget, raw)]);
  const spans: Span[] = [];
  let rejected = 0;
  for (const m of raw.slice(0, MAX_CANDIDATES + 1)) {
    const { start, end } = refineBoundaries(text, quote, m, context);
    const found = text.slice(start, end);
    if (isTypoLevel(quote, found)) spans.push({ start, end, errors: editDistance(quote, found) });
    else rejected++;
  }
  return { spans, rejected };
}

/** The best approximate matches in each stretch of `text` outside `spans`. */
function searchAround(text: string, quote: string, budget: number, spans: Span[]): Span[] {
  const found: Span[] = [];
  let from = 0;
  for (const gap of [...[...spans].sort((x, y) => x.start - y.start), { start: text.length, end: text.length }]) {
    if (gap.start - from >= quote.length - budget) {
      for (const m of approxSearch(text.slice(from, gap.start), quote, budget)) found.push(shift(m, from));
    }
    from = Math.max(from, gap.end);
  }
  return mergeOverlapping(found);
}

const shift = (m: Span, by: number): Span => ({ start: m.start + by, end: m.end + by, errors: m.errors });

/** Matches come as runs of overlapping spans around each place; keep the best of each run. */
function mergeOverlapping(matches: Span[]): Span[] {
  const sorted = [...matches].sort((x, y) => x.start - y.start || x.errors - y.errors);
  const merged: Span[] = [];
  for (const m of sorted) {
    const last = merged[merged.length - 1];
    if (last && m.start < last.end) {
      if (m.errors < last.errors) merged[merged.length - 1] = m;
    } else {
      merged.push(m);
    }
  }
  return merged;
}

/** Characters compared at each end of the quote when refining a fuzzy match's boundaries. */
const EDGE = 12;
/** How far (in characters) a fuzzy match's boundaries may move during refinement. */
const SHIFT = 3;

/**
 * The matcher's boundaries are loose by up to the number of errors (an edit at either end can
 * be counted inside or outside the match). Each end is re-chosen nearby so that the quote's
 * first (last) characters align best there, preferring the end whose neighbouring character is
 * the one recorded in the prefix (suffix).
 */
function refineBoundaries(
  text: string,
  quote: string,
  m: Span,
  context: { prefix: string; suffix: string },
): { start: number; end: number } {
  const head = quote.slice(0, EDGE);
  const tail = quote.slice(-EDGE);
  const before = context.prefix.slice(-1);
  const after = context.suffix.slice(0, 1);
  const pick = (from: number, cost: (at: number) => number) => {
    let best = from;
    let bestCost = Infinity;
    for (let d = 0; d <= SHIFT; d++) {
      for (const at of d ? [from - d, from + d] : [from]) {
        if (at < 0 || at > text.length) continue;
        const c = cost(at);
        if (c < bestCost) [best, bestCost] = [at, c];
      }
    }
    return best;
  };
  const start = pick(m.start, (at) => {
    const misfit = 1 - startAlignedSimilarity(head, text.slice(at, at + EDGE + SHIFT));
    return misfit * head.length + (text.slice(Math.max(0, at - 1), at) === before ? 0 : 0.5);
  });
  const end = pick(m.end, (at) => {
    const misfit = 1 - endAlignedSimilarity(tail, text.slice(Math.max(0, at - EDGE - SHIFT), at));
    return misfit * tail.length + (text.slice(at, at + 1) === after ? 0 : 0.5);
  });
  return end > start ? { start, end } : m;
}
