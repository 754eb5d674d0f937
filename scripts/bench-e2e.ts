/**
 * npm run bench:e2e — how fast the popup paints an article, in Chromium with the built
 * extension: the sample page and 10 Zyte corpus pages (served on 127.0.0.1), each opened
 * fresh and clicked RUNS times. Prints the median and p95 of "popup opened → article painted"
 * (the popup's `lucid:article-painted` mark), the share of it spent in the content script's
 * pipeline (`article.timing.totalMs`), and the popup's JavaScript size, gzipped.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR, clickAction, launch, servePages } from '../tests/e2e/harness';
import { hasShared, skipMessage, zytePages } from './lib/corpus';

const RUNS = Number(process.env.RUNS ?? 3);
const CORPUS_PAGES = 10;
/** Popup JavaScript budget, gzipped. */
const BUDGET_KB = 25;

interface Sample {
  page: string;
  paintMs: number;
  pipelineMs: number;
  /** Popup opened → its script runs. */
  startMs: number;
  /** Popup opened → the article arrives from the page. */
  receivedMs: number;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
const median = (values: number[]) => quantile([...values].sort((a, b) => a - b), 0.5);
const ms = (n: number) => `${n.toFixed(0)} ms`;

/** The gzipped size of the scripts popup.html loads (entry and preloaded chunks). */
function popupScriptBytes(): { files: string[]; gzip: number } {
  const html = readFileSync(join(EXTENSION_DIR, 'popup.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/([^"]+\.js)"/g)].map((m) => m[1]);
  const gzip = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(EXTENSION_DIR, f)), { level: 9 }).length, 0);
  return { files, gzip };
}

async function main(): Promise<void> {
  const pages: Record<string, string | Buffer> = { '/sample.html': readFileSync('tests/fixtures/sample-fr.html') };
  if (hasShared()) {
    // More than 10, as some corpus pages are not articles; the first 10 that paint count.
    for (const p of zytePages(CORPUS_PAGES * 2)) pages[`/zyte/${p.id}.html`] = p.html;
  } else {
    console.log(skipMessage('Corpus pages'));
  }
  const { origin, server } = await servePages(pages);
  const session = await launch();
  const samples: Sample[] = [];
  const skipped: string[] = [];
  let corpusCount = 0;
  try {
    const tab = await session.context.newPage();
    for (const path of Object.keys(pages)) {
      if (path.startsWith('/zyte/') && corpusCount >= CORPUS_PAGES) break;
      let painted = 0;
      for (let run = 0; run < RUNS; run++) {
        // A fresh load each time: the content script is injected anew, as on a first click.
        await tab.goto(`${origin}${path}`, { waitUntil: 'domcontentloaded' });
        const popup = await clickAction(session, tab);
        try {
          await popup.waitFor('performance.getEntriesByName("lucid:article-painted").length || document.querySelector("[role=alert]")', 30_000);
          const mark = await popup.evaluate<Omit<Sample, 'page' | 'pipelineMs'> & { pipelineMs: number | null } | null>(`(() => {
            const at = (name) => performance.getEntriesByName(name)[0];
            const m = at('lucid:article-painted');
            return m ? { paintMs: m.startTime, pipelineMs: m.detail.pipelineMs, startMs: at('lucid:popup-start').startTime, receivedMs: at('lucid:article-received').startTime } : null;
          })()`);
          if (mark && mark.pipelineMs !== null) {
            samples.push({ page: path, ...mark, pipelineMs: mark.pipelineMs });
            painted++;
          }
        } finally {
          await popup.close();
        }
        if (!painted) break; // not an article: no need to try again
      }
      const times = samples.filter((s) => s.page === path).map((s) => ms(s.paintMs));
      console.log(`  ${path}: ${painted ? times.join(', ') : 'no article'}`);
      if (!painted) skipped.push(path);
      else if (path.startsWith('/zyte/')) corpusCount++;
    }
  } finally {
    await session.close();
    server.close();
  }

  const paints = samples.map((s) => s.paintMs).sort((a, b) => a - b);
  if (!paints.length) throw new Error('No article was painted.');
  const shares = samples.map((s) => s.pipelineMs / s.paintMs);
  const pipelineTotal = samples.reduce((n, s) => n + s.pipelineMs, 0);
  const paintTotal = samples.reduce((n, s) => n + s.paintMs, 0);
  console.log(`Popup opened → article painted, ${samples.length} samples (${1 + corpusCount} pages × ${RUNS} runs, fresh page each run):`);
  console.log(`  median ${ms(quantile(paints, 0.5))}   p95 ${ms(quantile(paints, 0.95))}   min ${ms(paints[0])}   max ${ms(paints[paints.length - 1])}`);
  console.log(`  content-script pipeline: median ${ms(median(samples.map((s) => s.pipelineMs)))}; share of the time to paint: median ${(median(shares) * 100).toFixed(0)}%, overall ${((pipelineTotal / paintTotal) * 100).toFixed(0)}%`);
  const start = median(samples.map((s) => s.startMs));
  const received = median(samples.map((s) => s.receivedMs - s.startMs));
  const render = median(samples.map((s) => s.paintMs - s.receivedMs));
  console.log(`  medians of the steps: popup script starts ${ms(start)}, asks and gets the article ${ms(received)}, renders and paints ${ms(render)}`);
  const sample = samples.filter((s) => s.page === '/sample.html').map((s) => s.paintMs);
  if (sample.length) console.log(`  sample page: median ${ms(median(sample))}`);
  if (skipped.length) console.log(`  not articles (no paint, left out): ${skipped.join(', ')}`);
  const { files, gzip } = popupScriptBytes();
  const kb = gzip / 1024;
  console.log(`Popup JavaScript: ${kb.toFixed(1)} KB gzip (${files.join(', ')}); budget ${BUDGET_KB} KB: ${kb <= BUDGET_KB ? 'ok' : 'OVER'}`);
  if (kb > BUDGET_KB) process.exitCode = 1;
}

main().catch((err) => {
  console.error(`bench:e2e failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
