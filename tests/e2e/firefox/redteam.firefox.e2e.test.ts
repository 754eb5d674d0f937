/**
 * Red-team findings of issue 12 in Firefox ESR, where the path exists there: R1 and R9 (crafted
 * imports refused; a stored record with an unreadable date no longer hides the library), R2
 * (Copy as Markdown on a trap page), R8 (another tenant's canonical link). The Chromium twin:
 * tests/e2e/redteam.e2e.test.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MARKDOWN_TRAP, PASSAGE, craftedImport, injections, selectWords, serveAt, serveTenants, storedHighlight } from '../../fixtures/hostile/redteam-pages';
import { HOOKS, type Hooks } from '../../hardening/e2e-helpers';
import { EXTENSION_ORIGIN, captureDownloadsIn, clickActionFirefox, downloadedTextsIn, highlightInPopup, launchFirefox, until, type FirefoxSession } from './harness';

const at = '2024-03-12T10:00:00.000Z';
const highlight = (id: string, text: string) => storedHighlight(id, text);

describe('red-team findings through the reader (Firefox)', () => {
  let session: FirefoxSession;
  let files: string;

  beforeAll(async () => {
    session = await launchFirefox();
    files = mkdtempSync(join(tmpdir(), 'lucid-imports-'));
  });
  afterAll(async () => {
    await session?.close();
    rmSync(files, { recursive: true, force: true });
  });

  const texts = (library: string) => session.evaluate<string[]>(library, `[...document.querySelectorAll('.highlights > li')].map((li) => li.textContent)`);

  it('R1, R9: crafted imports are refused with a message, nothing stored', async () => {
    const library = await session.openTab(`${EXTENSION_ORIGIN}/library.html`);
    const cases = [
      { name: 'date.json', body: craftedImport(highlight('p-a', 'Passage A')), error: /highlights\[0\]\.updatedAt: expected a date the browser can read/ },
      { name: 'surrogate.json', body: JSON.stringify({ format: 'lucid-reader-highlights', version: 1, exportedAt: at, highlights: [highlight('p-\uD800', 'Passage A')] }), error: /highlights\[0\]\.id: .*well-formed/ },
    ];
    for (const c of cases) {
      const path = join(files, c.name);
      writeFileSync(path, c.body);
      // The file chosen in the import button's file picker, as the reader would.
      const input = await session.bidi.send<{ result: { sharedId: string } }>('script.evaluate', {
        expression: `document.querySelector('#import')`,
        target: { context: library },
        awaitPromise: false,
        resultOwnership: 'root',
      });
      await session.bidi.send('input.setFiles', { context: library, element: { sharedId: input.result.sharedId }, files: [path] });
      const alert = await until(() => session.evaluate<string>(library, `document.querySelector('[role=alert]').textContent`).then((t) => (c.error.test(t) ? t : null)), `the message for ${c.name}`);
      expect(alert).toMatch(c.error);
    }
    expect(await session.evaluate(library, 'browser.storage.local.get(null)')).toEqual({});
    await session.closeTab(library);
  });

  it('R1: a stored record with an unreadable date (written before the fix) shows with the others, and the export works', async () => {
    const library = await session.openTab(`${EXTENSION_ORIGIN}/library.html`);
    for (const h of [highlight('p-a', 'Passage A'), highlight('p-b', 'Passage B')]) {
      const reply = await session.evaluate<{ ok: boolean; error?: string }>(library, `browser.runtime.sendMessage(${JSON.stringify({ type: 'highlights:put', highlight: h })})`);
      expect(reply.ok, reply.error).toBe(true);
    }
    await session.evaluate(library, `(async () => {
      const all = await browser.storage.local.get(null);
      for (const [key, record] of Object.entries(all)) {
        const target = record?.highlights?.find((h) => h.id === 'p-a');
        if (target) {
          target.createdAt = target.updatedAt = '9999-01-01T00:00:00+05';
          await browser.storage.local.set({ [key]: record });
        }
      }
      return true;
    })()`);
    await session.navigate(library, `${EXTENSION_ORIGIN}/library.html`);
    const items = await until(() => texts(library).then((t) => (t.length === 2 ? t : null)), 'both highlights listed');
    expect(items.join(' ')).toContain('Passage A');
    await captureDownloadsIn(session, library);
    await session.evaluate(library, `[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Export as Markdown').click()`);
    const [markdown] = await until(() => downloadedTextsIn(session, library).then((t) => (t.length ? t : null)), 'the Markdown download');
    expect(markdown).toContain('Passage A');
    expect(markdown).toContain('Passage B');
    await session.closeTab(library);
  });

  it('R2: "Copy as Markdown" on a trap page writes no link, fence, comment, math or wiki link', async () => {
    const { origin, server } = await serveAt('127.0.0.1', { '/trap.html': MARKDOWN_TRAP });
    const tab = await session.openTab(`${origin}/trap.html`);
    const popup = await clickActionFirefox(session, tab);
    await popup.waitFor('document.querySelector("article h1")', 20_000);
    await popup.evaluate(HOOKS);
    await popup.evaluate(`[...document.querySelectorAll('button')].find(b => b.getAttribute('aria-label') === 'Copy as Markdown').click()`);
    await popup.waitFor('window.__lucidHooks.clipboard.length > 0', 5_000);
    const [markdown] = (await popup.evaluate<Hooks>('window.__lucidHooks')).clipboard;
    expect(markdown).toContain('dataviewjs');
    expect(markdown).toContain('Secret note');
    expect(injections(markdown!)).toEqual([]);
    await popup.close();
    await session.closeTab(tab);
    server.close();
  });

  it('R8: a page on another tenant of the same shared host cannot claim the reader’s highlights', async () => {
    const tenants = await serveTenants();
    const tab = await session.openTab(tenants.alice);
    let popup = await clickActionFirefox(session, tab);
    await highlightInPopup(popup, selectWords(PASSAGE));
    await popup.close();

    await session.navigate(tab, tenants.mallory);
    popup = await clickActionFirefox(session, tab);
    await popup.waitFor(`document.querySelector('.highlight-status')`);
    await new Promise((ok) => setTimeout(ok, 1_000));
    expect(await popup.evaluate<number>(`document.querySelectorAll('mark.highlight').length`)).toBe(0);
    await popup.close();

    await session.navigate(tab, tenants.alice);
    popup = await clickActionFirefox(session, tab);
    await popup.waitFor(`document.querySelector('mark.highlight')`);
    await popup.close();
    await session.closeTab(tab);
    tenants.close();
  });
});
