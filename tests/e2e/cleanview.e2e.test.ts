/**
 * The clean view in Chromium: toggling it leaves the page as it was; page CSS and a strict CSP
 * do not change it; it follows a single-page site. Runs on the e2e build (see cleanview-helpers).
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
  closedView,
  grantActiveTab,
  launchE2E,
  openedView,
  pressCommand,
  pressEscape,
  serviceWorker,
  waitFor,
} from './cleanview-helpers';

const SAMPLE = readFileSync('tests/fixtures/sample-fr.html');
const SPA = readFileSync('tests/fixtures/spa.html', 'utf8');
const HOSTILE = readFileSync('tests/fixtures/hostile-css.html', 'utf8');
// The same page without its hostile style sheet (the CSP stays).
const PLAIN = HOSTILE.replace(/<style>[\s\S]*<\/style>/, '');

describe('clean view (Chromium, e2e build)', () => {
  let session: Session;
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    buildForE2E();
    ({ origin, server } = await servePages({
      '/spa/one': SPA,
      '/spa/two': SPA,
      '/spa/list': SPA,
      '/hostile.html': HOSTILE,
      '/plain.html': PLAIN,
      '/sample.html': SAMPLE,
    }));
    session = await launchE2E();
  });
  afterAll(async () => {
    await session?.close();
    server?.close();
  });

  async function openPage(path: string): Promise<Page> {
    const page = await session.context.newPage();
    await page.goto(origin + path);
    await grantActiveTab(session, page);
    return page;
  }

  it('declares the command (Alt+Shift+R is only suggested: Chromium leaves it unset for --load-extension)', async () => {
    const commands = await serviceWorker(session).evaluate(() => (globalThis as unknown as { chrome: ChromeApi }).chrome.commands.getAll());
    expect(commands.find((c) => c.name === 'toggle-clean-view')?.description).toBe('Open or close the clean view');
  });

  it('toggles on and off, leaving scroll, form, scripts and DOM of the page as they were', async () => {
    const page = await openPage('/spa/one');
    await page.fill('#search', 'a typed value');
    await page.evaluate(() => {
      (window as unknown as { marker: number }).marker = 42; // gone if the page reloaded
      window.scrollTo(0, 300);
    });
    const before = await page.evaluate(() => ({ html: document.body.innerHTML, y: scrollY }));
    expect(before.y).toBe(300);

    await pressCommand(session, page);
    const frame = await openedView(page);
    expect(await frame.textContent('.article h1')).toBe('The northern breakwater will be rebuilt');
    // The page's own scripts keep running under the view.
    const ticks = await page.evaluate(() => (window as unknown as { ticks: number }).ticks);
    await waitFor(() => page.evaluate((t) => (window as unknown as { ticks: number }).ticks > t + 3, ticks), 'page ticks');
    // Scrolling past the end of the view does not scroll the page.
    await frame.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    await page.mouse.move(600, 400);
    await page.mouse.wheel(0, 3000);
    await new Promise((ok) => setTimeout(ok, 300));
    expect(await page.evaluate(() => scrollY)).toBe(300);

    await pressCommand(session, page);
    await closedView(page);
    const after = await page.evaluate(() => ({
      html: document.body.innerHTML,
      y: scrollY,
      value: (document.getElementById('search') as HTMLInputElement).value,
      marker: (window as unknown as { marker?: number }).marker,
      extra: document.documentElement.children.length,
    }));
    expect(after).toEqual({ html: before.html, y: 300, value: 'a typed value', marker: 42, extra: 2 });
    await page.close();
  });

  it('closes with Escape and with "Show original"', async () => {
    const page = await openPage('/spa/one');
    await pressCommand(session, page);
    let frame = await openedView(page);
    // Keyboard users land in the article.
    expect(await frame.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');
    // With the reading settings open, Escape closes them first, focus back on their button.
    await frame.getByRole('button', { name: 'Reading settings' }).click();
    await frame.waitForSelector('#settings');
    await page.keyboard.press('Escape');
    await frame.waitForSelector('#settings', { state: 'detached' });
    expect(await frame.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Reading settings');
    expect(cleanViewFrame(page)).toBeTruthy();
    await pressEscape(page);

    await pressCommand(session, page);
    frame = await openedView(page);
    // Not awaited: the click's mouse-up acknowledgement goes with the closed frame.
    void frame.getByRole('button', { name: 'Show original' }).click({ timeout: 5000 }).catch(() => undefined);
    await closedView(page);
    await page.close();
  });

  it('looks the same on a page with hostile CSS and a strict CSP as on a plain page', async () => {
    const shots: Buffer[] = [];
    const styles: unknown[] = [];
    for (const path of ['/plain.html', '/hostile.html']) {
      const page = await openPage(path);
      await pressCommand(session, page);
      const frame = await openedView(page);
      styles.push(
        await frame.evaluate(() => {
          const pick = (selector: string) => {
            const s = getComputedStyle(document.querySelector(selector)!);
            return [s.fontFamily, s.fontSize, s.color, s.backgroundColor, s.lineHeight, s.display];
          };
          return { h1: pick('.article h1'), p: pick('.article-body p'), body: pick('body'), size: [innerWidth, innerHeight] };
        }),
      );
      // The view's area without the scrollbar column (the page's own scrollbar may sit there).
      shots.push(await page.screenshot({ clip: { x: 0, y: 0, width: 1240, height: 780 } }));
      await page.close();
    }
    expect(styles[1]).toEqual(styles[0]);
    expect((styles[0] as { size: number[] }).size[0]).toBeGreaterThan(1000); // full width
    expect(shots[1].equals(shots[0])).toBe(true);
  });

  it('follows a single-page site to its next article, and closes on a page that is not one', async () => {
    const page = await openPage('/spa/one');
    await pressCommand(session, page);
    const frame = await openedView(page);
    await page.evaluate(() => (window as unknown as { go: (p: string) => void }).go('/spa/two'));
    // Nothing stale: the old article goes at once, before the new one is read.
    await waitFor(() => frame.evaluate(() => !document.querySelector('.article h1')?.textContent?.includes('breakwater')), 'the old article to go', 400);
    await waitFor(async () => (await frame.textContent('.article h1').catch(() => null)) === 'Ferries to the islands will run all winter', 'the next article');

    await page.evaluate(() => (window as unknown as { go: (p: string) => void }).go('/spa/list'));
    await closedView(page);
    expect(cleanViewFrame(page)).toBeUndefined();
    await page.close();
  });

  it('screenshots the clean view of the sample page (docs/screenshots/cleanview.png)', async () => {
    const page = await openPage('/sample.html');
    await pressCommand(session, page);
    const frame = await openedView(page);
    expect(await frame.textContent('.article h1')).toContain('Le secrétaire américain à la défense');
    await page.screenshot({ path: 'docs/screenshots/cleanview.png' });
    await page.close();
  });
});
