/**
 * A page that never answers: its own script busy-loops forever, starting just after it has
 * loaded (when the toolbar would be clicked), so the injected content script never gets to
 * run and `scripting.executeScript` never settles. The popup must not say "Reading the page…"
 * for good: after 15 s it says the page took too long to answer, with a way to try again.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { popupWithHooks } from '../hardening/e2e-helpers';
import { launch, servePages, type Session } from './harness';

process.env.LANGUAGE = 'en';

const paragraph = 'The harbour board met on Tuesday to discuss the new plan for the quays, which has been debated for years. '.repeat(4);
const BUSY_PAGE = `<!doctype html><html lang="en"><title>Busy page</title>
<article><h1>A page that never answers</h1>${`<p>${paragraph}</p>`.repeat(6)}</article>
<script>
  // After load, the main thread is never given back.
  addEventListener('load', () => setTimeout(() => { navigator.sendBeacon('/busy-now'); for (;;) {} }, 200));
</script>`;

describe('the popup on a page that never answers (Chromium)', () => {
  let session: Session;
  let server: Server;
  let origin: string;
  let busy = false;

  beforeAll(async () => {
    ({ origin, server } = await servePages({ '/busy.html': BUSY_PAGE, '/busy-now': '' }));
    server.on('request', (req) => (busy ||= req.url === '/busy-now'));
    session = await launch();
  });
  afterAll(async () => {
    await session?.close();
    server?.close();
  });

  it('says the page took too long to answer, after 15 s, and offers to try again', async () => {
    const page = await session.context.newPage();
    await page.goto(`${origin}/busy.html`);
    // Nothing may be evaluated in the page from now on (it would never return): the page
    // tells the server when it starts looping.
    for (let i = 0; i < 100 && !busy; i++) await new Promise((ok) => setTimeout(ok, 50));
    expect(busy, 'the page started its loop').toBe(true);
    console.log('[popup-timeout e2e] the page is stuck');

    const opened = Date.now();
    const popup = await popupWithHooks(session, page);
    console.log(`[popup-timeout e2e] popup open after ${Date.now() - opened} ms`);
    const p = popup.target;
    expect(await p.waitFor('document.querySelector(".skeleton [role=status]")?.textContent === "Reading the page…"', 5_000), 'the reading state first').toBe(true);
    expect(await p.waitFor('document.querySelector("[role=alert]")', 25_000), 'a message instead of the skeleton').toBe(true);
    const waited = Date.now() - opened;
    const text = await p.evaluate<string>('document.querySelector("[role=alert]").textContent');
    console.log(`[popup-timeout e2e] the message came after ${(waited / 1000).toFixed(1)} s: ${text}`);
    expect(text).toContain('The page took too long to answer.');
    expect(waited).toBeGreaterThan(14_000);
    expect(await p.evaluate('document.querySelector("main").getAttribute("aria-busy")')).toBe('false');
    // The message itself passes axe (WCAG 2 A/AA), like the other views (a11y.e2e.test.ts).
    await p.evaluate(readFileSync('node_modules/axe-core/axe.min.js', 'utf8'));
    const violations = await p.evaluate<{ id: string; impact: string }[]>(
      `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] }, resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact })))`,
    );
    console.log(`[popup-timeout e2e] axe on the message: ${violations.length} violations ${JSON.stringify(violations)}`);
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

    // "Try again" asks the page again (which is still stuck: the reading state comes back).
    const retry = await p.evaluate<boolean>(`(() => {
      const button = [...document.querySelectorAll('[role=alert] button')].find((b) => b.textContent === 'Try again');
      button?.click();
      return Boolean(button);
    })()`);
    expect(retry, 'a "Try again" button').toBe(true);
    expect(await p.waitFor('document.querySelector("main").getAttribute("aria-busy") === "true" && document.querySelector(".skeleton")', 5_000)).toBe(true);
    await popup.close();
  });
});
