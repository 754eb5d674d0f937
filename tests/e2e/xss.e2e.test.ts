/**
 * XSS in Chromium with the built extension: DOMPurify's 141 "alert" fixtures and OWASP's
 * vectors, embedded in real article pages, opened in the popup, copied as Markdown, opened in
 * the clean view; and stored as highlights (text, note, title, speaker) shown in the library
 * and exported to Markdown. Zero script executions (hooks on alert/confirm/prompt/print/fetch/
 * open, CSP violation listener), and no handler, script, frame, object, form, javascript: or
 * data: URL in any rendered DOM. Also: a web page cannot message the extension, and malformed
 * messages from an extension page are refused with nothing stored.
 */
import type { Server } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleKey, type Highlight } from '../../utils/highlights';
import { batches, findMarkdownDanger, haveCorpus, loadPayloads, xssArticlePage } from '../fixtures/hostile/xss-pages';
import { HOOKS, POPUP_SETTLED, cspEntries, dangerIn, popupWithHooks, type Hooks } from '../hardening/e2e-helpers';
import { launch, servePages, type Session, captureDownloads, downloadedTexts } from './harness';

process.env.LANGUAGE = 'en';
declare const chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }>; id?: string }; storage: { local: { get(k: null): Promise<Record<string, unknown>> } } };

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const PER_PAGE = 40;

