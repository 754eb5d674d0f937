/**
 * Runs on the sites the reader opted in to, only there (registered per site by the
 * background, see platform/auto-open.ts). It only decides: the cheap readerable check, and on
 * an article it asks the background to inject the full reader and open the clean view.
 */
import { defineContentScript } from '#imports';
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import { pageSettled, watchAddress } from '../../platform/page-navigation';
import { send } from '../../platform/send';

/**
 * The last decision, an own property of this isolated world's window (a page element named
 * like it is no such property: R6); also read by scripts/bench-autoopen.ts from this world.
 */
const DECISION = '__lucidAutoOpen';

function decide(): void {
  const t0 = performance.now();
  const readerable = isProbablyReaderable(document);
  Object.defineProperty(globalThis, DECISION, { value: { readerable, detectMs: performance.now() - t0 }, configurable: true, writable: true });
  if (readerable) void send({ type: 'auto-open:article' }).catch(() => undefined);
}

export default defineContentScript({
  registration: 'runtime',
  main() {
    if (Object.getOwnPropertyDescriptor(globalThis, DECISION)) return;
    decide();
    // A single-page site's next article: decide again once it has rendered.
    watchAddress(() => void pageSettled().then(decide));
  },
});
