/**
 * The Zyte article-extraction-benchmark score: tokens are runs of letters, digits and
 * underscore (case kept); overlapping 4-token shingles are counted per page; each page's
 * tp/fp/fn are normalised to sum 1; precision is averaged over pages with a non-empty
 * extraction, recall over all pages; F1 is the harmonic mean of the two means.
 */
const TOKEN = /[\p{L}\p{N}\p{M}_]+/gu;

export function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

function shingles(text: string, n = 4): Map<string, number> {
  const toks = tokens(text);
  const counts = new Map<string, number>();
  for (let i = 0; i < Math.max(1, toks.length - n + 1); i++) {
    const s = toks.slice(i, i + n).join(' ');
    if (s) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  return counts;
}

export interface PageScore {
  precision: number | null;
  recall: number;
}

export function scorePage(truth: string, predicted: string): PageScore {
  const t = shingles(truth);
  const p = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const tc = t.get(key) ?? 0;
    const pc = p.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
    fn += Math.max(0, tc - pc);
  }
  const empty = p.size === 0;
  return {
    precision: empty ? null : tp + fp ? tp / (tp + fp) : 0,
    recall: tp + fn ? tp / (tp + fn) : 1,
  };
}

export interface Summary {
  f1: number;
  precision: number;
  recall: number;
  pages: number;
}

export function summarise(scores: PageScore[]): Summary {
  const ps = scores.map((s) => s.precision).filter((p): p is number => p !== null);
  const precision = ps.reduce((a, b) => a + b, 0) / (ps.length || 1);
  const recall = scores.reduce((a, s) => a + s.recall, 0) / (scores.length || 1);
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { f1, precision, recall, pages: scores.length };
}

export const fmt = (x: number): string => x.toFixed(3);
