/**
 * npm run bench — the pipeline's cost against bare Readability, in one process, on the same
 * 181 Zyte pages and the same DOM implementation (jsdom): time per stage as a ratio of bare
 * Readability's time, peak memory, and the built bundles' gzip sizes.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { withPage } from '../cli/dom';
import { extractArticle } from '../utils/extract';
import { attributeQuotes } from '../utils/quotes';
import type { Timing } from '../utils/types';
import { hasShared, skipMessage, zytePages } from './lib/corpus';

const BUILD = '.output/chrome-mv3';
const BUDGET = { contentScript: 40 * 1024, popup: 25 * 1024 };

function gzipSize(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

/** Gzip size of an extension page's JavaScript: every script and preloaded chunk it loads. */
function pageScriptsSize(html: string): number {
  const page = readFileSync(join(BUILD, html), 'utf8');
  const files = [...page.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1]);
  return files.reduce((sum, f) => sum + gzipSize(join(BUILD, f)), 0);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function bundles(): void {
  if (!existsSync(join(BUILD, 'manifest.json'))) execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
  const content = gzipSize(join(BUILD, 'content-scripts', 'extract.js'));
  console.log('\nBundles (gzip -9):');
  console.log(`  content script (extract.js): ${kb(content)}  (budget ${kb(BUDGET.contentScript)})`);
  console.log(`  popup JavaScript:            ${kb(pageScriptsSize('popup.html'))}  (budget ${kb(BUDGET.popup)})`);
  for (const page of readdirSync(BUILD).filter((f) => f.endsWith('.html') && f !== 'popup.html')) {
    console.log(`  ${page.padEnd(28)} ${kb(pageScriptsSize(page))}`);
  }
}

function timings(): void {
  const pages = zytePages(Number(process.env.BENCH_LIMIT ?? Infinity));
  const stages: (keyof Timing)[] = ['readabilityMs', 'signalsMs', 'leadMs', 'sanitizeMs', 'blocksMs', 'foldMs', 'quotesMs'];
  const sums: Record<string, number> = {};
  let bare = 0;
  let ours = 0;
  let peakRss = 0;
  const runBare = (html: string, url: string) => {
    return withPage(html, url, (doc) => {
      const t0 = performance.now();
      new Readability(doc).parse();
      return performance.now() - t0;
    });
  };
  const runOurs = (html: string, url: string) => {
    const article = withPage(html, url, (doc) => extractArticle(doc, { url, force: true, quotes: attributeQuotes, consume: true }));
    return article.timing!;
  };
  // Warm up the JIT on a few pages so neither side pays for compilation in the figures.
  for (const page of pages.slice(0, 8)) {
    runBare(page.html, page.url);
    runOurs(page.html, page.url);
  }
  for (const [i, page] of pages.entries()) {
    // Alternate the order so caches and GC pressure fall on both sides alike.
    const first = i % 2 === 0;
    let b = 0;
    let t: Timing;
    if (first) {
      b = runBare(page.html, page.url);
      t = runOurs(page.html, page.url);
    } else {
      t = runOurs(page.html, page.url);
      b = runBare(page.html, page.url);
    }
    bare += b;
    ours += t.totalMs;
    for (const s of stages) sums[s] = (sums[s] ?? 0) + (t[s] ?? 0);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  console.log(`Pipeline vs bare Readability, ${pages.length} Zyte pages, jsdom, one process (parse not timed);`);
  console.log('  the pipeline as the CLI runs it: the parsed page is handed over, so no copy is made');
  console.log('  (the content script copies the live page first: see npm run bench:browser for that cost)');
  console.log(`  bare Readability:  ${bare.toFixed(0)} ms  (${(bare / pages.length).toFixed(1)} ms/page)`);
  console.log(`  Lucid pipeline:    ${ours.toFixed(0)} ms  (${(ours / pages.length).toFixed(1)} ms/page)`);
  console.log(`  ratio pipeline / bare Readability: ${(ours / bare).toFixed(2)}  (goal ≤ 1.30)`);
  console.log('  per stage, as a share of bare Readability\'s time (readability includes the page clone):');
  for (const s of stages) console.log(`    ${s.replace('Ms', '').padEnd(12)} ${(sums[s] / bare).toFixed(3)}`);
  const rest = ours - stages.reduce((n, s) => n + sums[s], 0);
  console.log(`    ${'other'.padEnd(12)} ${(rest / bare).toFixed(3)}  (guards, readerable check, metadata)`);
  const folding = sums.signalsMs + sums.foldMs;
  // "Adds at most 10% to the pipeline's time": folding against the pipeline without it. The lead
  // (standfirst put back after Readability) is extraction, timed apart as `lead`.
  console.log(`  folding (signals + fold): ${(folding / bare).toFixed(3)} of bare Readability's time; adds ${((100 * folding) / (ours - folding)).toFixed(1)}% to the rest of the pipeline (${((100 * folding) / ours).toFixed(1)}% of the whole)  (goal ≤ 10%)`);
  console.log(`  peak memory (RSS): ${(peakRss / 2 ** 20).toFixed(0)} MB`);
}

if (hasShared()) timings();
else console.log(skipMessage('npm run bench (timings)'));
bundles();
