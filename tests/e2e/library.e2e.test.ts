/**
 * The highlights library in Chromium with the built extension: highlights created through the
 * background survive a browser restart on the same profile, and the library lists, searches,
 * filters, exports, refuses a corrupt import without changing anything, deletes and undoes.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLOURS, articleKey, type Highlight } from '../../utils/highlights';
import { launch, type Session, captureDownloads, downloadedTexts } from './harness';

/** The extension API in the library page (the test's functions run there). */
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: { local: { get(keys: null): Promise<Record<string, unknown>> } };
};

const ARTICLES = [
  { url: 'https://news.example.com/budget', title: 'The budget vote', site: 'news.example.com' },
  { url: 'https://daily.example.org/schools', title: 'Schools reopen', site: 'daily.example.org' },
];

function highlight(n: number, text: string, article: (typeof ARTICLES)[number], extra: Partial<Highlight> = {}): Highlight {
  const at = new Date(Date.UTC(2024, 2, 1 + n)).toISOString();
  return {
    id: `e2e-${n}`,
    articleKey: articleKey(article.url),
    selectors: { quote: { exact: text, prefix: '', suffix: '' }, position: { start: n * 500, end: n * 500 + text.length } },
    text,
    colour: COLOURS[n % COLOURS.length]!,
    note: '',
    createdAt: at,
    updatedAt: at,
    ...article,
    ...extra,
  };
}

const HIGHLIGHTS = [
  highlight(0, 'The budget will rise by four percent next year.', ARTICLES[0]!, { speaker: 'Ada Lovelace', note: 'Check the figure' }),
  highlight(1, 'Critics warned that hospitals would pay for it.', ARTICLES[0]!),
  highlight(2, 'Schools reopen on Monday after the long strike.', ARTICLES[1]!, { speaker: 'Grace Hopper' }),
];

async function openLibrary(session: Session): Promise<Page> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 1000, height: 900 });
  await page.goto(`chrome-extension://${session.extensionId}/library.html`);
  await page.waitForSelector('h1');
  return page;
}

/** Sends a message to the background from the page, as the library's own code does. */
const sendFrom = (page: Page, message: unknown) =>
  page.evaluate((m) => chrome.runtime.sendMessage(m) as Promise<{ ok: boolean; value?: unknown; error?: string }>, message);

const items = (page: Page) => page.locator('.highlights > li');
const storageDump = (page: Page) => page.evaluate(() => chrome.storage.local.get(null));

