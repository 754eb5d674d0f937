/**
 * npm run bench:browser — the pipeline's cost against bare Readability in Chromium, the DOM
 * the product really runs on, on the 181 Zyte pages. `npm run bench` makes the same comparison
 * under jsdom, where cloning the document dominates and the ratio says little about a real tab.
 *
 * How: a small page-side script (Readability + utils/extract + utils/quotes, bundled by esbuild
 * into an IIFE) is injected into each page after it loads. Pages are served on 127.0.0.1 and
 * every other request is refused, so nothing reaches the web. Per page, bare Readability and
 * the pipeline each run REPS times in alternating order; the per-page median is kept.
 *
 * Env: BENCH_LIMIT=n   only the first n pages
 *      BENCH_REPS=n    runs per side per page (default 3)
 *
 * The pages' own scripts run, as in a tab (with the web unreachable they mostly fail early).
 * They cannot simply be switched off: in a context with scripting disabled, DOMPurify's
 * Trusted Types policy callback "is no longer runnable" and every extraction throws.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, servePages } from '../tests/e2e/harness';
import type { Timing } from '../utils/types';
import { hasShared, skipMessage, zytePages } from './lib/corpus';

const LIMIT = Number(process.env.BENCH_LIMIT ?? Infinity);
const REPS = Math.max(1, Number(process.env.BENCH_REPS ?? 3));
/** A page whose runs take longer than this is abandoned (its tab is closed) and counted. */
const PAGE_TIMEOUT_MS = 60_000;
/** How long to wait for a page's `load` event after DOMContentLoaded before measuring anyway. */
const LOAD_WAIT_MS = 5_000;

/** What the page-side script returns for one page. */
interface PageResult {
  /** Bare runs: the clone (`document.cloneNode(true)`) and Readability's `.parse()`, timed apart. */
  bare: { cloneMs: number; parseMs: number }[];
  /** Pipeline runs, in the order they ran. */
  ours: Timing[];
  /** Set when extractArticle threw (the page is skipped). */
  error?: string;
}

/**
 * The page-side entry. `gc()` (from --js-flags=--expose-gc) runs before every timed call, so
 * neither side pays for the garbage the other left behind.
 */
function pageEntry(root: string): string {
  return `
import { Readability } from '@mozilla/readability';
import { extractArticle } from ${JSON.stringify(join(root, 'utils/extract'))};
import { attributeQuotes } from ${JSON.stringify(join(root, 'utils/quotes'))};

const collect = () => { if (typeof window.gc === 'function') window.gc(); };

function bare() {
  collect();
  const t0 = performance.now();
  const clone = document.cloneNode(true);
  const t1 = performance.now();
  new Readability(clone).parse();
  const t2 = performance.now();
  return { cloneMs: t1 - t0, parseMs: t2 - t1 };
}

function ours(url) {
  collect();
  return extractArticle(document, { url, force: true, quotes: attributeQuotes }).timing;
}

/** reps runs of each side, alternating which goes first; bareFirst picks the first run's order. */
function run(url, reps, bareFirst) {
  const out = { bare: [], ours: [] };
  try {
    for (let i = 0; i < reps; i++) {
      if ((i % 2 === 0) === bareFirst) {
        out.bare.push(bare());
        out.ours.push(ours(url));
      } else {
        out.ours.push(ours(url));
        out.bare.push(bare());
      }
    }
  } catch (err) {
    out.error = String(err && err.message || err);
  }
  return out;
}

window.__bench = { bare, ours, run };
`;
}

