/**
 * npm run eval — extraction quality on the shared corpora, with bare Readability measured in
 * the same run on the same DOM implementation (jsdom).
 *   1. Zyte benchmark (181 pages): F1 / precision / recall of the default path (as a toolbar
 *      click runs it: it may refuse a page) and of the forced path ("Try anyway"), bare
 *      Readability beside them, each also on the even and odd halves of the pages (in id order:
 *      tune on one half, confirm on the other), the largest per-page gains and losses; the pages where one
 *      paragraph holds 3+ paragraphs of the ground truth; titles complete and dates found
 *      where the page's metadata has them.
 *   2. Readability's test pages: pages whose block text equals expected.html's text, and the
 *      blocks folded per page (none may be a paragraph appearing once in expected.html).
 *   3. Folding: lines injected into the Zyte pages (repeats and clutter) that get folded.
 * Writes per-page details to .output/eval/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Readability } from '@mozilla/readability';
import { withPage } from '../cli/dom';
import { extractArticle } from '../utils/extract';
import { ExtractionError, type Article } from '../utils/types';
import { execFileSync } from 'node:child_process';
import { expectedParagraphs, foldReport, overFolding, printOverFolding, printReadabilityFolds, READABILITY_URL, type ReadabilityFoldReport } from './eval-fold';
import { hasShared, readabilityCases, skipMessage, zytePages } from './lib/corpus';
import { dateCheck, mostTruthParagraphsInOne, textUnits, titleCheck } from './lib/page-checks';
import { fmt, scorePage, summarise, tokens, type PageScore } from './lib/score';

if (!hasShared()) {
  console.log(skipMessage('npm run eval'));
  process.exit(0);
}
const limit = Number(process.env.EVAL_LIMIT ?? Infinity);
mkdirSync('.output/eval', { recursive: true });

function extract(html: string, url: string, force = true): Article | null {
  try {
    return withPage(html, url, (doc) => extractArticle(doc, { url, force, consume: true }));
  } catch (err) {
    if (err instanceof ExtractionError) return null;
    throw err;
  }
}

function bareReadabilityText(html: string, url: string): string {
  return withPage(html, url, (doc) => new Readability(doc).parse()?.textContent ?? '');
}

// 1. Zyte
const pages = zytePages(limit);
const ours: PageScore[] = [];
const defaults: PageScore[] = [];
const bare: PageScore[] = [];
const details: { id: string; url: string; ours: PageScore; bare: PageScore }[] = [];
const folding = overFolding();
const refused: string[] = [];
const runTogether: string[] = [];
const titles = { has: 0, complete: 0 };
const dates = { has: 0, found: 0 };
for (const page of pages) {
  // The default path runs in full and refuses only too little prose; a refusal is "Try anyway".
  const byDefault = extract(page.html, page.url, false);
  if (!byDefault) refused.push(page.id);
  const article = byDefault ?? extract(page.html, page.url);
  folding.add(page.id, article, page.truth);
  const o = scorePage(page.truth, article?.text ?? '');
  const b = scorePage(page.truth, bareReadabilityText(page.html, page.url));
  ours.push(o);
  defaults.push(byDefault ? o : scorePage(page.truth, ''));
  bare.push(b);
  details.push({ id: page.id, url: page.url, ours: o, bare: b });
  if (mostTruthParagraphsInOne(page.truth, textUnits(article)) >= 3) runTogether.push(page.id);
  const t = titleCheck(page.html, article);
  const d = dateCheck(page.html, article);
  titles.has += +t.has;
  titles.complete += +t.complete;
  dates.has += +d.has;
  dates.found += +d.found;
}
const so = summarise(ours);
const sd = summarise(defaults);
const sb = summarise(bare);
console.log(`Zyte article-extraction benchmark, ${so.pages} pages (4-gram shingles)`);
console.log(`  Lucid Reader, default path  F1 ${fmt(sd.f1)}  P ${fmt(sd.precision)}  R ${fmt(sd.recall)}  (${refused.length} of ${pages.length} refused${refused.length ? `: ${refused.map((id) => id.slice(0, 10)).join(', ')}` : ''})`);
console.log(`  Lucid Reader, --force       F1 ${fmt(so.f1)}  P ${fmt(so.precision)}  R ${fmt(so.recall)}`);
console.log(`  bare Readability            F1 ${fmt(sb.f1)}  P ${fmt(sb.precision)}  R ${fmt(sb.recall)}`);
console.log(`  published: Readability.js 0.947 (P 0.914, R 0.982); best published 0.970`);
// Halves by position in id order: tune folding on one, confirm on the other.
for (const [name, parity] of [['even', 0], ['odd', 1]] as const) {
  const half = (scores: PageScore[]) => summarise(scores.filter((_, i) => i % 2 === parity));
  const [h, hb] = [half(defaults), half(bare)];
  console.log(`    ${name} half (${h.pages} pages): default F1 ${fmt(h.f1)}  P ${fmt(h.precision)}  R ${fmt(h.recall)}; bare F1 ${fmt(hb.f1)}`);
}

const f1 = (s: PageScore) => (s.precision ? (2 * s.precision * s.recall) / (s.precision + s.recall || 1) : 0);
const deltas = details.map((d) => ({ ...d, dF1: f1(d.ours) - f1(d.bare), dR: d.ours.recall - d.bare.recall }));
const moved = deltas.filter((d) => Math.abs(d.dF1) > 0.0005).sort((a, b) => b.dF1 - a.dF1);
console.log(`  per-page F1 vs bare: ${moved.filter((d) => d.dF1 > 0).length} better, ${moved.filter((d) => d.dF1 < 0).length} worse`);
for (const d of [...moved.slice(0, 5), ...moved.slice(-5).filter((d) => d.dF1 < 0)]) {
  console.log(`    ${d.dF1 >= 0 ? '+' : ''}${d.dF1.toFixed(3)} F1  ${d.dR >= 0 ? '+' : ''}${d.dR.toFixed(3)} R  ${d.id.slice(0, 10)} ${d.url.slice(0, 70)}`);
}
const worstRecallLoss = Math.min(0, ...deltas.map((d) => d.dR));
console.log(`  largest recall loss on one page vs bare Readability: ${fmt(-worstRecallLoss)}`);
printOverFolding(folding.result);
console.log(`  pages where one paragraph holds 3+ paragraphs of the ground truth: ${runTogether.length}${runTogether.length ? ` (${runTogether.map((id) => id.slice(0, 10)).join(', ')})` : ''} (target 0)`);
console.log(`  title complete: ${titles.complete} of ${titles.has} pages whose metadata names a title (og:title, JSON-LD headline)`);
console.log(`  date found: ${dates.found} of ${dates.has} pages whose metadata has a publication date`);
writeFileSync('.output/eval/zyte.json', JSON.stringify(deltas, null, 1));

// 2. Readability test pages: the sanitizer and the block model must not lose content.
const cases = readabilityCases();
let exact = 0;
let kept = 0;
let total = 0;
const lossy: string[] = [];
const folds: ReadabilityFoldReport[] = [];
for (const c of cases) {
  const [expectedText, paragraphs] = withPage(c.expected, READABILITY_URL, (doc) => [doc.body.textContent ?? '', expectedParagraphs(doc)] as const);
  const expected = tokens(expectedText);
  const article = extract(c.source, READABILITY_URL);
  const got = tokens(article?.blocks.map((b) => b.text).join('\n') ?? '');
  folds.push(foldReport(c.name, article, paragraphs));
  const counts = new Map<string, number>();
  for (const t of got) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of expected) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      common++;
      counts.set(t, n - 1);
    }
  }
  kept += common;
  total += expected.length;
  if (expected.join(' ') === got.join(' ')) exact++;
  else lossy.push(`${c.name} (${common}/${expected.length} tokens)`);
}
console.log(`\nReadability test pages: ${exact}/${cases.length} pages' text equals expected.html's text (token sequence);`);
console.log(`  tokens of expected.html kept: ${kept}/${total} = ${fmt(kept / total)}`);
if (lossy.length) console.log(`  differing: ${lossy.slice(0, 12).join(', ')}${lossy.length > 12 ? ', …' : ''}`);
console.log('');
printReadabilityFolds(folds);

// 3. Folding: injected repeats and clutter lines, in a process of its own (jsdom keeps a little
// of every window, and this run has opened several hundred).
console.log('');
execFileSync(process.execPath, ['--import', 'tsx', 'scripts/eval-fold.ts', '--injection'], { stdio: 'inherit' });
