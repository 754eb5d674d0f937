/**
 * "Always use clean view on this site" in Chromium: the clean view's switch opens the options
 * page, where the reader confirms the site and its permission is asked in that click (a page
 * can overlay the clean view, not the options page: R3); the registered script opening the view
 * on articles only (also on a page with elements named like its globals: R6), surviving a
 * restart, and the options page taking it all back.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { servePages, type Session } from './harness';
import {
  buildForE2E,
  type ChromeApi,
  cleanViewFrame,
  grantActiveTab,
  launchE2E,
  openedView,
  preGrantHost,
  pressCommand,
  serviceWorker,
  waitFor,
} from './cleanview-helpers';

const ARTICLE = readFileSync('tests/fixtures/sample-fr.html');
const LOGIN = readFileSync('tests/fixtures/login.html');
const CLOBBERED = ARTICLE.toString('utf8').replace('<body>', '<body><form name="__lucidAutoOpen"></form><img name="__lucidCleanView" alt="">');

/** No clean view appears within `ms` (the auto-open script decides at document_idle). */
async function staysClosed(page: Page, ms = 1500): Promise<boolean> {
  await new Promise((ok) => setTimeout(ok, ms));
  return cleanViewFrame(page) === undefined;
}

describe('clean view opening by itself (Chromium, e2e build)', () => {
  let session: Session;
  let server: Server;
  let origin: string;
  let site: string;
  /** What a site with a port asks for (see originsOf). */
  let patterns: string[];

  beforeAll(async () => {
    buildForE2E();
    ({ origin, server } = await servePages({ '/article.html': ARTICLE, '/login.html': LOGIN, '/clobbered.html': CLOBBERED }));
    site = new URL(origin).host;
    patterns = [`http://${site}/*`, `https://${site}/*`];
    session = await launchE2E();
  });
  afterAll(async () => {
    await session?.close();
    server?.close();
  });

  const registered = () =>
    serviceWorker(session).evaluate(() =>
      (globalThis as unknown as { chrome: ChromeApi }).chrome.scripting.getRegisteredContentScripts().then((all) => all.map((s) => [s.id, s.matches])),
    );
  const granted = (origins: string[]) =>
    serviceWorker(session).evaluate((o) => (globalThis as unknown as { chrome: ChromeApi }).chrome.permissions.contains({ origins: o }), origins);

  it('does not run on a site before it is opted in', async () => {
    expect(await registered()).toEqual([]);
    const page = await session.context.newPage();
    await page.goto(`${origin}/article.html`);
    expect(await staysClosed(page)).toBe(true);
    await page.close();
  });

  it('opts the site in from the clean view: confirmed on the options page, which asks its permission and registers a script for it only', async () => {
    for (const pattern of patterns) await preGrantHost(session, pattern);
    const page = await session.context.newPage();
    await page.goto(`${origin}/article.html`);
    await grantActiveTab(session, page);
    await pressCommand(session, page);
    const frame = await openedView(page);
    const button = frame.getByRole('button', { name: 'Always use clean view on this site' });
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    const options = session.context.waitForEvent('page', { predicate: (p) => p.url().includes('/options.html') });
    await button.click();
    // The click in the view (which the page could have covered) registers nothing by itself.
    const confirm = await options;
    expect(await registered()).toEqual([]);
    expect(new URL(confirm.url()).searchParams.get('site')).toBe(site);
    await confirm.getByRole('button', { name: `Always use clean view on ${site}` }).click();
    await confirm.getByText(`The clean view will open by itself on articles of ${site}.`).waitFor();
    await waitFor(async () => (await button.getAttribute('aria-pressed')) === 'true', 'the switch to turn on');
    expect(await registered()).toEqual([[`auto-open:${site}`, patterns]]);
    expect(await granted(patterns)).toBe(true);
    await confirm.close();
    await page.close();
  });

  it('opens by itself on an article page, not on a page that is not an article', async () => {
    const page = await session.context.newPage();
    await page.goto(`${origin}/article.html`);
    const frame = await openedView(page);
    expect(await frame.textContent('.auto-note')).toBe(`Opened by itself on ${site}`);
    await page.goto(`${origin}/login.html`);
    expect(await staysClosed(page)).toBe(true);
    await page.close();
  });

  it('R6: opens by itself on an article with elements named like its globals', async () => {
    const page = await session.context.newPage();
    await page.goto(`${origin}/clobbered.html`);
    const frame = await openedView(page);
    expect(await frame.textContent('.auto-note')).toBe(`Opened by itself on ${site}`);
    await page.close();
  });

  it('still opens by itself after a browser restart', async () => {
    const profile = session.profile;
    await session.close({ keepProfile: true });
    session = await launchE2E(profile);
    const page = await session.context.newPage();
    await page.goto(`${origin}/article.html`);
    await openedView(page);
    await page.close();
  });

  it('opting out on the options page unregisters the script and gives the permission back', async () => {
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.getByRole('button', { name: `Remove ${site}` }).click();
    await options.getByText('No sites yet.').waitFor();
    expect(await registered()).toEqual([]);
    expect(await granted(patterns)).toBe(false);
    await options.close();

    const page = await session.context.newPage();
    await page.goto(`${origin}/article.html`);
    expect(await staysClosed(page)).toBe(true);
    await page.close();
  });
});
