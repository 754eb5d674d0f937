/**
 * Red-team findings of issue 12 in Chromium with the built extension, through the reader's
 * paths: R1 (a crafted import is refused; a stored record with an unreadable date no longer
 * hides the library or breaks its export), R2 (Copy as Markdown on a trap page), R8 (a page on
 * another tenant's host cannot claim the reader's highlights), R9 (an import with a lone
 * surrogate is refused). The Firefox twin: tests/e2e/firefox/redteam.firefox.e2e.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { MARKDOWN_TRAP, PASSAGE, craftedImport, injections, selectWords, serveAt, serveTenants, storedHighlight } from '../fixtures/hostile/redteam-pages';
import { popupWithHooks, type Hooks } from '../hardening/e2e-helpers';
import { captureDownloads, clickAction, downloadedTexts, launch, type Session } from './harness';

process.env.LANGUAGE = 'en';
declare const chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> }; storage: { local: { get(k: null): Promise<Record<string, unknown>>; set(v: object): Promise<void> } } };

const at = '2024-03-12T10:00:00.000Z';
const highlight = (id: string, text: string) => storedHighlight(id, text);

describe('red-team findings through the reader (Chromium)', () => {
  let session: Session;

  beforeAll(async () => {
    session = await launch();
  });
  afterAll(async () => {
    await session?.close();
  });

  async function library(): Promise<Page> {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/library.html`);
    await page.waitForSelector('h1');
    return page;
  }

  it('R1, R9: crafted imports are refused with a message, nothing stored', async () => {
    const page = await library();
    const files = [
      { name: 'date.json', body: craftedImport(highlight('p-a', 'Passage A')), error: /highlights\[0\]\.updatedAt: expected a date the browser can read/ },
      { name: 'surrogate.json', body: JSON.stringify({ format: 'lucid-reader-highlights', version: 1, exportedAt: at, highlights: [highlight('p-\uD800', 'Passage A')] }), error: /highlights\[0\]\.id: .*well-formed/ },
    ];
    for (const f of files) {
      await page.locator('#import').setInputFiles({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.body) });
      await expect.poll(() => page.getByRole('alert').textContent()).toMatch(f.error);
    }
    expect(await page.evaluate(() => chrome.storage.local.get(null))).toEqual({});
    await page.close();
  });

  it('R1: a stored record with an unreadable date (written before the fix) shows with the others, and the export works', async () => {
    const page = await library();
    for (const h of [highlight('p-a', 'Passage A'), highlight('p-b', 'Passage B')]) {
      const reply = await page.evaluate((m) => chrome.runtime.sendMessage(m), { type: 'highlights:put', highlight: h });
      expect(reply.ok, reply.error).toBe(true);
    }
    // Break one record in storage, as an import before the fix could.
    await page.evaluate(async () => {
      const all = await chrome.storage.local.get(null);
      for (const [key, value] of Object.entries(all)) {
        const record = value as { highlights?: { id: string; createdAt: string; updatedAt: string }[] };
        const target = record?.highlights?.find((h) => h.id === 'p-a');
        if (target) {
          target.createdAt = target.updatedAt = '9999-01-01T00:00:00+05';
          await chrome.storage.local.set({ [key]: record });
        }
      }
    });
    await page.reload();
    await expect.poll(() => page.locator('.highlights > li').count()).toBe(2);
    expect(await page.locator('.highlights').textContent()).toContain('Passage A');
    expect(await page.getByRole('button', { name: /^Delete/ }).count()).toBe(2);
    await captureDownloads(page);
    await page.getByRole('button', { name: 'Export as Markdown' }).click();
    const [markdown] = await downloadedTexts(page);
    expect(markdown).toContain('Passage A');
    expect(markdown).toContain('Passage B');
    await page.close();
  });

  it('R2: "Copy as Markdown" on a trap page writes no link, fence, comment, math or wiki link', async () => {
    const { origin, server } = await serveAt('127.0.0.1', { '/trap.html': MARKDOWN_TRAP });
    const page = await session.context.newPage();
    await page.goto(`${origin}/trap.html`);
    const popup = await popupWithHooks(session, page);
    await popup.target.waitFor('document.querySelector("article h1")', 20_000);
    await popup.target.evaluate(`[...document.querySelectorAll('button')].find(b => b.getAttribute('aria-label') === 'Copy as Markdown').click()`);
    await popup.target.waitFor('window.__lucidHooks.clipboard.length > 0', 5_000);
    const [markdown] = (await popup.target.evaluate<Hooks>('window.__lucidHooks')).clipboard;
    expect(markdown).toContain('dataviewjs');
    expect(markdown).toContain('Secret note');
    expect(injections(markdown!)).toEqual([]);
    await popup.close();
    await page.close();
    server.close();
  });

  it('R8: a page on another tenant of the same shared host cannot claim the reader’s highlights', async () => {
    const tenants = await serveTenants();
    const page = await session.context.newPage();
    await page.goto(tenants.alice);
    let popup = await clickAction(session, page);
    await popup.waitFor(`document.querySelector('.highlight-status')`);
    expect(await popup.evaluate<boolean>(selectWords(PASSAGE))).toBe(true);
    await popup.waitFor(`document.querySelector('[role=toolbar] [aria-label="Highlight in green"]')`);
    await popup.evaluate(`document.querySelector('[role=toolbar] [aria-label="Highlight in green"]').click()`);
    await popup.waitFor(`document.querySelector('mark.highlight')`);
    await popup.close();

    await page.goto(tenants.mallory);
    popup = await clickAction(session, page);
    await popup.waitFor(`document.querySelector('.highlight-status')`);
    await new Promise((ok) => setTimeout(ok, 1_000));
    expect(await popup.evaluate<number>(`document.querySelectorAll('mark.highlight').length`)).toBe(0);
    await popup.close();

    // The reader's own page still shows it.
    await page.goto(tenants.alice);
    popup = await clickAction(session, page);
    await popup.waitFor(`document.querySelector('mark.highlight')`);
    await popup.close();
    await page.close();
    tenants.close();
  });
});
