/**
 * The clean view in Firefox ESR, as a reader sees it: opened from the popup (real toolbar
 * action), it shows the article over the page; Escape and "Show original" close it and leave the
 * page as it was (DOM, scroll, script state); on a site opted in to "Always use clean view" it
 * opens by itself on an article and not on a login page; the XSS corpus shown in it runs
 * nothing and renders nothing dangerous. The Chromium twins:
 * tests/e2e/cleanview.e2e.test.ts and tests/e2e/cleanview-auto-open.e2e.test.ts.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batches, haveCorpus, loadPayloads, xssArticlePage } from '../../fixtures/hostile/xss-pages';
import { HOOKS, dangerIn, type Hooks } from '../../hardening/e2e-helpers';
import { servePages } from '../harness';
import { EXTENSION_ORIGIN, clickActionFirefox, extensionCspErrors, extensionErrors, framesOf, grantOrigins, launchFirefox, serveOnDefaultPort, until, type FirefoxSession } from './harness';

const SAMPLE = readFileSync('tests/fixtures/sample-fr.html');
const LOGIN = readFileSync('tests/fixtures/login.html');
const TITLE = "Le secrétaire américain à la défense, M. Austin, s'engage dans une conversation téléphonique avec Moscou.";

describe('clean view (Firefox)', () => {
  let session: FirefoxSession;
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    ({ origin, server } = await servePages({ '/sample.html': SAMPLE }));
    session = await launchFirefox();
  });
  afterAll(async () => {
    await session?.close();
    server?.close();
  });

  const viewFrame = async (tab: string) => (await framesOf(session, tab)).find((f) => f.url.includes('/cleanview.html'))?.context;

  /** Waits for the clean view to show an article; returns its frame's context and the title shown. */
  async function openedView(tab: string): Promise<{ frame: string; title: string }> {
    const frame = await until(() => viewFrame(tab), 'the clean view frame', 10_000);
    const title = await until(() => session.evaluate<string | null>(frame, `document.querySelector('.article h1')?.textContent ?? null`), 'the article in the clean view', 10_000).catch(
      async (err: Error) => {
        // Say what the view shows instead, and what went wrong in the add-on's pages.
        const shown = await session.evaluate<string>(frame, 'document.body.innerText').catch(() => '?');
        throw new Error(`${err.message}; the view shows ${JSON.stringify(shown.slice(0, 200))}; errors: ${(await extensionErrors(session)).join(' | ').slice(0, 600)}`);
      },
    );
    return { frame, title };
  }

  async function openFromPopup(tab: string): Promise<{ frame: string; title: string }> {
    const popup = await clickActionFirefox(session, tab);
    await popup.waitFor(`document.querySelector('button[aria-label="Open in clean view"]:not([disabled])')`);
    await popup.evaluate(`document.querySelector('button[aria-label="Open in clean view"]').click()`);
    return openedView(tab);
  }

  const closed = (tab: string) => until(async () => !(await viewFrame(tab)), 'the clean view to close', 10_000);

  it('opens from the popup over the page and closes with Escape and "Show original", leaving the page as it was', async () => {
    const tab = await session.openTab(`${origin}/sample.html`);
    await session.evaluate(tab, `(() => { window.marker = 42; window.scrollTo(0, 300); return true; })()`);
    const before = await session.evaluate<{ html: string; y: number }>(tab, `({ html: document.body.innerHTML, y: scrollY })`);
    expect(before.y).toBe(300);

    let view = await openFromPopup(tab);
    expect(view.title).toBe(TITLE);
    // The view fills the page's width (the popup's fixed 390 px body is undone).
    const widths = await session.evaluate<{ body: number; view: number }>(view.frame, `({ body: document.body.getBoundingClientRect().width, view: document.documentElement.clientWidth })`);
    expect(widths.view).toBeGreaterThan(1000);
    expect(widths.body).toBe(widths.view);
    // Escape, pressed in the view (which takes the focus when it opens).
    await session.bidi.send('input.performActions', {
      context: tab,
      actions: [{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value: '\uE00C' }, { type: 'keyUp', value: '\uE00C' }] }],
    });
    await closed(tab);

    view = await openFromPopup(tab);
    await session.evaluate(view.frame, `[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Show original').click()`).catch(() => undefined);
    await closed(tab);

    const after = await session.evaluate<{ html: string; y: number; marker: number }>(tab, `({ html: document.body.innerHTML, y: scrollY, marker: window.marker, extra: document.documentElement.children.length })`);
    expect(after).toEqual({ html: before.html, y: 300, marker: 42, extra: 2 });
    await session.closeTab(tab);
  });

  it('opens by itself on an opted-in site, on an article only', async () => {
    const served = await serveOnDefaultPort({ '/sample.html': SAMPLE, '/login.html': LOGIN });
    const { origin } = served;
    const site = new URL(origin).host;
    await grantOrigins(session, [`*://${site}/*`]);
    // "Always use clean view on this site", as the reader's click sends it once the permission is given.
    const options = await session.openTab(`${EXTENSION_ORIGIN}/options.html`);
    const reply = await session.evaluate<{ ok: boolean; error?: string }>(options, `browser.runtime.sendMessage({ type: 'auto-open:add', site: ${JSON.stringify(site)} })`);
    expect(reply.ok, reply.error).toBe(true);
    await session.closeTab(options);

    const tab = await session.openTab(`${origin}/sample.html`);
    const view = await openedView(tab);
    expect(view.title).toBe(TITLE);
    expect(await session.evaluate<string>(view.frame, `document.querySelector('.auto-note')?.textContent`)).toBe(`Opened by itself on ${site}`);

    await session.navigate(tab, `${origin}/login.html`);
    await new Promise((ok) => setTimeout(ok, 1500));
    expect(await viewFrame(tab)).toBeUndefined();
    await session.closeTab(tab);
    served.server.close();
  });

  it.runIf(haveCorpus())('the XSS corpus in the clean view: no execution, nothing dangerous rendered', async () => {
    const pages = batches(loadPayloads(), 40);
    const { origin: xss, server: xssServer } = await servePages(Object.fromEntries(pages.map((batch, n) => [`/xss/${n}.html`, xssArticlePage(batch, `Harbour plan, part ${n + 1}`)])));
    const found = { calls: [] as string[], csp: [] as string[], dangers: [] as string[] };
    try {
      for (let n = 0; n < pages.length; n++) {
        const tab = await session.openTab(`${xss}/xss/${n}.html`);
        const view = await openFromPopup(tab);
        expect(view.title).toBe(`Harbour plan, part ${n + 1}`);
        await session.evaluate(view.frame, HOOKS);
        await session.evaluate(view.frame, `[...document.querySelectorAll('button')].filter((b) => /fold|hidden/i.test(b.textContent)).forEach((b) => b.click())`);
        const hooks = await session.evaluate<Hooks>(view.frame, 'window.__lucidHooks');
        found.calls.push(...hooks.calls);
        found.csp.push(...hooks.csp);
        found.dangers.push(...(await session.evaluate<string[]>(view.frame, dangerIn(`${EXTENSION_ORIGIN}/`))));
        await session.closeTab(tab);
      }
    } finally {
      xssServer.close();
    }
    found.csp.push(...(await extensionCspErrors(session)));
    expect(found).toEqual({ calls: [], csp: [], dangers: [] });
  }, 300_000);
});
