/**
 * The popup as a reader uses it, in Chromium with the built extension: the article, folded
 * lines, speakers, settings that persist, keyboard-only reading, and "Try anyway". Controls
 * are found by role and accessible name. Writes docs/screenshots/popup-{light,dark}.png.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import WebSocket from 'ws';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickAction, launch, servePages, type Popup, type Session } from './harness';

// These tests read English strings: Chromium's interface language comes from the environment.
process.env.LANGUAGE = 'en';

const SAMPLE = readFileSync('tests/fixtures/sample-fr.html');
const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const LOGIN = readFileSync('tests/fixtures/login.html');
/** The sample with a body quoted too: "Who is quoted" lists it under its own title. */
const BODIES = SAMPLE.toString().replace(
  '<p>Moscou menace',
  "<p>« La note de protestation a été remise à l'ambassadrice dans la matinée », a indiqué le ministère russe des Affaires étrangères.</p>\n      <p>Moscou menace",
);

/**
 * In-popup helpers: `$find(role, name)` finds a control by role and (part of) its accessible
 * name, `$click(role, name)` clicks it. A small subset of the accessible-name rules, enough
 * for the popup's own controls (aria-label, aria-labelledby, <label>, text content).
 */
const HELPERS = `(() => {
  const SELECTORS = { button: 'button,[role=button]', radio: 'input[type=radio]', slider: 'input[type=range]', heading: 'h1,h2,h3,h4,h5,h6', region: 'section[aria-labelledby],main', link: 'a[href]' };
  const text = (el) => (el?.textContent ?? '').replace(/\\s+/g, ' ').trim();
  const name = (el) => el.getAttribute('aria-label')
    ?? (el.getAttribute('aria-labelledby') ? text(document.getElementById(el.getAttribute('aria-labelledby'))) : null)
    ?? (el.labels?.length ? text(el.labels[0]) : text(el));
  window.$name = name;
  window.$findAll = (role, wanted) => [...document.querySelectorAll(SELECTORS[role])].filter((el) => name(el).includes(wanted));
  window.$find = (role, wanted) => window.$findAll(role, wanted)[0] ?? null;
  window.$click = (role, wanted) => {
    const el = window.$find(role, wanted);
    if (!el) throw new Error('no ' + role + ' named ' + wanted);
    el.click();
    return new Promise((ok) => setTimeout(() => ok(true), 30)); // Preact renders on the next tick
  };
  return true;
})()`;

interface PopupCdp {
  send<T = unknown>(method: string, params: object): Promise<T>;
  /** A key press (CDP Input events, as from a real keyboard). */
  press(key: Key, shift?: boolean): Promise<void>;
  close(): void;
}

/** A second CDP connection to the open popup, for input and emulation. */
async function cdpOf(session: Session): Promise<PopupCdp> {
  const { targetInfos } = await session.cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.url.includes(`${session.extensionId}/popup.html`));
  if (!target) throw new Error('no popup target');
  const socket = new WebSocket(`ws://${new URL(session.endpoint).host}/devtools/page/${target.targetId}`);
  await new Promise((ok, fail) => socket.once('open', ok).once('error', fail));
  let id = 0;
  const send = <T,>(method: string, params: object) =>
    new Promise<T>((ok) => {
      const mine = ++id;
      const onMessage = (raw: WebSocket.RawData) => {
        const message = JSON.parse(raw.toString());
        if (message.id !== mine) return;
        socket.off('message', onMessage);
        ok(message.result);
      };
      socket.on('message', onMessage);
      socket.send(JSON.stringify({ id: mine, method, params }));
    });
  return {
    send,
    async press(key, shift = false) {
      const [code, keyCode, text] = KEYS[key];
      const base = { key, code, windowsVirtualKeyCode: keyCode, modifiers: shift ? 8 : 0 };
      await send('Input.dispatchKeyEvent', { type: 'keyDown', ...base, ...(text ? { text } : {}) });
      await send('Input.dispatchKeyEvent', { type: 'keyUp', ...base });
    },
    close: () => socket.close(),
  };
}
const KEYS = {
  Tab: ['Tab', 9, ''],
  Enter: ['Enter', 13, '\r'],
  Escape: ['Escape', 27, ''],
  ' ': ['Space', 32, ' '],
  PageDown: ['PageDown', 34, ''],
  ArrowDown: ['ArrowDown', 40, ''],
} as const;
type Key = keyof typeof KEYS;