describe.runIf(haveCorpus())('XSS corpus in the popup, the clean view and the library (Chromium)', () => {
  const payloads = haveCorpus() ? loadPayloads() : [];
  const pages = batches(payloads, PER_PAGE);
  let session: Session;
  let server: Server;
  let origin: string;
  const totals = { popup: 0, cleanView: 0, library: 0, calls: [] as string[], csp: [] as string[], dangers: [] as string[] };

  beforeAll(async () => {
    const served: Record<string, string | Buffer> = {};
    pages.forEach((batch, n) => (served[`/xss/${n}.html`] = xssArticlePage(batch, `Harbour plan, part ${n + 1}`)));
    for (let i = 0; i < PER_PAGE; i++) served[`/img/${i}.png`] = PNG;
    ({ origin, server } = await servePages(served));
    session = await launch();
    await session.context.addInitScript(HOOKS);
  });
  afterAll(async () => {
    console.log(
      `[xss e2e] ${payloads.length} payloads in ${pages.length} pages; popup ${totals.popup}/${pages.length}, clean view ${totals.cleanView}/${pages.length}, ` +
        `library ${totals.library} highlights; script executions ${totals.calls.length}, CSP violations ${totals.csp.length}, dangerous nodes ${totals.dangers.length}`,
    );
    await session?.close();
    server?.close();
  });

  const own = () => `chrome-extension://${session.extensionId}/`;

  async function openArticle(n: number): Promise<Page> {
    const page = await session.context.newPage();
    await page.goto(`${origin}/xss/${n}.html`);
    await page.waitForFunction(() => document.documentElement.dataset.ready === '1');
    return page;
  }

  it('popup and "Copy as Markdown": no execution, nothing dangerous rendered', async () => {
    for (let n = 0; n < pages.length; n++) {
      const page = await openArticle(n);
      const popup = await popupWithHooks(session, page);
      expect(await popup.target.waitFor(POPUP_SETTLED, 20_000)).toBe(true);
      expect(await popup.target.evaluate<string>('document.querySelector("article h1")?.textContent ?? ""')).toBe(`Harbour plan, part ${n + 1}`);
      // Everything folded away is shown too, so the whole article is in the DOM.
      await popup.target.evaluate(`[...document.querySelectorAll('button')].filter(b => /fold|hidden/i.test(b.textContent)).forEach(b => b.click())`);
      await popup.target.evaluate(`[...document.querySelectorAll('button')].find(b => b.getAttribute('aria-label') === 'Copy as Markdown')?.click()`);
      await popup.target.waitFor('window.__lucidHooks.clipboard.length > 0', 5_000);
      const hooks = await popup.target.evaluate<Hooks>('window.__lucidHooks');
      const dangers = await popup.target.evaluate<string[]>(dangerIn(own()));
      expect(hooks.clipboard.length, 'the Markdown was copied').toBe(1);
      totals.calls.push(...hooks.calls);
      totals.csp.push(...hooks.csp, ...cspEntries(popup.log));
      totals.dangers.push(...dangers, ...findMarkdownDanger(hooks.clipboard[0] ?? ''));
      if (popup.log.length) console.log(`[xss e2e] popup log, page ${n}: ${popup.log.join(' | ').slice(0, 500)}`);
      expect(hooks.calls).toEqual([]);
      expect(hooks.csp).toEqual([]);
      expect(cspEntries(popup.log)).toEqual([]);
      expect(dangers).toEqual([]);
      expect(findMarkdownDanger(hooks.clipboard[0] ?? '')).toEqual([]);
      totals.popup++;
      await popup.close();
      await page.close();
    }
  });

  it('clean view: no execution, nothing dangerous rendered', async () => {
    for (let n = 0; n < pages.length; n++) {
      const page = await openArticle(n);
      const popup = await popupWithHooks(session, page);
      expect(await popup.target.waitFor('document.querySelector("article h1")', 20_000)).toBe(true);
      await popup.target.evaluate(`document.querySelector('button[aria-label="Open in clean view"]').click()`);
      let frame = page.frames().find((f) => f.url().includes('/cleanview.html'));
      for (let i = 0; i < 200 && !frame; i++) {
        await page.waitForTimeout(50);
        frame = page.frames().find((f) => f.url().includes('/cleanview.html'));
      }
      expect(frame, 'the clean view frame').toBeDefined();
      await frame!.waitForSelector('.article h1', { timeout: 20_000 });
      // The init script reached the extension frame (else the hooks would prove nothing).
      expect(await frame!.evaluate(() => typeof (window as unknown as { __lucidHooks?: unknown }).__lucidHooks)).toBe('object');
      await frame!.evaluate(() => [...document.querySelectorAll('button')].filter((b) => /fold|hidden/i.test(b.textContent ?? '')).forEach((b) => b.click()));
      const hooks = await frame!.evaluate(() => (window as unknown as { __lucidHooks: Hooks }).__lucidHooks);
      const dangers = await frame!.evaluate(dangerIn(own()));
      totals.calls.push(...hooks.calls);
      totals.csp.push(...hooks.csp);
      totals.dangers.push(...(dangers as string[]));
      expect(hooks.calls).toEqual([]);
      expect(hooks.csp).toEqual([]);
      expect(dangers).toEqual([]);
      totals.cleanView++;
      await popup.close().catch(() => undefined);
      await page.close();
    }
  });

  it('library and its Markdown export: highlights carrying payloads', async () => {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/library.html`);
    await page.waitForSelector('h1');
    const at = '2024-03-01T00:00:00.000Z';
    const highlights: Highlight[] = payloads.map((p, i) => {
      const url = `https://news.example.com/story-${i % 10}`;
      return {
        id: `xss-${i}`,
        articleKey: articleKey(url),
        selectors: { quote: { exact: 'x', prefix: '', suffix: '' }, position: { start: i, end: i + 1 } },
        text: p.payload || 'x',
        colour: 'yellow',
        note: p.payload,
        createdAt: at,
        updatedAt: at,
        url,
        title: `${p.payload} ${i % 10}`,
        site: 'news.example.com',
        speaker: p.payload.slice(0, 100) || undefined,
      };
    });
    for (const h of highlights) {
      const reply = await page.evaluate((m) => chrome.runtime.sendMessage(m), { type: 'highlights:put', highlight: h });
      expect(reply.ok, reply.error).toBe(true);
    }
    // A payload cannot become the article link.
    const bad = { ...highlights[0]!, id: 'bad', url: 'javascript:alert(1)' };
    expect((await page.evaluate((m) => chrome.runtime.sendMessage(m), { type: 'highlights:put', highlight: bad })).ok).toBe(false);

    await page.reload();
    await page.waitForFunction((n) => document.querySelectorAll('.highlights > li').length >= n, Math.min(highlights.length, 50), { timeout: 20_000 });
    await captureDownloads(page);
    await page.getByRole('button', { name: 'Export as Markdown' }).click();
    const [markdown] = await downloadedTexts(page);
    const hooks = await page.evaluate(() => (window as unknown as { __lucidHooks: Hooks }).__lucidHooks);
    const dangers = (await page.evaluate(dangerIn(own()))) as string[];
    const mdDangers = findMarkdownDanger(markdown ?? '');
    totals.library = await page.locator('.highlights > li').count();
    totals.calls.push(...hooks.calls);
    totals.csp.push(...hooks.csp);
    totals.dangers.push(...dangers, ...mdDangers);
    expect(markdown).toContain('# Highlights');
    expect(hooks.calls).toEqual([]);
    expect(hooks.csp).toEqual([]);
    expect(dangers).toEqual([]);
    expect(mdDangers).toEqual([]);
    await page.close();
  });
});

