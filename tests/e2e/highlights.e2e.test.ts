/**
 * Highlighting in Chromium (e2e build, for the clean view's command): a passage selected in the
 * popup and highlighted comes back when the popup reopens and after a browser restart on the
 * same profile, shows in the library and its exports; one made in the clean view shows in the
 * popup and the library. Writes docs/screenshots/popup-highlight.png.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickAction, servePages, type Popup, type Session, captureDownloads, downloadedTexts } from './harness';
import { buildForE2E, grantActiveTab, launchE2E, openedView, pressCommand, waitFor } from './cleanview-helpers';
import { selectWords as select } from '../fixtures/hostile/redteam-pages';

// English interface strings.
process.env.LANGUAGE = 'en';

const SAMPLE = readFileSync('tests/fixtures/sample-fr.html');
const IN_POPUP = 'Lloyd Austin brise le silence';
const IN_VIEW = 'les parties ont discuté du conflit en Ukraine';


/** The texts of the highlights shown (their marks joined per highlight). */
const MARKED = `(() => {
  const byId = new Map();
  for (const m of document.querySelectorAll('mark.highlight')) byId.set(m.dataset.highlightId, (byId.get(m.dataset.highlightId) ?? '') + m.textContent);
  return [...byId.values()].sort();
})()`;

describe('highlights in the reader views (Chromium, e2e build)', () => {
  let session: Session;
  let server: Server;
  let origin: string;
  let page: Page;

  beforeAll(async () => {
    buildForE2E();
    ({ origin, server } = await servePages({ '/sample.html': SAMPLE }));
    session = await launchE2E();
  });
  afterAll(async () => {
    await session?.close();
    server?.close();
  });

  async function openPopup(): Promise<Popup> {
    const popup = await clickAction(session, page);
    await popup.waitFor(`document.querySelector('.article h1')`);
    // The highlighting code loads after the article paints.
    await popup.waitFor(`document.querySelector('.highlight-status')`);
    return popup;
  }

  async function openLibrary(): Promise<Page> {
    const library = await session.context.newPage();
    await library.goto(`chrome-extension://${session.extensionId}/library.html`);
    await library.waitForSelector('h1');
    return library;
  }

  it('highlights a selection in the popup; it is there again when the popup reopens', async () => {
    page = await session.context.newPage();
    await page.goto(`${origin}/sample.html`);
    let popup = await openPopup();
    expect(await popup.evaluate<boolean>(select(IN_POPUP))).toBe(true);
    await popup.waitFor(`document.querySelector('[role=toolbar]')`);
    await popup.evaluate(`document.querySelector('[role=toolbar] [aria-label="Highlight in green"]').click()`);
    await popup.waitFor(`document.querySelector('mark.highlight.green')`);
    expect(await popup.evaluate<string[]>(MARKED)).toEqual([IN_POPUP]);
    expect(await popup.evaluate<string>(`document.querySelector('mark.highlight[tabindex="0"]').getAttribute('aria-label')`)).toBe(`Highlight: ${IN_POPUP}`);

    // Its toolbar, opened from the highlight (the screenshot for the docs).
    await popup.evaluate(`document.querySelector('mark.highlight').scrollIntoView({ block: 'center' }); document.querySelector('mark.highlight').click()`);
    await popup.waitFor(`document.querySelector('[role=toolbar] [aria-pressed="true"]')`);
    await popup.screenshot('docs/screenshots/popup-highlight.png');
    await popup.close();

    popup = await openPopup();
    await popup.waitFor(`document.querySelector('mark.highlight')`);
    expect(await popup.evaluate<string[]>(MARKED)).toEqual([IN_POPUP]);
    await popup.close();
  });

  it('keeps it across a browser restart on the same profile', async () => {
    const profile = session.profile;
    await session.close({ keepProfile: true });
    session = await launchE2E(profile);
    page = await session.context.newPage();
    await page.goto(`${origin}/sample.html`);
    const popup = await openPopup();
    await popup.waitFor(`document.querySelector('mark.highlight')`);
    expect(await popup.evaluate<string[]>(MARKED)).toEqual([IN_POPUP]);
    await popup.close();
  });

  it('lists it in the library, and its Markdown and JSON exports contain it', async () => {
    const library = await openLibrary();
    await expect.poll(() => library.locator('.highlights > li').allTextContents()).toEqual([expect.stringContaining(IN_POPUP)]);
    await captureDownloads(library);
    await library.getByRole('button', { name: 'Export as Markdown' }).click();
    await library.getByRole('button', { name: 'Export as JSON' }).click();
    const [markdown, json] = await downloadedTexts(library);
    expect(markdown).toContain(`> “${IN_POPUP}” — `);
    expect(markdown).toContain(`<${origin}/sample.html>`);
    const [exported] = (JSON.parse(json!) as { highlights: { text: string; colour: string; url: string; selectors: { quote: { exact: string } } }[] }).highlights;
    expect(exported).toMatchObject({ text: IN_POPUP, colour: 'green', url: `${origin}/sample.html`, selectors: { quote: { exact: IN_POPUP } } });
    await library.close();
  });

  it('shows a highlight made in the clean view (key h) in the popup and the library', async () => {
    await page.bringToFront();
    await grantActiveTab(session, page);
    await pressCommand(session, page);
    const frame = await openedView(page);
    await waitFor(() => frame.evaluate(`Boolean(document.querySelector('.highlight-status'))`), 'the highlighting code');
    expect(await frame.evaluate(select(IN_VIEW))).toBe(true);
    await frame.waitForSelector('[role=toolbar]');
    await page.keyboard.press('h');
    await waitFor(async () => ((await frame.evaluate(MARKED)) as string[]).length === 2, 'the new highlight');
    expect(await frame.evaluate(MARKED)).toEqual([IN_VIEW, IN_POPUP].sort());

    const popup = await openPopup();
    await popup.waitFor(`document.querySelectorAll('mark.highlight[tabindex="0"]').length === 2`);
    expect(await popup.evaluate<string[]>(MARKED)).toEqual([IN_VIEW, IN_POPUP].sort());
    await popup.close();

    const library = await openLibrary();
    await expect.poll(() => library.locator('.highlights > li').count()).toBe(2);
    expect((await library.locator('.highlights').textContent()) ?? '').toContain(IN_VIEW);
    await library.close();
  });
});
