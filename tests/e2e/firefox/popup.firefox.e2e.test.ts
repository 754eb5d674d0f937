/**
 * The popup in Firefox ESR through the real toolbar action: the sample article with its folds
 * and speakers, a panel as wide as the page (no blank strip), and a highlight made, shown again
 * when the popup reopens and listed in the library and its Markdown export; the sidebar
 * (`sidebar_action`) showing the tab's article after the toolbar click.
 * Writes docs/screenshots/popup-firefox.png and firefox-sidebar.png.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectWords } from '../../fixtures/hostile/redteam-pages';
import { servePages } from '../harness';
import {
  EXTENSION_ORIGIN,
  captureDownloadsIn,
  clickActionFirefox,
  downloadedTextsIn,
  highlightInPopup,
  openSidebar,
  launchFirefox,
  until,
  type FirefoxPopup,
  type FirefoxSession,
} from './harness';

const SAMPLE = readFileSync('tests/fixtures/sample-fr.html');
const TITLE = "Le secrétaire américain à la défense, M. Austin, s'engage dans une conversation téléphonique avec Moscou.";
const PASSAGE = 'Lloyd Austin brise le silence';

const MARKED = `[...document.querySelectorAll('mark.highlight')].map((m) => m.textContent).join('')`;

describe('the popup in Firefox', () => {
  let session: FirefoxSession;
  let server: Server;
  let origin: string;
  let tab: string;

  beforeAll(async () => {
    ({ origin, server } = await servePages({ '/sample.html': SAMPLE }));
    session = await launchFirefox();
    tab = await session.openTab(`${origin}/sample.html`);
  });
  afterAll(async () => {
    await session?.close();
    server?.close();
  });

  async function openPopup(): Promise<FirefoxPopup> {
    const popup = await clickActionFirefox(session, tab);
    await popup.waitFor(`document.querySelector('.article h1')`);
    return popup;
  }

  it('shows the sample article with its folds and who is quoted, in a panel as wide as the page', async () => {
    const popup = await openPopup();
    expect(await popup.evaluate<string>(`document.querySelector('article h1').textContent`)).toBe(TITLE);
    expect(await popup.evaluate<string>(`document.querySelector('[data-testid=folded-summary]').textContent`)).toMatch(/^\d+ lines? folded$/);
    // "Who is quoted" is one line with a count; the list opens on demand.
    await popup.waitFor(`/\\d/.test(document.querySelector('.speakers-toggle')?.textContent ?? '')`);
    await popup.evaluate(`document.querySelector('.speakers-toggle').click()`);
    await popup.waitFor(`document.querySelector('#speakers-title')`);
    const speakers = await popup.evaluate<string>(`document.querySelector('#speakers-title').parentElement.textContent`);
    expect(speakers).toContain('Pat Ryder');
    expect(speakers).toContain('Dmitry Peskov');
    // The panel fits the page: no blank strip beside it, nothing to scroll across.
    const { page, view } = await popup.evaluate<{ page: number; view: number }>(`({ page: document.body.getBoundingClientRect().width, view: document.documentElement.clientWidth })`);
    expect(page).toBe(390);
    expect(view).toBe(page);
    expect(await popup.evaluate<number>('document.documentElement.scrollWidth')).toBe(page);
    await popup.screenshot('docs/screenshots/popup-firefox.png');
    await popup.close();
  });

  it('highlights a selection; it is there again when the popup reopens', async () => {
    let popup = await openPopup();
    await highlightInPopup(popup, selectWords(PASSAGE));
    expect(await popup.evaluate<string>(MARKED)).toBe(PASSAGE);
    await popup.close();

    popup = await openPopup();
    await popup.waitFor(`document.querySelector('mark.highlight.green')`);
    expect(await popup.evaluate<string>(MARKED)).toBe(PASSAGE);
    await popup.close();
  });

  it('lists it in the library, and the Markdown export contains it', async () => {
    const library = await session.openTab(`${EXTENSION_ORIGIN}/library.html`);
    const items = await until(
      () => session.evaluate<string[]>(library, `[...document.querySelectorAll('.highlights > li')].map((li) => li.textContent)`).then((l) => (l.length ? l : null)),
      'the library to list the highlight',
    );
    expect(items).toEqual([expect.stringContaining(PASSAGE)]);
    await captureDownloadsIn(session, library);
    await session.evaluate(library, `[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Export as Markdown').click()`);
    const [markdown] = await until(() => downloadedTextsIn(session, library).then((t) => (t.length ? t : null)), 'the Markdown download');
    expect(markdown).toContain(`> “${PASSAGE}” — `);
    expect(markdown).toContain(`<${origin}/sample.html>`);
    await session.closeTab(library);
  });

  it('the sidebar (sidebar_action, opened as View > Sidebar opens it) shows the tab\'s article after the toolbar click there', async () => {
    const sidebar = await openSidebar(session);
    // The click gives the activeTab grant; the popup announces it and the waiting sidebar reads the tab.
    const popup = await openPopup();
    await popup.close();
    const title = await until(() => sidebar.evaluate<string | null>(`document.querySelector('.article h1')?.textContent ?? null`), 'the article in the sidebar');
    expect(title).toBe(TITLE);
    // The shared reader: folds and who-said-what, as in the popup.
    await until(() => sidebar.evaluate<boolean>(`/\\d/.test(document.querySelector('.speakers-toggle')?.textContent ?? '')`), 'the speakers count');
    expect(await sidebar.evaluate<string>(`document.querySelector('[data-testid=folded-summary]').textContent`)).toMatch(/^\d+ lines? folded$/);
    // As wide as the sidebar (not the popup's 390 px).
    expect(await sidebar.evaluate<boolean>('document.body.getBoundingClientRect().width === document.documentElement.clientWidth')).toBe(true);
    await sidebar.screenshot('docs/screenshots/firefox-sidebar.png');
  });
});