describe('messages from pages (Chromium)', () => {
  let session: Session;
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    ({ origin, server } = await servePages({ '/page.html': '<!doctype html><title>t</title><p>A web page.</p>' }));
    session = await launch();
  });
  afterAll(async () => {
    await session?.close();
    server?.close();
  });

  it('a web page cannot message the extension', async () => {
    const page = await session.context.newPage();
    await page.goto(`${origin}/page.html`);
    const result = await page.evaluate(async (id) => {
      const c = (globalThis as unknown as { chrome?: typeof chrome }).chrome;
      if (!c?.runtime?.sendMessage) return 'no runtime.sendMessage in the page';
      try {
        const reply = await (c.runtime.sendMessage as unknown as (id: string, m: unknown) => Promise<unknown>)(id, { type: 'settings:set', settings: { theme: 'dark', fontSize: 17, font: 'serif', width: 'medium' } });
        return `answered: ${JSON.stringify(reply)}`;
      } catch (err) {
        return `refused: ${(err as Error).message}`;
      }
    }, session.extensionId);
    console.log(`[messages e2e] web page → extension: ${result}`);
    expect(result).not.toMatch(/^answered/);
    const library = await session.context.newPage();
    await library.goto(`chrome-extension://${session.extensionId}/library.html`);
    expect(await library.evaluate(() => chrome.storage.local.get(null))).toEqual({});
    await library.close();
    await page.close();
  });

  it('an extension page sending bad shapes is refused and nothing is stored', async () => {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/library.html`);
    const bad: unknown[] = [
      null,
      'settings:set',
      [1, 2],
      {},
      { type: 'storage:clear' },
      { type: 'settings:set', settings: { theme: 'hacker', fontSize: 17, font: 'serif', width: 'medium' } },
      { type: 'rules:set', site: '../settings', fingerprint: 'f', verdict: 'clutter' },
      { type: 'highlights:put', highlight: { id: 'x' } },
      { type: 'highlights:import', highlights: [] },
      { type: 'auto-open:add', site: 'https://evil.example/' },
      { type: 'highlights:put', highlight: { id: 'x', note: 'n'.repeat(5 * 1024 * 1024) } },
    ];
    const replies = await page.evaluate(async (messages) => {
      const out: { ok: boolean; error?: string }[] = [];
      for (const m of messages) out.push(await chrome.runtime.sendMessage(m));
      return out;
    }, bad);
    for (const reply of replies) {
      expect(reply.ok).toBe(false);
      expect(reply.error).toMatch(/^Refused: /);
    }
    expect(await page.evaluate(() => chrome.storage.local.get(null))).toEqual({});
    await page.close();
  });
});
