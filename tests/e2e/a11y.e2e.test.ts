/**
 * Accessibility in Chromium with the built extension: axe-core (WCAG 2 A and AA rules) on the
 * popup (the French sample article; then with the reading settings, the folded lines and a
 * speaker's quotes open), the clean view, the highlights library (with highlights stored
 * through the background) and the options page, in each theme. "system" is checked with the
 * system in dark mode (CDP Emulation.setEmulatedMedia on each page's own target), the case the
 * other three do not cover. The bar: no serious or critical violation anywhere.
 *
 * axe runs inside each page through CDP Runtime.evaluate: extension pages' CSP refuses inline
 * <script> tags, but DevTools evaluation is not subject to it. (@axe-core/playwright wants Node 22.)
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLOURS, articleKey, type Highlight } from '../../utils/highlights';
import { popupWithHooks } from '../hardening/e2e-helpers';
import { openedView } from './cleanview-helpers';
import { EXTENSION_DIR, launch, servePages, type Session } from './harness';

process.env.LANGUAGE = 'en';
declare const chrome: {
  runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> };
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
};

const AXE_SOURCE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const THEMES = ['system', 'light', 'dark', 'sepia', 'contrast'] as const;
type Theme = (typeof THEMES)[number];
const IMPACTS = ['critical', 'serious', 'moderate', 'minor'] as const;

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
  examples: string[];
}
interface Row {
  view: string;
  theme: Theme;
  violations: Violation[];
  background: string;
  ms: number;
}

/** Runs axe in a page through `evaluate` (a CDP Runtime.evaluate with awaitPromise, returnByValue). */
async function runAxe(evaluate: (expression: string) => Promise<unknown>): Promise<{ violations: Violation[]; background: string }> {
  if ((await evaluate('typeof window.axe')) !== 'object') await evaluate(AXE_SOURCE);
  const violations = (await evaluate(`axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] },
      resultTypes: ['violations'],
    }).then((r) => r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length,
      examples: v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 200)),
    })))`)) as Violation[];
  // The page background (body's, else the root's), to show which theme axe actually saw.
  const background = (await evaluate(
    `[document.body, document.documentElement].map((e) => getComputedStyle(e).backgroundColor).find((c) => c !== 'rgba(0, 0, 0, 0)') ?? 'none'`,
  )) as string;
  return { violations, background };
}

/** Runtime.evaluate over a Playwright CDP session (pages and out-of-process frames). */
function evaluator(cdp: CDPSession) {
  return async (expression: string): Promise<unknown> => {
    const res = await cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (res.exceptionDetails) throw new Error(res.exceptionDetails.exception?.description ?? res.exceptionDetails.text);
    return res.result.value;
  };
}

const DARK_SYSTEM = { features: [{ name: 'prefers-color-scheme', value: 'dark' }] };

function highlight(n: number, text: string, url: string, title: string, extra: Partial<Highlight> = {}): Highlight {
  const at = new Date(Date.UTC(2024, 6, 13 + n)).toISOString();
  return {
    id: `a11y-${n}`,
    articleKey: articleKey(url),
    selectors: { quote: { exact: text, prefix: '', suffix: '' }, position: { start: n * 300, end: n * 300 + text.length } },
    text,
    colour: COLOURS[n % COLOURS.length]!,
    note: '',
    createdAt: at,
    updatedAt: at,
    url,
    title,
    site: new URL(url).hostname,
    ...extra,
  };
}

const HIGHLIGHTS = [
  highlight(0, 'Le secrétaire américain à la Défense a parlé avec son homologue russe.', 'https://www.lequotidien.example/monde/austin', 'Austin et Belooussov', { speaker: 'Lloyd Austin', note: 'À vérifier' }),
  highlight(1, 'The budget will rise by four percent next year.', 'https://news.example.com/budget', 'The budget vote'),
  highlight(2, 'Critics warned that hospitals would pay for it.', 'https://news.example.com/budget', 'The budget vote', { speaker: 'Grace Hopper' }),
  highlight(3, 'Schools reopen on Monday after the long strike.', 'https://daily.example.org/schools', 'Schools reopen'),
];

