import { anchor, describe, shortHash } from '../../../utils/anchoring';
import type { AnchorResult, BlockText, Selectors } from '../../../utils/anchoring';
import { EditableDoc } from './doc';
import { applyEdits, EDIT_KINDS, type EditKind } from './edits';
import { Rng, seedFor } from './prng';

export interface EvalArticle {
  id: string;
  text: string;
  blocks: BlockText[];
}

/** Blocks as the extractor makes them: paragraphs of the text, ids from position and text hash. */
export function blocksOf(text: string): BlockText[] {
  return text.split('\n\n').map((t, i) => ({ id: `b${i}-${shortHash(t, 4)}`, text: t }));
}

/** An article from a plain-text body: one block per non-empty line, joined as `Article.text` is. */
export function articleFromBody(id: string, body: string): EvalArticle {
  const text = body
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n\n');
  return { id, text, blocks: blocksOf(text) };
}

interface PlacedHighlight {
  article: number;
  start: number;
  end: number;
  selectors: Selectors;
}

/** Random highlights from word starts, from two words to a couple of sentences. */
function placeHighlights(articles: EvalArticle[], count: number, seed: number): PlacedHighlight[] {
  const rng = new Rng(seed);
  const placed: PlacedHighlight[] = [];
  while (placed.length < count) {
    const article = rng.int(0, articles.length - 1);
    const { text, blocks } = articles[article]!;
    const words = [...text.matchAll(/\S+/g)];
    const roll = rng.next();
    const length = roll < 0.5 ? rng.int(2, 8) : roll < 0.8 ? rng.int(9, 25) : rng.int(26, 60);
    if (words.length <= length) continue;
    const first = rng.int(0, words.length - length);
    const last = words[first + length - 1]!;
    const start = words[first]!.index;
    const end = last.index + last[0].length;
    placed.push({ article, start, end, selectors: describe(text, start, end, blocks) });
  }
  return placed;
}

export type AnchorFn = (text: string, selectors: Selectors, blocks: BlockText[]) => AnchorResult;

export interface KindStats {
  /** Highlights whose passage survived the edits (possibly with minor edits inside). */
  survived: number;
  exact: number;
  survivedOrphan: number;
  /** Survivors placed on other text (`misplacedNearby` of them overlap the right passage). */
  survivedWrong: number;
  misplacedNearby: number;
  /** Highlights whose passage is gone (reworded, deleted, truncated). */
  gone: number;
  goneOrphan: number;
  goneWrong: number;
}

export interface WrongExample {
  kind: EditKind;
  quote: string;
  expected: string | null;
  landed: string;
}

export interface EvalReport {
  kinds: Map<EditKind, KindStats>;
  overall: KindStats;
  wrongExamples: WrongExample[];
}

export interface EvalOptions {
  articles: EvalArticle[];
  highlights: number;
  seed?: number;
  kinds?: readonly EditKind[];
  anchorFn?: AnchorFn;
}

const emptyStats = (): KindStats => ({
  survived: 0,
  exact: 0,
  survivedOrphan: 0,
  survivedWrong: 0,
  misplacedNearby: 0,
  gone: 0,
  goneOrphan: 0,
  goneWrong: 0,
});

/**
 * Places highlights on the original articles, edits each article once per kind of edit, and
 * re-anchors every highlight in the edited text, comparing with where its passage really went.
 */
export function runEval({ articles, highlights, seed = 1, kinds = EDIT_KINDS, anchorFn = anchor }: EvalOptions): EvalReport {
  const placed = placeHighlights(articles, highlights, seed);
  const byArticle = new Map<number, PlacedHighlight[]>();
  for (const h of placed) byArticle.set(h.article, [...(byArticle.get(h.article) ?? []), h]);
  const report: EvalReport = { kinds: new Map(), overall: emptyStats(), wrongExamples: [] };
  for (const kind of kinds) {
    const stats = emptyStats();
    for (const [index, hs] of byArticle) {
      const article = articles[index]!;
      const doc = new EditableDoc(article.text);
      const rng = new Rng(seedFor(seed, article.id, kind));
      const donor = articles[(index + 1) % articles.length]!.text.split('\n\n');
      applyEdits(doc, kind, { rng, donor });
      const blocks = blocksOf(doc.text);
      for (const h of hs) {
        const expected = doc.target(h.start, h.end);
        const result = anchorFn(doc.text, h.selectors, blocks);
        const landed = 'orphan' in result ? null : result;
        if (expected) {
          stats.survived++;
          if (!landed) stats.survivedOrphan++;
          else if (landed.start === expected.start && landed.end === expected.end) stats.exact++;
          else {
            stats.survivedWrong++;
            if (landed.start < expected.end && expected.start < landed.end) stats.misplacedNearby++;
          }
        } else {
          stats.gone++;
          if (landed) stats.goneWrong++;
          else stats.goneOrphan++;
        }
        const wrong = landed && !(expected && landed.start === expected.start && landed.end === expected.end);
        if (wrong && report.wrongExamples.filter((w) => w.kind === kind).length < 4) {
          report.wrongExamples.push({
            kind,
            quote: h.selectors.quote.exact,
            expected: expected && doc.text.slice(expected.start, expected.end),
            landed: doc.text.slice(landed.start, landed.end),
          });
        }
      }
    }
    report.kinds.set(kind, stats);
    for (const key of Object.keys(stats) as (keyof KindStats)[]) report.overall[key] += stats[key];
  }
  return report;
}

/** Ratios as "n/d (p%)". */
const ratio = (n: number, d: number) => `${n}/${d}${d ? ` (${((100 * n) / d).toFixed(1)}%)` : ''}`;

export function formatReport(report: EvalReport): string {
  const rows = [...report.kinds, ['overall', report.overall] as const].map(([kind, s]) =>
    [
      kind.padEnd(12),
      `exact ${ratio(s.exact, s.survived)}`.padEnd(30),
      `survivor orphans ${ratio(s.survivedOrphan, s.survived)}`.padEnd(34),
      `gone→orphan ${ratio(s.goneOrphan, s.gone)}`.padEnd(30),
      `WRONG ${s.survivedWrong + s.goneWrong}${s.misplacedNearby ? ` (${s.misplacedNearby} overlapping the right passage)` : ''}`,
    ].join(' '),
  );
  return rows.join('\n');
}