describe('highlights library (Chromium, built extension)', () => {
  let session: Session;
  let profile: string;

  beforeAll(async () => {
    session = await launch();
    profile = session.profile;
  });
  afterAll(async () => {
    await session?.close();
  });

  it('keeps highlights created through the background across a browser restart', async () => {
    const page = await openLibrary(session);
    for (const h of HIGHLIGHTS) expect(await sendFrom(page, { type: 'highlights:put', highlight: h })).toEqual({ ok: true });
    expect((await sendFrom(page, { type: 'highlights:put', highlight: { ...HIGHLIGHTS[0], colour: 'purple' } })).ok).toBe(false);
    await expect.poll(() => items(page).count()).toBe(3);

    await session.close({ keepProfile: true });
    session = await launch({ profile });
    const again = await openLibrary(session);
    await expect.poll(() => items(again).count()).toBe(3);
    const texts = await items(again).locator('blockquote').allTextContents();
    expect(texts).toEqual([HIGHLIGHTS[2]!.text, HIGHLIGHTS[1]!.text, HIGHLIGHTS[0]!.text]); // newest first
    expect(await again.locator('.summary').textContent()).toBe('3 highlights in 2 articles');
    expect(await again.getByRole('link', { name: 'The budget vote' }).first().getAttribute('href')).toBe(ARTICLES[0]!.url);
    await again.close();
  });

  it('searches and filters', async () => {
    const page = await openLibrary(session);
    await expect.poll(() => items(page).count()).toBe(3);
    await page.getByRole('searchbox', { name: 'Search' }).fill('HOSPITALS');
    await expect.poll(() => items(page).count()).toBe(1);
    await page.getByRole('searchbox', { name: 'Search' }).fill('figure'); // in a note
    await expect.poll(() => items(page).locator('blockquote').allTextContents()).toEqual([HIGHLIGHTS[0]!.text]);
    await page.getByRole('searchbox', { name: 'Search' }).fill('');
    await page.getByRole('combobox', { name: 'Site' }).selectOption('news.example.com');
    await expect.poll(() => items(page).count()).toBe(2);
    await page.getByRole('combobox', { name: 'Speaker' }).selectOption('Ada Lovelace');
    await expect.poll(() => items(page).count()).toBe(1);
    await page.getByRole('combobox', { name: 'Site' }).selectOption('');
    await page.getByRole('combobox', { name: 'Speaker' }).selectOption('');
    await page.getByRole('combobox', { name: 'Colour' }).selectOption(HIGHLIGHTS[2]!.colour);
    await expect.poll(() => items(page).locator('blockquote').allTextContents()).toEqual([HIGHLIGHTS[2]!.text]);
    expect(await page.locator('.matches').textContent()).toBe('1 highlight matches.');
    await page.close();
  });

  it('exports Markdown and JSON that contain the highlights', async () => {
    const page = await openLibrary(session);
    await expect.poll(() => items(page).count()).toBe(3);
    // Keep what the page downloads: the blobs handed to URL.createObjectURL.
    await captureDownloads(page);
    await page.getByRole('button', { name: 'Export as Markdown' }).click();
    await page.getByRole('button', { name: 'Export as JSON' }).click();
    const [markdown, json] = await downloadedTexts(page);
    for (const h of HIGHLIGHTS) expect(markdown).toContain(`> “${h.text}” — `);
    expect(markdown).toContain('> “The budget will rise by four percent next year.” — Ada Lovelace, news.example.com, 2024-03-01');
    expect(markdown).toContain(`> <${ARTICLES[0]!.url}>`);
    const file = JSON.parse(json!) as { format: string; highlights: Highlight[] };
    expect(file.format).toBe('lucid-reader-highlights');
    expect(file.highlights.map((h) => h.id).sort()).toEqual(HIGHLIGHTS.map((h) => h.id).sort());

    // Importing the export again adds nothing.
    await page.locator('#import').setInputFiles({ name: 'export.json', mimeType: 'application/json', buffer: Buffer.from(json!) });
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Imported from export.json: 0 new, 0 updated, the rest were already here.');
    await expect.poll(() => items(page).count()).toBe(3);
    await page.close();
  });

  it('refuses a corrupt import, says what is wrong, and changes nothing', async () => {
    const page = await openLibrary(session);
    await expect.poll(() => items(page).count()).toBe(3);
    const before = await storageDump(page);
    const good = { ...HIGHLIGHTS[0], id: 'new-one', articleKey: articleKey('https://x.example.com/a'), url: 'https://x.example.com/a' };
    const bad = { ...HIGHLIGHTS[1], id: 'bad-one', colour: 'purple' };
    const corrupt = { format: 'lucid-reader-highlights', version: 1, exportedAt: '2024-03-01T00:00:00.000Z', highlights: [good, bad] };
    await page.locator('#import').setInputFiles({ name: 'corrupt.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(corrupt)) });
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/^corrupt\.json was not imported\. Invalid highlights file at highlights\[1\]\.colour: .*Nothing was imported\.$/);
    await page.locator('#import').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "lucid-') });
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/^broken\.json was not imported\. The file is not valid JSON/);
    expect(await storageDump(page)).toEqual(before);
    expect(await items(page).count()).toBe(3);
    await page.close();
  });

  it('deletes with undo, and looks right in light and dark themes', async () => {
    const page = await openLibrary(session);
    await expect.poll(() => items(page).count()).toBe(3);
    await page.getByRole('button', { name: `Delete the highlight “${HIGHLIGHTS[1]!.text}”` }).click();
    await expect.poll(() => items(page).count()).toBe(2);
    expect(await page.getByRole('status').textContent()).toBe('Highlight deleted.Undo');
    // Focus moved to Undo: the keyboard takes it back.
    await page.keyboard.press('Enter');
    await expect.poll(() => items(page).count()).toBe(3);
    expect(await page.getByRole('status').textContent()).toBe('Highlight restored.');

    mkdirSync('docs/screenshots', { recursive: true });
    for (const theme of ['light', 'dark'] as const) {
      await sendFrom(page, { type: 'settings:set', settings: { theme, fontSize: 17, font: 'serif', width: 'medium' } });
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      await page.getByRole('searchbox', { name: 'Search' }).focus();
      await page.screenshot({ path: `docs/screenshots/library-${theme}.png` });
    }
    await page.close();
  });
});
