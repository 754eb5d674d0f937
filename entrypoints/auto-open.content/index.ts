/**
 * Runs on the sites the reader opted in to, only there (registered per site by the
 * background, see platform/auto-open.ts). It only decides: the cheap readerable check, and on
 * an article it asks the background to inject the full reader and open the clean view.
 */
import { browser, defineContentScript } from '#imports';
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import type { Message } from '../../platform/messages';
import { pageSettled, watchAddress } from '../../platform/page-navigation';

declare global {
  /** The last decision; also read by scripts/bench-autoopen.ts from this isolated world. */
  var __lucidAutoOpen: { readerable: boolean; detectMs: number } | undefined;
}

function decide(): void {
  const t0 = performance.now();
  const readerable = isProbablyReaderable(document);
  globalThis.__lucidAutoOpen = { readerable, detectMs: performance.now() - t0 };
  if (readerable) void browser.runtime.sendMessage({ type: 'auto-open:article' } satisfies Message).catch(() => undefined);
}

export default defineContentScript({
  registration: 'runtime',
  main() {
    if (globalThis.__lucidAutoOpen) return;
    decide();
    // A single-page site's next article: decide again once it has rendered.
    watchAddress(() => void pageSettled().then(decide));
  },
});
