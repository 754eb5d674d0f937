/**
 * The clean view in a real headless Firefox ESR (a small check of its own, not the Firefox suite):
 * Firefox gives an extension frame inside a web page only content-script APIs (no `tabs`), so
 * the frame reaches its page through the background (platform/cleanview-bridge.ts). Opens the
 * view over a served article, reads the article in the frame, closes it with "Show original".
 * The view is opened by the background's command handler (e2e build), with the site's host
 * permission given from the browser window as a reader's "Allow" would; then the site is
 * opted in from the options page and the view opens by itself (the auto-open path, same frame).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servePages } from '../harness';
import { FIREFOX, launchFirefox, type Firefox } from './bidi';

const GECKO_ID = 'lucid-reader@lucid.example';
const UUID = '6f1d2f4e-8a59-4c43-9a3e-1c0b7d2a9e51';
const DIR = resolve('.output/firefox-mv3-e2e');

interface Context {
  context: string;
  url: string;
  children?: Context[];
}

describe.runIf(existsSync(FIREFOX))('clean view (Firefox ESR, e2e build)', () => {
  let firefox: Firefox;
  let server: Server;
  let origin: string;
  let page: string;
  let options: string;

  beforeAll(async () => {
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3', '--mode', 'e2e'], { stdio: 'ignore' });
    ({ origin, server } = await servePages({ '/sample.html': readFileSync('tests/fixtures/sample-fr.html') }));
    firefox = await launchFirefox({ [GECKO_ID]: UUID });
    await firefox.call('webExtension.install', { extensionData: { type: 'path', path: DIR } });
  }, 180_000);
  afterAll(async () => {
    await firefox?.close();
    server?.close();
  });

  const tree = async () => (await firefox.call<{ contexts: Context[] }>('browsingContext.getTree', {})).contexts;
  const frameOf = async (page: string) => {
    const top = (await tree()).find((c) => c.context === page);
    return top?.children?.find((c) => c.url.includes('/cleanview.html'));
  };
  async function until<T>(probe: () => Promise<T | undefined | null | false>, what: string): Promise<T> {
    const end = Date.now() + 15_000;
    for (;;) {
      const value = await probe().catch(() => undefined);
      if (value) return value;
      if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
      await new Promise((ok) => setTimeout(ok, 100));
    }
  }

  it('opens over the page, shows the article in the frame, and closes', async () => {
    const [first] = await tree();
    page = first!.context;
    await firefox.call('browsingContext.navigate', { context: page, url: `${origin}/sample.html`, wait: 'complete' });

    // The site's permission (the pattern it asks for in Firefox: originsOf), as "Allow" in the options page would give it.
    const [chrome] = (await firefox.call<{ contexts: Context[] }>('browsingContext.getTree', { 'moz:scope': 'chrome' })).contexts;
    await firefox.evaluate(
      chrome!.context,
      `(async () => {
        const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
        const policy = WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)});
        await ExtensionPermissions.add(policy.id, { permissions: [], origins: ['*://127.0.0.1/*'] }, policy.extension);
        return true;
      })()`,
    );

    // The command handler of the e2e build, run in the background as a key press would run it.
    ({ context: options } = await firefox.call<{ context: string }>('browsingContext.create', { type: 'tab', background: true }));
    await firefox.call('browsingContext.navigate', { context: options, url: `moz-extension://${UUID}/options.html`, wait: 'complete' });
    await firefox.evaluate(
      options,
      `(async () => {
        const background = await browser.runtime.getBackgroundPage();
        const tab = (await browser.tabs.query({})).find((t) => t.url === ${JSON.stringify(`${origin}/sample.html`)});
        await background.__lucidTestCommand('toggle-clean-view', tab);
        return tab.id;
      })()`,
    );

    const frame = await until(() => frameOf(page), 'the clean view frame');
    expect(frame.url).toMatch(new RegExp(`^moz-extension://${UUID}/cleanview\\.html#[0-9a-f-]{36}$`));
    const title = await until(() => firefox.evaluate<string | null>(frame.context, `document.querySelector('.article h1')?.textContent ?? null`), 'the article');
    expect(title).toContain('Austin');
    // No "page gone" notice: the line to the page is up.
    expect(await firefox.evaluate(frame.context, `document.querySelector('.problem')?.textContent ?? null`)).toBeNull();

    await firefox.evaluate(frame.context, `(document.querySelector('.show-original').click(), true)`);
    await until(async () => !(await frameOf(page)), 'the clean view to close');
  }, 120_000);

  it('opens by itself on an opted-in site', async () => {
    const site = new URL(origin).host;
    const added = await firefox.evaluate(options, `browser.runtime.sendMessage({ type: 'auto-open:add', site: ${JSON.stringify(site)} })`);
    expect(added).toEqual({ ok: true });
    await firefox.call('browsingContext.navigate', { context: page, url: `${origin}/sample.html?again`, wait: 'complete' });
    const frame = await until(() => frameOf(page), 'the clean view frame');
    const note = await until(() => firefox.evaluate<string | null>(frame.context, `document.querySelector('.auto-note')?.textContent ?? null`), 'the auto-open note');
    expect(note).toBe(`Opened by itself on ${site}`);
    expect(await firefox.evaluate(frame.context, `document.querySelector('.article h1')?.textContent ?? null`)).toContain('Austin');
  }, 60_000);
});
