/**
 * Reading in Firefox ESR through the real toolbar action: a typography change and a theme kept
 * across a reopen of the popup, the contents list jumping to a section and marking it, and the
 * reading position restored when the popup reopens. The Chromium twin:
 * tests/e2e/reading.e2e.test.ts. Writes docs/screenshots/firefox-reading-settings.png and
 * firefox-contents.png.
 */
import type { Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servePages } from '../harness';
import { checkHalfway, longArticle, positionRoundTrip } from '../reading-pages';
import { clickActionFirefox, launchFirefox, type FirefoxPopup, type FirefoxSession } from './harness';

describe('reading: settings, contents, position (Firefox, toolbar action)', () => {
  let session: FirefoxSession;
  let server: Server;
  let origin: string;
  let tab: string;

  beforeAll(async () => {
    ({ origin, server } = await servePages({
      '/sample.html': readFileSync('tests/fixtures/sample-fr.html'),
      '/long.html': longArticle(),
      // The same text at another address: another article, with its own reading position.
      '/long-2.html': longArticle(),
    }));
    session = await launchFirefox();
    tab = await session.openTab('about:blank');
  });
  afterAll(async () => {
    await session?.close();
    server?.close();
  });

  async function open(path: string): Promise<FirefoxPopup> {
    await session.navigate(tab, `${origin}${path}`);
    const popup = await clickActionFirefox(session, tab);
    await popup.waitFor('document.querySelector("article h1")', 20_000);
    return popup;
  }

  it('keeps a typography change and a theme across a reopen', async () => {
    let popup = await open('/sample.html');
    await popup.evaluate('document.querySelector("button[aria-controls=settings]").click()');
    await popup.waitFor('document.querySelector("#settings input[name=font][value=atkinson]")');
    await popup.evaluate('document.querySelector("#settings input[name=font][value=atkinson]").click()');
    await popup.evaluate('document.querySelector("#settings input[name=theme][value=contrast]").click()');
    await popup.waitFor(`[...document.fonts].some((f) => f.family.includes("Atkinson") && f.status === "loaded")`, 10_000);
    expect(await popup.evaluate('getComputedStyle(document.documentElement).backgroundColor')).toBe('rgb(0, 0, 0)');
    await new Promise((ok) => setTimeout(ok, 600)); // the save waits for a pause
    await popup.close();

    popup = await open('/sample.html');
    await popup.waitFor('document.documentElement.dataset.font === "atkinson" && document.documentElement.dataset.theme === "contrast"', 5_000);
    expect(await popup.evaluate<string>('getComputedStyle(document.querySelector(".article-body p")).fontFamily')).toMatch(/^"Atkinson Hyperlegible"/);
    expect(await popup.evaluate('getComputedStyle(document.documentElement).backgroundColor')).toBe('rgb(0, 0, 0)');
    await popup.waitFor(`[...document.fonts].some((f) => f.family.includes("Atkinson") && f.status === "loaded")`, 10_000);
    await popup.screenshot('docs/screenshots/firefox-reading-settings.png');
    // Back to the defaults, through the same controls, for the tests after this one.
    await popup.evaluate('document.querySelector("button[aria-controls=settings]").click()');
    await popup.waitFor('document.querySelector("#settings input[name=font][value=serif]")');
    await popup.evaluate('document.querySelector("#settings input[name=font][value=serif]").click()');
    await popup.evaluate('document.querySelector("#settings input[name=theme][value=system]").click()');
    await new Promise((ok) => setTimeout(ok, 600));
    await popup.close();
    popup = await open('/sample.html');
    expect(await popup.evaluate('document.documentElement.dataset.theme')).not.toBe('contrast');
    await popup.close();
  });

  it('jumps to a section from the contents list and marks it', async () => {
    const popup = await open('/long.html');
    await popup.waitFor('document.querySelector(".contents-toggle")');
    await popup.evaluate('document.querySelector(".contents-toggle").click()');
    await popup.waitFor('document.querySelector("nav.contents-list a")');
    expect(await popup.evaluate<string[]>('[...document.querySelectorAll("nav.contents-list a")].map((a) => a.textContent)')).toEqual([
      'How the harbour was built',
      'What the council decided',
      'What comes next',
    ]);
    await popup.screenshot('docs/screenshots/firefox-contents.png');
    await popup.evaluate('[...document.querySelectorAll("nav.contents-list a")].find((a) => a.textContent === "What the council decided").click()');
    await popup.waitFor('document.activeElement?.dataset.blockId && document.activeElement.textContent === "What the council decided"');
    await popup.waitFor('document.querySelector("nav.contents-list a[aria-current=location]")?.textContent === "What the council decided"', 5_000);
    expect(await popup.evaluate<number>('scrollY')).toBeGreaterThan(300);
    await popup.close();
  });

  it('restores the reading position when the popup reopens', async () => {
    const { popup } = await positionRoundTrip(() => open('/long-2.html'), checkHalfway);
    await popup.close();
  });
});
