import { editDistance } from './distance';

/**
 * Whether `found` differs from `quote` only by typo-level changes, the only changes fuzzy
 * anchoring accepts (a reworded passage is a different passage: better an orphan than a wrong
 * anchor). Both strings are normalised (see normalize.ts). The words are aligned (longest
 * common subsequence); each run of differing words must be within one edit of its counterpart
 * (two in long words: a fixed typo, a split or joined word), with no digit changed (30 → 31 is
 * news, not a typo), and at most one word in eight may differ.
 */
export function isTypoLevel(quote: string, found: string): boolean {
  const a = quote.split(' ');
  const b = found.split(' ');
  const gaps = differingRuns(a, b);
  if (gaps.length > Math.max(1, Math.floor(a.length / 8))) return false;
  return gaps.every(([x, y]) => {
    if (/\d/.test(x + y)) return false;
    const longest = Math.max(x.length, y.length);
    const allowed = Math.min(longest >= 9 ? 2 : 1, Math.ceil(longest / 2) - 1);
    return editDistance(x, y) <= allowed;
  });
}

/** The runs of words that differ between `a` and `b`, as joined pairs [from a, from b]. */
function differingRuns(a: string[], b: string[]): [string, string][] {
  // lcs[i][j] = length of the LCS of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const runs: [string, string][] = [];
  let runA: string[] = [];
  let runB: string[] = [];
  const flush = () => {
    if (runA.length || runB.length) runs.push([runA.join(' '), runB.join(' ')]);
    runA = [];
    runB = [];
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      flush();
      i++;
      j++;
    } else if (j >= b.length || (i < a.length && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      runA.push(a[i++]!);
    } else {
      runB.push(b[j++]!);
    }
  }
  flush();
  return runs;
}