/** Bundles the page-side script with esbuild; returns its source. */
function bundle(root: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'lucid-bench-browser-'));
  try {
    const entry = join(dir, 'entry.js');
    const out = join(dir, 'bench.js');
    writeFileSync(entry, pageEntry(root));
    execFileSync(
      join(root, 'node_modules/.bin/esbuild'),
      [entry, '--bundle', '--format=iife', '--minify', '--platform=browser', `--outfile=${out}`, '--log-level=warning'],
      // Bare specifiers (@mozilla/readability, dompurify) resolve from the project's node_modules.
      { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, NODE_PATH: join(root, 'node_modules') } },
    );
    return readFileSync(out, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** The pipeline run with the median total, so its stages still add up to its total. */
function medianRun(runs: Timing[]): Timing {
  const sorted = [...runs].sort((a, b) => a.totalMs - b.totalMs);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** Requests refused by routing (anything not on 127.0.0.1). */
let refused = 0;
/** Pages measured without their `load` event having fired. */
const noLoad: string[] = [];

async function newTab(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  // Only 127.0.0.1 is reachable: pages must not load fonts, ads or scripts from the web
  // (--host-resolver-rules below also stops anything that escapes routing, e.g. WebSockets).
  await context.route('**/*', (route) => {
    const { hostname, protocol } = new URL(route.request().url());
    if (hostname === '127.0.0.1' || protocol === 'data:') return route.continue();
    refused++;
    return route.abort('blockedbyclient');
  });
  return context.newPage();
}

async function main(): Promise<void> {
  const root = resolve(process.cwd());
  const t0 = Date.now();
  const script = bundle(root);
  const pages = zytePages(LIMIT);
  const { origin, server } = await servePages(Object.fromEntries(pages.map((p) => [`/${p.id}.html`, p.html])));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      '--js-flags=--expose-gc',
    ],
  });

  const bare: { cloneMs: number; parseMs: number }[] = [];
  const ours: Timing[] = [];
  const skipped: string[] = [];
  let coldQuotes: { page: string; coldMs: number; warmMs: number } | null = null;
  let tab = await newTab(browser);
  try {
    for (const [i, page] of pages.entries()) {
      let result: PageResult;
      try {
        await tab.goto(`${origin}/${page.id}.html`, { waitUntil: 'domcontentloaded', timeout: 30_000 });
        // Wait for `load` too, but not for ever: on one page (65408257…) it never fires even with
        // every outside request refused; the document is complete all the same.
        await tab.waitForLoadState('load', { timeout: LOAD_WAIT_MS }).catch(() => noLoad.push(page.id));
        // Injected as an expression (`void 0;` keeps Playwright from taking it for a function).
        await tab.evaluate(`void 0;${script}`);
        if (i === 0 && (await tab.evaluate('typeof window.gc')) !== 'function') {
          console.error('  (window.gc is missing: runs are not separated by a collection, expect more noise)');
        }
        let timer: NodeJS.Timeout | undefined;
        result = await Promise.race([
          tab.evaluate(
            ([url, reps, bareFirst]) => (window as unknown as { __bench: { run(u: string, r: number, b: boolean): PageResult } }).__bench.run(url, reps, bareFirst),
            [page.url, REPS, i % 2 === 0] as [string, number, boolean],
          ),
          new Promise<never>((_, fail) => (timer = setTimeout(() => fail(new Error(`timed out after ${PAGE_TIMEOUT_MS / 1000} s`)), PAGE_TIMEOUT_MS))),
        ]).finally(() => clearTimeout(timer));
      } catch (err) {
        // A hung or crashed tab: start afresh so the next page is not measured in its wake.
        skipped.push(`${page.id}: ${(err as Error).message.split('\n')[0]}`);
        await tab.context().close().catch(() => undefined);
        tab = await newTab(browser);
        continue;
      }
      if (result.error) {
        skipped.push(`${page.id}: ${result.error}`);
        continue;
      }
      if (i === 0 && result.ours[0]?.quotesMs !== undefined) {
        // The very first call in a fresh browser: the quotes code has never run (parse, compile,
        // building its regexes and tables); later pages reuse V8's compilation cache.
        coldQuotes = { page: page.id, coldMs: result.ours[0].quotesMs, warmMs: median(result.ours.slice(1).map((t) => t.quotesMs ?? 0)) };
      }
      bare.push({ cloneMs: median(result.bare.map((b) => b.cloneMs)), parseMs: median(result.bare.map((b) => b.parseMs)) });
      ours.push(medianRun(result.ours));
      if ((i + 1) % 25 === 0) console.error(`  … ${i + 1}/${pages.length} pages (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    }
  } finally {
    await browser.close();
    server.close();
  }
  report(pages.length, bare, ours, skipped, coldQuotes, (Date.now() - t0) / 1000);
}

function report(
  total: number,
  bare: { cloneMs: number; parseMs: number }[],
  ours: Timing[],
  skipped: string[],
  coldQuotes: { page: string; coldMs: number; warmMs: number } | null,
  seconds: number,
): void {
  const n = ours.length;
  if (!n) {
    console.log(`No page could be measured (${skipped.length} skipped).`);
    for (const s of skipped) console.log(`  ${s}`);
    return;
  }
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const bareMs = sum(bare.map((b) => b.parseMs));
  const cloneMs = sum(bare.map((b) => b.cloneMs));
  const oursMs = sum(ours.map((t) => t.totalMs));
  const stage = (key: keyof Timing) => sum(ours.map((t) => t[key] ?? 0));
  const stages: (keyof Timing)[] = ['readabilityMs', 'signalsMs', 'leadMs', 'sanitizeMs', 'blocksMs', 'foldMs', 'quotesMs'];
  const share = (ms: number) => (ms / bareMs).toFixed(3);
  const line = (label: string, ms: number) => `  ${label.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms  (${(ms / n).toFixed(2)} ms/page)`;

  console.log(
    `Pipeline vs bare Readability in Chromium, ` +
      `${n} of ${total} Zyte pages, median of ${REPS} runs per page:`,
  );
  // Bare Readability keeps its default serializer (innerHTML of the article), as npm run bench does.
  console.log(line('bare Readability .parse():', bareMs));
  console.log(line('document.cloneNode(true) alone:', cloneMs));
  console.log(line('Lucid pipeline (totalMs):', oursMs));
  console.log(`  ratio pipeline / bare:             ${(oursMs / bareMs).toFixed(2)}  (goal ≤ 1.30)`);
  console.log(`  ratio (pipeline − clone) / bare:   ${((oursMs - cloneMs) / bareMs).toFixed(2)}`);
  console.log('  per stage, as a share of bare Readability (readability includes the clone and the clobbering defence):');
  for (const s of stages) console.log(`    ${s.replace('Ms', '').padEnd(12)} ${share(stage(s))}`);
  const rest = oursMs - sum(stages.map(stage));
  console.log(`    ${'other'.padEnd(12)} ${share(rest)}  (guards: textContent and element count)`);
  console.log(`    readability − clone: ${share(stage('readabilityMs') - cloneMs)}  (Readability inside the pipeline vs bare)`);
  const folding = stage('signalsMs') + stage('foldMs');
  console.log(
    `  folding (signals + fold): ${share(folding)} of bare; adds ${((100 * folding) / (oursMs - folding)).toFixed(1)}% to the rest of the pipeline (${((100 * folding) / oursMs).toFixed(1)}% of the whole)  (goal ≤ 10%)`,
  );
  console.log(`  quotes: ${share(stage('quotesMs'))} of bare, ${((100 * stage('quotesMs')) / oursMs).toFixed(1)}% of the pipeline`);
  if (coldQuotes) {
    console.log(
      `  quotes, cold first call (page ${coldQuotes.page}): ${coldQuotes.coldMs.toFixed(1)} ms  (warm on the same page: ${coldQuotes.warmMs.toFixed(1)} ms)`,
    );
  }
  console.log(`  skipped: ${skipped.length}${skipped.length ? '' : ' pages'}`);
  for (const s of skipped) console.log(`    ${s}`);
  if (noLoad.length) console.log(`  measured without a load event (none within ${LOAD_WAIT_MS / 1000} s): ${noLoad.join(', ')}`);
  console.log(`  requests to the web refused: ${refused}; wall time: ${seconds.toFixed(0)} s`);
}

if (!hasShared()) {
  console.log(skipMessage('npm run bench:browser'));
} else if (!existsSync(CHROMIUM)) {
  console.log(`npm run bench:browser: skipped, Chromium not found (looked for ${CHROMIUM}).`);
} else {
  await main();
}