describe('accessibility: axe-core on every extension view, in every theme (Chromium)', () => {
  let session: Session;
  let server: Server;
  let origin: string;
  let control: Page;
  let copy: string;
  const rows: Row[] = [];
  const started = Date.now();

  beforeAll(async () => {
    ({ origin, server } = await servePages({ '/sample.html': readFileSync('tests/fixtures/sample-fr.html') }));
    // A copy of the build: a `wxt build` run meanwhile (by someone else) empties .output.
    copy = mkdtempSync(join(tmpdir(), 'lucid-a11y-ext-'));
    cpSync(EXTENSION_DIR, copy, { recursive: true });
    session = await launch({ extensionDir: copy });
    // An extension page to talk to the background from, as the extension's own pages do.
    control = await session.context.newPage();
    await control.goto(`chrome-extension://${session.extensionId}/options.html`);
    for (const h of HIGHLIGHTS) {
      const reply = await control.evaluate((m) => chrome.runtime.sendMessage(m), { type: 'highlights:put', highlight: h });
      expect(reply.ok, reply.error).toBe(true);
    }
    // A site in the options page's list (written straight to storage: the list is only read
    // there, and going through "Always use clean view" needs a permission prompt).
    await control.evaluate(() => chrome.storage.local.set({ autoOpenSites: ['news.example.com'] }));
  });

  afterAll(async () => {
    console.log(`[a11y e2e] axe-core WCAG 2 A/AA, violations by impact (critical/serious/moderate/minor), ${Math.round((Date.now() - started) / 1000)} s in all:`);
    for (const row of rows) {
      const counts = IMPACTS.map((impact) => row.violations.filter((v) => v.impact === impact).length).join('/');
      console.log(`  ${row.view.padEnd(34)} ${row.theme.padEnd(7)} ${counts}  background ${row.background}  (${row.ms} ms)`);
      for (const v of row.violations) console.log(`      ${v.impact} ${v.id} ×${v.nodes}: ${v.help}\n        ${v.examples.join('\n        ')}`);
    }
    await session?.close();
    server?.close();
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  async function record(view: string, theme: Theme, evaluate: (e: string) => Promise<unknown>): Promise<void> {
    const t0 = Date.now();
    const { violations, background } = await runAxe(evaluate);
    rows.push({ view, theme, violations, background, ms: Date.now() - t0 });
  }

  /** Opens an extension page in `theme` (dark system for "system") and waits until it shows it. */
  async function openExtensionPage(path: string, theme: Theme, ready: string): Promise<{ page: Page; evaluate: (e: string) => Promise<unknown> }> {
    const page = await session.context.newPage();
    const cdp = await session.context.newCDPSession(page);
    if (theme === 'system') await cdp.send('Emulation.setEmulatedMedia', DARK_SYSTEM);
    await page.goto(`chrome-extension://${session.extensionId}/${path}`);
    await page.waitForSelector(ready);
    return { page, evaluate: evaluator(cdp) };
  }

  for (const theme of THEMES) {
    it(`${theme} theme${theme === 'system' ? ' (system in dark mode)' : ''}: no serious or critical violations`, async () => {
      const reply = await control.evaluate((m) => chrome.runtime.sendMessage(m), { type: 'settings:set', settings: { theme, fontSize: 17, font: 'serif', width: 'medium' } });
      expect(reply.ok, reply.error).toBe(true);

      // The popup, on the sample article.
      const article = await session.context.newPage();
      await article.goto(`${origin}/sample.html`);
      const popup = await popupWithHooks(session, article);
      const p = popup.target;
      if (theme === 'system') await p.send('Emulation.setEmulatedMedia', DARK_SYSTEM);
      expect(await p.waitFor('document.querySelector("article h1")', 20_000), 'the popup shows the article').toBe(true);
      expect(await p.waitFor(`document.documentElement.dataset.theme === ${JSON.stringify(theme)}`, 5_000), 'the popup took the theme').toBe(true);
      if (theme === 'system') expect(await p.evaluate('matchMedia("(prefers-color-scheme: dark)").matches')).toBe(true);
      await record('popup: article', theme, p.evaluate);

      await p.evaluate(`document.querySelector('button[aria-controls="settings"]').click()`);
      // The panel's code loads after paint: it shows once loaded, whenever the click came. All its controls open.
      expect(await p.waitFor('document.getElementById("settings")', 5_000), 'the settings panel').toBe(true);
      await p.evaluate(`document.querySelector('#settings details').open = true`);
      await record('popup: + settings panel', theme, p.evaluate);

      await p.evaluate(`document.querySelector('[data-testid="folded-summary"]').click()`);
      expect(await p.waitFor(`document.querySelector('[data-testid="folded-summary"]').getAttribute('aria-expanded') === 'true'`, 5_000), 'the folded lines').toBe(true);
      await record('popup: + folded lines shown', theme, p.evaluate);

      expect(await p.waitFor(`document.querySelector('button.speakers-toggle')`, 5_000), 'the who-is-quoted line').toBe(true);
      await p.evaluate(`document.querySelector('button.speakers-toggle').click()`);
      expect(await p.waitFor(`document.querySelector('button.speaker')`, 5_000), 'the speakers panel').toBe(true);
      await p.evaluate(`document.querySelector('button.speaker').click()`);
      expect(await p.waitFor(`document.querySelector('button.speaker[aria-pressed="true"]')`, 5_000), 'a speaker selected').toBe(true);
      await record("popup: + a speaker's quotes", theme, p.evaluate);

      // The clean view, opened from the popup (which then closes itself).
      await p.evaluate(`document.querySelector('button[aria-label="Open in clean view"]').click()`).catch(() => undefined);
      const frame = await openedView(article);
      const frameCdp = await session.context.newCDPSession(frame);
      if (theme === 'system') await frameCdp.send('Emulation.setEmulatedMedia', DARK_SYSTEM);
      const inFrame = evaluator(frameCdp);
      await expect.poll(() => inFrame('document.documentElement.dataset.theme')).toBe(theme);
      if (theme === 'system') expect(await inFrame('matchMedia("(prefers-color-scheme: dark)").matches')).toBe(true);
      await record('clean view', theme, inFrame);
      await popup.close().catch(() => undefined);
      await article.close();

      // The library, with the stored highlights.
      const library = await openExtensionPage('library.html', theme, '.highlights > li');
      await expect.poll(() => library.evaluate('document.documentElement.dataset.theme')).toBe(theme);
      await record('library', theme, library.evaluate);
      await library.page.close();

      // The options page (it follows the system's colours, not the reader's theme).
      const options = await openExtensionPage('options.html', theme, '.sites li button');
      await record('options', theme, options.evaluate);
      await options.page.close();

      const mine = rows.filter((r) => r.theme === theme);
      expect(mine).toHaveLength(7);
      const bad = mine.flatMap((r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${r.view}: ${v.id} (${v.impact}) ${v.examples[0] ?? ''}`));
      expect(bad).toEqual([]);
    });
  }
});
