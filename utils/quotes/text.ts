/** Small text helpers shared by the quote modules: sentence bounds, regex building, casing. */

import type { LangData } from './rules/types';

export const SPACE = '[\\s\\u00a0\\u202f]';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An alternation of phrases, longest first so "a déclaré" wins over "a"; spaces match any space. */
export function alternation(phrases: Iterable<string>): string {
  return [...new Set(phrases)]
    .sort((a, b) => b.length - a.length)
    .map((p) => escapeRe(p).replace(/ /g, `${SPACE}+`))
    .join('|');
}

export const lower = (s: string) => s.toLowerCase();
/** "Dr." → "dr", "Trump’s" → "trump" for the lookup tables. */
export const key = (w: string) => lower(w.replace(/[.,]+$/, '').replace(/[’']s$/, ''));
export const isUpper = (ch: string | undefined) => !!ch && ch !== ch.toLowerCase() && ch === ch.toUpperCase();

/** The offsets where sentences end in `text` (after the final punctuation and closing marks), before a capital, a digit or a currency sign. */
export function sentenceEnds(text: string, L: LangData): number[] {
  const abbrev = abbreviations(L);
  const ends: number[] = [];
  // Or a full stop glued to the next sentence by a missing space ("sagte Merkel.Als …"): a word's last
  // lower-case letters, the stop, a capitalised word.
  const re = /[.!?…]+["”»“’)]*(?=[\s\u00a0\u202f]+["“«„(—–-]*[\p{Lu}\p{N}\p{Sc}])|(?<=\p{Ll}{2})\.(?=\p{Lu}\p{Ll})|\n+/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0][0] === '.') {
      // "Mr. Smith", "Gen. Ryder", "J. Doe": a period after an abbreviation or an initial.
      const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, m.index - 12), m.index))?.[1] ?? '';
      if (abbrev.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word)) continue;
    }
    ends.push(m.index + m[0].length);
  }
  return ends;
}

const abbrevCache = new WeakMap<LangData, Set<string>>();
function abbreviations(L: LangData): Set<string> {
  let set = abbrevCache.get(L);
  if (!set) abbrevCache.set(L, (set = new Set(L.abbreviations)));
  return set;
}

/** Index of the first element of a sorted array greater than `x` (binary search). */
export function upperBound(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const wordCount = (s: string) => s.split(/[\s\u00a0\u202f]+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