describe('the popup as a reader uses it', () => {
  let session: Session;
  let server: Server;
  let origin: string;
  let page: Page;

  beforeAll(async () => {
    ({ origin, server } = await servePages({ '/sample.html': SAMPLE, '/bodies.html': BODIES, '/login.html': LOGIN }, 'tests/fixtures'));
    session = await launch();
    page = await session.context.newPage();
  });
  afterAll(async () => {
    await session?.close();
    server?.close();
  });

  /** Opens the popup on `path` and waits for the article (or a message). */
  async function open(path = '/sample.html'): Promise<Popup> {
    if (page.url() !== `${origin}${path}`) await page.goto(`${origin}${path}`);
    const popup = await clickAction(session, page);
    await popup.waitFor('document.querySelector("article h1, [role=alert]")');
    await popup.evaluate(HELPERS);
    // The settings panel's code loads after the first paint.
    await popup.waitFor('performance.getEntriesByName("lucid:article-painted").length || document.querySelector("[role=alert]")');
    await new Promise((ok) => setTimeout(ok, 100));
    return popup;
  }

  it('paints the article: metadata, blocks, language, no page HTML', async () => {
    const popup = await open();
    await popup.waitFor('performance.getEntriesByName("lucid:article-painted").length');
    const info = await popup.evaluate<Record<string, unknown>>(`(() => {
      const article = document.querySelector('article');
      return {
        lang: article.lang, dir: article.dir,
        site: article.querySelector('.site')?.textContent,
        facts: article.querySelector('.facts')?.textContent,
        images: [...article.querySelectorAll('img')].every((img) => img.hasAttribute('alt') && img.loading === 'lazy'),
        paragraphs: article.querySelectorAll('.article-body p').length,
        scripts: document.querySelectorAll('article script, article iframe, article style').length,
        painted: performance.getEntriesByName('lucid:article-painted').length,
      };
    })()`);
    expect(info).toMatchObject({ lang: 'fr', dir: 'ltr', site: 'Le Quotidien', images: true, scripts: 0, painted: 1 });
    expect(info.paragraphs).toBeGreaterThanOrEqual(4);
    expect(info.facts).toMatch(/Claire Dubois · .*2024 · 1 min read/);
    await popup.close();
  });

  it('writes the README screenshots (light and dark)', async () => {
    mkdirSync('docs/screenshots', { recursive: true });
    for (const theme of ['light', 'dark'] as const) {
      const popup = await open();
      await popup.evaluate('$click("button", "Reading settings")');
      await popup.evaluate(`$click('radio', '${theme === 'light' ? 'Light' : 'Dark'}')`);
      await popup.evaluate('$click("button", "Reading settings")');
      await popup.waitFor(`document.documentElement.dataset.theme === '${theme}'`);
      await popup.evaluate('document.activeElement?.blur()');
      await new Promise((ok) => setTimeout(ok, 400)); // the settings save, fonts settle
      // The popup's full 400 × 600 (headless Chromium opens it a little shorter).
      const cdp = await cdpOf(session);
      const { data } = await cdp.send<{ data: string }>('Page.captureScreenshot', {
        format: 'png',
        captureBeyondViewport: true,
        clip: { x: 0, y: 0, width: 400, height: 600, scale: 1 },
      });
      cdp.close();
      writeFileSync(`docs/screenshots/popup-${theme}.png`, Buffer.from(data, 'base64'));
      await popup.close();
    }
  });

  it('folds lines quietly, shows each reason and unfolds in place', async () => {
    const popup = await open();
    const summary = await popup.evaluate<string>('document.querySelector("[data-testid=folded-summary]").textContent');
    const count = Number(summary.match(/^(\d+) lines folded$/)?.[1]);
    expect(count).toBeGreaterThanOrEqual(2);
    expect(await popup.evaluate('document.querySelectorAll(".block.folded").length')).toBe(0);
    await popup.evaluate('$click("button", "lines folded")');
    const reasons = await popup.evaluate<string[]>('[...document.querySelectorAll(".fold-reason")].map((e) => e.textContent)');
    expect(reasons).toHaveLength(count);
    expect(reasons).toContain('Folded: duplicate of the headline');
    await popup.evaluate('$click("button", "Unfold")');
    const opened = await popup.evaluate<{ text: string; expanded: string }>(`(() => {
      const block = document.querySelector('.block.folded.open');
      return { text: block.innerText, expanded: block.querySelector('button[aria-expanded]').getAttribute('aria-expanded') };
    })()`);
    expect(opened.text.length).toBeGreaterThan(40);
    expect(opened.expanded).toBe('true');
    await popup.close();
  });

  it('saves "this is clutter" for the site and folds that line next time', async () => {
    let popup = await open();
    const before = await popup.evaluate<string>('document.querySelector("[data-testid=folded-summary]").textContent');
    await popup.evaluate('$click("button", "lines folded")');
    const line = await popup.evaluate<string>(`(() => {
      const block = [...document.querySelectorAll('.block:not(.folded)')].find((b) => b.querySelector('p'));
      block.querySelector('.block-tools button').click();
      return block.querySelector('p').textContent;
    })()`);
    await popup.waitFor('document.querySelector("[role=status].shown")?.textContent.includes("127.0.0.1")');
    await popup.close();

    popup = await open();
    expect(await popup.evaluate('document.querySelector("[data-testid=folded-summary]").textContent')).toBe(`${parseInt(before) + 1} lines folded`);
    await popup.evaluate('$click("button", "lines folded")');
    const folded = await popup.evaluate<string[]>('[...document.querySelectorAll(".fold-reason")].map((e) => e.textContent)');
    expect(folded).toContain('Folded: you marked this as clutter');
    // Undo: "this is content" brings it back for next time.
    await popup.evaluate(`(() => {
      const block = [...document.querySelectorAll('.block.folded')].find((b) => b.textContent.includes('you marked this as clutter'));
      $findAll('button', 'This is content').find((b) => block.contains(b)).click();
    })()`);
    await popup.waitFor('document.querySelector("[role=status].shown")');
    expect(await popup.evaluate('document.querySelector("article").innerText')).toContain(line.slice(0, 40));
    await popup.close();
  });

  it('lists who is quoted, marks a speaker\'s quotes and steps through them', async () => {
    const popup = await open();
    // One line under the lead ("Who is quoted · n"); the speakers open below it on demand.
    await popup.waitFor('$find("button", "Who is quoted")');
    await popup.evaluate('$click("button", "Who is quoted")');
    const names = await popup.evaluate<string[]>('[...document.querySelectorAll("[data-testid=speaker-name]")].map((e) => e.textContent)');
    expect(names).toContain('Dmitry Peskov');
    // Every attributed quote carries its speaker as a label; those below the precision bar say "probably".
    const labels = await popup.evaluate<string[]>('[...document.querySelectorAll("mark.quote[data-label]")].map((m) => m.dataset.label)');
    expect(labels.map((l) => l.replace(/^probably /, ''))).toContain('Dmitry Peskov');
    const unsure = await popup.evaluate<boolean>('[...document.querySelectorAll("mark.quote")].every((m) => m.classList.contains("unsure") === m.dataset.label.startsWith("probably "))');
    expect(unsure).toBe(true);

    await popup.evaluate('$click("button", "Dmitry Peskov")');
    expect(await popup.evaluate('$find("button", "Dmitry Peskov").getAttribute("aria-pressed")')).toBe('true');
    const chosen = await popup.evaluate<string[]>('[...document.querySelectorAll("mark.quote.chosen")].map((m) => m.textContent)');
    expect(chosen.join(' ')).toMatch(/engagement direct/);
    expect(await popup.evaluate('document.querySelector(".stepper-count").textContent')).toMatch(/^Quote 1 of \d+$/);
    expect(await popup.evaluate('document.querySelectorAll("mark.quote.current").length')).toBe(1);
    await popup.evaluate('$click("button", "Next quote")');
    await popup.evaluate('$click("button", "Show all quotes")');
    expect(await popup.evaluate('document.querySelectorAll("mark.quote.chosen").length')).toBe(0);
    await popup.close();
  });

  it('lists the bodies quoted under their own title, after the people', async () => {
    const popup = await open('/bodies.html');
    await popup.waitFor('$find("button", "Who is quoted")');
    await popup.evaluate('$click("button", "Who is quoted")');
    const items = await popup.evaluate<string[]>('[...document.querySelectorAll("#speakers h3, #speakers [data-testid=speaker-name]")].map((e) => e.textContent)');
    const title = items.indexOf('Organisations');
    expect(title).toBeGreaterThan(0);
    expect(items.slice(title + 1)).toContain('ministère russe des Affaires étrangères');
    expect(items.slice(0, title)).toContain('Dmitry Peskov');
    await popup.close();
  });

  it('keeps the theme: switch to sepia, reopen, still sepia', async () => {
    let popup = await open();
    await popup.evaluate('$click("button", "Reading settings")');
    await popup.evaluate('$click("radio", "Sepia")');
    expect(await popup.evaluate('getComputedStyle(document.documentElement).backgroundColor')).toBe('rgb(246, 238, 220)');
    await new Promise((ok) => setTimeout(ok, 400)); // the save waits for a pause
    await popup.close();
    popup = await open();
    await popup.waitFor('document.documentElement.dataset.theme === "sepia"');
    expect(await popup.evaluate('getComputedStyle(document.documentElement).backgroundColor')).toBe('rgb(246, 238, 220)');
    await popup.evaluate('$click("button", "Reading settings")');
    await popup.evaluate('$click("radio", "System")');
    await new Promise((ok) => setTimeout(ok, 400));
    await popup.close();
  });

  it('reads with the keyboard alone: visible focus, speakers, scrolling', async () => {
    const popup = await open();
    const keys = await cdpOf(session);
    try {
      await keys.press('Tab');
      expect(await popup.evaluate('$name(document.activeElement)')).toBe('Reading settings');
      expect(await popup.evaluate('getComputedStyle(document.activeElement).outlineStyle')).toBe('solid');
      await keys.press('Enter');
      expect(await popup.evaluate('$find("button", "Reading settings").getAttribute("aria-expanded")')).toBe('true');
      for (let i = 0; i < 5 && (await popup.evaluate('document.activeElement.type')) !== 'radio'; i++) await keys.press('Tab');
      expect(await popup.evaluate('document.activeElement.type')).toBe('radio');
      await keys.press('Escape');
      expect(await popup.evaluate('$name(document.activeElement)')).toBe('Reading settings');
      expect(await popup.evaluate('document.querySelector("#settings")')).toBeNull();
      await keys.press('Enter');
      // Through the toolbar and the settings to "Who is quoted", open it, then choose a speaker.
      await popup.waitFor('document.querySelector(".speakers-toggle")');
      for (let i = 0; i < 40 && !(await popup.evaluate('document.activeElement?.classList.contains("speakers-toggle")')); i++) await keys.press('Tab');
      await keys.press('Enter');
      expect(await popup.evaluate('document.activeElement.getAttribute("aria-expanded")')).toBe('true');
      for (let i = 0; i < 10 && !(await popup.evaluate('document.activeElement?.classList.contains("speaker")')); i++) await keys.press('Tab');
      expect(await popup.evaluate('$name(document.activeElement)')).toMatch(/Dmitry Peskov|Pat Ryder/);
      await keys.press(' ');
      expect(await popup.evaluate('document.activeElement.getAttribute("aria-pressed")')).toBe('true');
      expect(await popup.evaluate('document.querySelectorAll("mark.quote.chosen").length')).toBeGreaterThan(0);
      // Read on: the page scrolls under the keyboard.
      await popup.evaluate('window.scrollTo(0, 0)');
      await keys.press('PageDown');
      await popup.waitFor('window.scrollY > 100');
      await keys.press('Tab', true);
      expect(await popup.evaluate('document.activeElement !== document.body')).toBe(true);
    } finally {
      keys.close();
      await popup.close();
    }
  });

  it('still works at 200% zoom: no sideways scrolling, every control on screen', async () => {
    const popup = await open();
    const cdp = await cdpOf(session);
    try {
      // Chromium caps popups at 800 × 600 device pixels: at 200% that is 400 × 300 CSS pixels.
      await cdp.send('Emulation.setDeviceMetricsOverride', { width: 400, height: 300, deviceScaleFactor: 2, mobile: false });
      await new Promise((ok) => setTimeout(ok, 200));
      const layout = await popup.evaluate<{ overflow: number; offscreen: string[] }>(`(() => ({
        overflow: document.documentElement.scrollWidth - innerWidth,
        offscreen: [...document.querySelectorAll('button')].filter((b) => b.getBoundingClientRect().right > innerWidth).map($name),
      }))()`);
      expect(layout).toEqual({ overflow: expect.any(Number), offscreen: [] });
      expect(layout.overflow).toBeLessThanOrEqual(0);
    } finally {
      await cdp.send('Emulation.clearDeviceMetricsOverride', {});
      cdp.close();
      await popup.close();
    }
  });

  it('passes axe (WCAG 2 A/AA) in every theme, with every panel open', async () => {
    const popup = await open();
    await popup.evaluate(AXE);
    await popup.evaluate('$click("button", "lines folded")');
    await popup.evaluate('$click("button", "Unfold")');
    await popup.waitFor('$find("button", "Who is quoted")');
    await popup.evaluate('$click("button", "Who is quoted")');
    await popup.evaluate('$click("button", "Dmitry Peskov")');
    await popup.evaluate('$click("button", "Reading settings")');
    await popup.waitFor('document.getElementById("settings")');
    await popup.evaluate('document.querySelector("#settings details").open = true');
    for (const theme of ['Light', 'Dark', 'Sepia', 'High contrast', 'System']) {
      await popup.evaluate(`$click('radio', '${theme}')`);
      const result = await popup.evaluate<{ passes: number; violations: string[] }>(`axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa'] })
        .then((r) => ({ passes: r.passes.length, violations: r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')) }))`);
      expect(result.violations, theme).toEqual([]);
      expect(result.passes).toBeGreaterThan(10);
    }
    await new Promise((ok) => setTimeout(ok, 400)); // "System" saved again for the next tests
    await popup.close();
  });

  it('copies the article as Markdown and opens the highlights library', async () => {
    const popup = await open();
    await popup.evaluate('$click("button", "Copy as Markdown")');
    await popup.waitFor('document.querySelector("[role=status].shown")');
    // Headless Chromium may refuse the clipboard; either way the reader is told.
    expect(await popup.evaluate('document.querySelector("[role=status]").textContent')).toMatch(/^(Copied as Markdown\.|Could not copy to the clipboard\.)$/);
    const opened = session.context.waitForEvent('page');
    // The popup closes itself, possibly before it answers this call.
    await popup.evaluate('void $find("button", "highlights library").click()').catch(() => undefined);
    const library = await opened;
    expect(library.url()).toBe(`chrome-extension://${session.extensionId}/library.html`);
    await library.close();
  });

  it('says why a page has no article, and "Try anyway" reads it anyway', async () => {
    const popup = await open('/login.html');
    expect(await popup.evaluate('document.querySelector("[role=alert]").textContent')).toContain('does not look like an article');
    await popup.evaluate('$click("button", "Try anyway")');
    await popup.waitFor('document.querySelector("article h1") || document.querySelector("[role=alert]")?.textContent.includes("Even read as a whole")');
    // Either way, no second "Try anyway" and never an empty popup.
    expect(await popup.evaluate('$find("button", "Try anyway")')).toBeNull();
    expect(await popup.evaluate<number>('document.body.innerText.trim().length')).toBeGreaterThan(20);
    await popup.close();
  });
});
