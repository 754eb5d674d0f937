/** Small edit-distance helpers for short strings (context windows, words). */

/**
 * Optimal-string-alignment distance: insertions, deletions, substitutions and transpositions
 * of adjacent characters each cost 1 (a swapped-letter typo is one edit, not two).
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  return osa(a, b, false);
}

/** The OSA dynamic programme; with `freeStartInB`, any prefix of `b` may be skipped at no cost. */
function osa(a: string, b: string, freeStartInB: boolean): number {
  let prev2 = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => (freeStartInB ? 0 : j));
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, prev2[j - 2]! + 1);
      }
      cur[j] = d;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[b.length]!;
}

/**
 * How well `context` matches the end of `window` (0..1): 1 - edits / context length, where the
 * alignment must end at the end of `window` but may start anywhere in it (so insertions or
 * deletions in the context cost only what they change). Edits as in `editDistance`.
 */
export function endAlignedSimilarity(context: string, window: string): number {
  if (!context.length) return window.length ? 0 : 1;
  return Math.max(0, 1 - osa(context, window, true) / context.length);
}

const reverse = (s: string) => Array.from(s).reverse().join('');

/** Like `endAlignedSimilarity`, for context that must match the start of `window`. */
export function startAlignedSimilarity(context: string, window: string): number {
  return endAlignedSimilarity(reverse(context), reverse(window));
}
