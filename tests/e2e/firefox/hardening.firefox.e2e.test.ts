/**
 * Hostile input in Firefox ESR through the real toolbar action: the XSS corpus (DOMPurify's
 * "alert" fixtures and OWASP's vectors embedded in article pages) in the popup and its "Copy as
 * Markdown", and the hostile and odd page classes, each giving an article or a clear message in
 * time with the tab still answering. The Chromium twins: tests/e2e/xss.e2e.test.ts and
 * tests/e2e/hostile-pages.e2e.test.ts.
 */
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASES, expectation, popupOutcome, serveCases, type Case } from '../../fixtures/hostile/odd-pages';
import { batches, findMarkdownDanger, haveCorpus, loadPayloads, xssArticlePage } from '../../fixtures/hostile/xss-pages';
import { HOOKS, POPUP_SETTLED, dangerIn, type Hooks } from '../../hardening/e2e-helpers';
import { servePages } from '../harness';
import { EXTENSION_ORIGIN, answers, clickActionFirefox, extensionCspErrors, launchFirefox, type FirefoxSession } from './harness';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const PER_PAGE = 40;
const BOUND_MS = 15_000;
/**
 * Known slow in Firefox: the content script reads the page through Xray wrappers, and on the
 * page of 100,000 elements extraction took 14.7 s here (about as long as the popup waits for
 * an answer, ANSWER_TIMEOUT_MS), so the popup shows either the article or its "did not answer"
 * message, and the tab may stay busy until the script is done. Both are bounded; the time is
 * printed. Chromium reads the same page in about 3 s.
 */
/** How long the popup waits for the page (platform/extraction.ts ANSWER_TIMEOUT_MS). */
const ANSWER_TIMEOUT_MS = 15_000;
const SLOW_IN_FIREFOX = new Set(['/100k.html']);

describe.runIf(haveCorpus())('XSS corpus in the popup (Firefox)', () => {
  const payloads = haveCorpus() ? loadPayloads() : [];
  const pages = batches(payloads, PER_PAGE);
  let session: FirefoxSession;
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    const served: Record<string, string | Buffer> = {};
    pages.forEach((batch, n) => (served[`/xss/${n}.html`] = xssArticlePage(batch, `Harbour plan, part ${n + 1}`)));
    for (let i = 0; i < PER_PAGE; i++) served[`/img/${i}.png`] = PNG;
    ({ origin, server } = await servePages(served));
    session = await launchFirefox();
  });
  afterAll(async () => {
    await session?.close();
    server?.close();
  });

  it('popup and "Copy as Markdown": no execution, nothing dangerous rendered', async () => {
    const found = { calls: [] as string[], csp: [] as string[], dangers: [] as string[] };
    for (let n = 0; n < pages.length; n++) {
      const tab = await session.openTab(`${origin}/xss/${n}.html`);
      const popup = await clickActionFirefox(session, tab);
      await popup.waitFor(POPUP_SETTLED, 20_000);
      expect(await popup.evaluate<string>('document.querySelector("article h1")?.textContent ?? ""')).toBe(`Harbour plan, part ${n + 1}`);
      await popup.evaluate(HOOKS);
      // Everything folded away is shown too, so the whole article is in the DOM.
      await popup.evaluate(`[...document.querySelectorAll('button')].filter(b => /fold|hidden/i.test(b.textContent)).forEach(b => b.click())`);
      await popup.evaluate(`[...document.querySelectorAll('button')].find(b => b.getAttribute('aria-label') === 'Copy as Markdown')?.click()`);
      await popup.waitFor('window.__lucidHooks.clipboard.length > 0', 5_000);
      const hooks = await popup.evaluate<Hooks>('window.__lucidHooks');
      const dangers = await popup.evaluate<string[]>(dangerIn(`${EXTENSION_ORIGIN}/`));
      found.calls.push(...hooks.calls);
      found.csp.push(...hooks.csp);
      found.dangers.push(...dangers, ...findMarkdownDanger(hooks.clipboard[0] ?? ''));
      await popup.close();
      await session.closeTab(tab);
    }
    found.csp.push(...(await extensionCspErrors(session)));
    console.log(`[xss firefox] ${payloads.length} payloads in ${pages.length} pages; script executions ${found.calls.length}, CSP refusals ${found.csp.length}, dangerous nodes ${found.dangers.length}`);
    expect(found).toEqual({ calls: [], csp: [], dangers: [] });
  }, 600_000);
});

describe('hostile and odd pages through the popup (Firefox)', () => {
  let session: FirefoxSession;
  let server: Server;
  let origin: string;
  const timings: string[] = [];

  beforeAll(async () => {
    ({ origin, server } = await serveCases());
    session = await launchFirefox();
  });
  afterAll(async () => {
    console.log(`[hostile firefox] popup time per page (bound ${BOUND_MS / 1000} s):\n${timings.join('\n')}`);
    await session?.close();
    server?.close();
  });

  for (const c of [...CASES, { path: 'about:robots', note: 'a browser page', expect: 'message', body: () => '' } as Case]) {
    const slow = SLOW_IN_FIREFOX.has(c.path);
    const expected = slow ? 'either' : c.expect;
    const bound = slow ? ANSWER_TIMEOUT_MS + 3_000 : BOUND_MS;
    it(`${c.note}: ${expectation(expected)} in time`, async () => {
      const url = c.path.startsWith('about:') ? c.path : origin + c.path;
      const tab = await session.openTab(url, 'interactive').catch(() => null);
      expect(tab, `${c.note}: the tab opened`).toBeTruthy();
      const t0 = Date.now();
      const popup = await clickActionFirefox(session, tab!);
      const { settled, ms, shown } = await popupOutcome(popup.evaluate, t0, bound);
      timings.push(`  ${String(ms).padStart(6)} ms  ${c.note.padEnd(58)} ${shown}`);
      expect(settled, `${c.note}: the popup settled within ${bound} ms`).toBe(true);
      if (expected === 'article') expect(shown).toMatch(/^article: /);
      if (expected === 'message') expect(shown).toMatch(/^message: .{10,}/);
      // The tab is not frozen: its main thread answers at once.
      if (!c.path.startsWith('about:')) {
        // (On the slow page the content script may still be reading it after the popup gave up: the tab answers once it is done.)
        expect(await answers(session, tab!, slow ? 30_000 : 3_000), `${c.note}: the tab answers`).toBe(true);
      }
      await popup.close();
      await session.closeTab(tab!);
    }, 60_000);
  }
});
