/**
 * The cost of deciding whether to open the clean view by itself, in Chromium with the built
 * extension: 20 Zyte corpus pages served on 127.0.0.1, the site opted in (its permission
 * granted, the auto-open script registered), each page loaded fresh. The auto-open script
 * times its readerable check and leaves `__lucidAutoOpen` in its isolated world, where this
 * script reads it over CDP. Prints the median and p95 (budget: median under 20 ms), and the
 * auto-open script's size.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession, Page } from 'playwright-core';
import { EXTENSION_DIR, launch, servePages, type Session } from '../tests/e2e/harness';
import { hasShared, skipMessage, zytePages } from './lib/corpus';

const PAGES = 20;
const BUDGET_MS = 20;

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
const ms = (n: number) => `${n.toFixed(2)} ms`;

/** Grants the site's permission and registers the auto-open script, as the opt-in click does. */
async function optIn(session: Session, site: string): Promise<void> {
  const origins = [`http://${site}/*`, `https://${site}/*`];
  // chrome://extensions grants without the prompt that headless Chromium cannot answer.
  const extensions = await session.context.newPage();
  await extensions.goto('chrome://extensions');
  for (const host of origins) {
    await extensions.evaluate(
      ([id, h]) =>
        (globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(id: string, h: string): Promise<void> } } }).chrome.developerPrivate.addHostPermission(id, h),
      [session.extensionId, host],
    );
  }
  await extensions.close();
  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  const cdp = await session.context.newCDPSession(options);
  // permissions.request wants a user gesture: CDP evaluates with one.
  const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
    expression: `chrome.permissions.request({ origins: ${JSON.stringify(origins)} })
      .then((ok) => ok && chrome.runtime.sendMessage({ type: 'auto-open:add', site: ${JSON.stringify(site)} }))`,
    userGesture: true,
    awaitPromise: true,
    returnByValue: true,
  })) as { result: { value?: { ok: boolean; error?: string } | false }; exceptionDetails?: unknown };
  if (exceptionDetails || !result.value || !result.value.ok) throw new Error(`Opting in failed: ${JSON.stringify(result.value ?? exceptionDetails)}`);
  await options.close();
}

/** Reads `__lucidAutoOpen` from the extension's isolated world in the page. */
async function decision(page: Page, cdp: CDPSession, contexts: Map<number, string>): Promise<{ readerable: boolean; detectMs: number }> {
  for (let i = 0; i < 200; i++) {
    for (const [id, name] of contexts) {
      if (name !== 'Lucid Reader') continue;
      const { result } = (await cdp
        .send('Runtime.evaluate', { expression: 'globalThis.__lucidAutoOpen', contextId: id, returnByValue: true })
        .catch(() => ({ result: {} }))) as { result: { value?: { readerable: boolean; detectMs: number } } };
      if (result.value) return result.value;
    }
    await page.waitForTimeout(50);
  }
  throw new Error(`No decision on ${page.url()}`);
}

async function main(): Promise<void> {
  if (!hasShared()) {
    console.log(skipMessage('bench-autoopen'));
    return;
  }
  const corpus = zytePages(PAGES);
  const pages = Object.fromEntries(corpus.map((p) => [`/${p.id}.html`, p.html]));
  const { origin, server } = await servePages(pages);
  const session = await launch();
  const samples: { id: string; detectMs: number; readerable: boolean }[] = [];
  try {
    await optIn(session, new URL(origin).host);
    for (const { id } of corpus) {
      const page = await session.context.newPage();
      // Only the served page itself: corpus pages point at the live web.
      await page.route((url) => !url.href.startsWith(origin), (route) => route.abort());
      const cdp = await session.context.newCDPSession(page);
      const contexts = new Map<number, string>();
      cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.set(context.id, context.name));
      await cdp.send('Runtime.enable');
      await page.goto(`${origin}/${id}.html`, { waitUntil: 'domcontentloaded' });
      samples.push({ id, ...(await decision(page, cdp, contexts)) });
      await page.close();
    }
  } finally {
    await session.close();
    server.close();
  }
  const sorted = samples.map((s) => s.detectMs).sort((a, b) => a - b);
  const median = quantile(sorted, 0.5);
  const script = readFileSync(join(EXTENSION_DIR, 'content-scripts', 'auto-open.js'));
  console.log(`Auto-open decision (isProbablyReaderable in the auto-open content script), Chromium, ${samples.length} Zyte pages:`);
  console.log(`  median ${ms(median)}, p95 ${ms(quantile(sorted, 0.95))}, max ${ms(sorted.at(-1)!)}  (budget: median < ${BUDGET_MS} ms)`);
  console.log(`  articles: ${samples.filter((s) => s.readerable).length} of ${samples.length}`);
  console.log(`  auto-open.js: ${(script.length / 1024).toFixed(1)} KB, ${(gzipSync(script).length / 1024).toFixed(1)} KB gzip`);
  if (median >= BUDGET_MS) process.exitCode = 1;
}

await main();
