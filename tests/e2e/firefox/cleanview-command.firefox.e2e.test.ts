/**
 * The clean view in Firefox ESR opened by its keyboard command, on a site served with a port
 * (Firefox match patterns take no port: the permission asked for is the host's, see originsOf).
 * The e2e build exposes the background's command handler, so the test runs it as a key press
 * would. The frame's URL carries the per-open nonce; the view reaches its page through the
 * background (Firefox gives an extension frame in a web page only content-script APIs) and shows
 * no "page gone" notice; "Show original" closes it. Then the site is opted in and the view opens
 * by itself there. The toolbar-action twin: cleanview.firefox.e2e.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servePages } from '../harness';
import { EXTENSION_ORIGIN, EXTENSION_UUID, framesOf, grantOrigins, launchFirefox, until, type FirefoxSession } from './harness';

const E2E_BUILD = resolve('.output/firefox-mv3-e2e');

describe('clean view by its keyboard command, on a site with a port (Firefox, e2e build)', () => {
  let session: FirefoxSession;
  let server: Server;
  let origin: string;
  let tab: string;
  let options: string;

  beforeAll(async () => {
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3', '--mode', 'e2e'], { stdio: 'ignore' });
    ({ origin, server } = await servePages({ '/sample.html': readFileSync('tests/fixtures/sample-fr.html') }));
    session = await launchFirefox({ extensionDir: E2E_BUILD });
  }, 180_000);
  afterAll(async () => {
    await session?.close();
    server?.close();
  });

  const viewFrame = async () => (await framesOf(session, tab)).find((f) => f.url.includes('/cleanview.html'));

  it('opens over the page with a nonce in its URL, shows the article, and closes', async () => {
    tab = await session.openTab(`${origin}/sample.html`);
    // The site's permission (the pattern Firefox is asked for), as "Allow" in the options page would give it.
    await grantOrigins(session, ['*://127.0.0.1/*']);
    options = await session.openTab(`${EXTENSION_ORIGIN}/options.html`);
    await session.evaluate(
      options,
      `(async () => {
        const background = await browser.runtime.getBackgroundPage();
        const tab = (await browser.tabs.query({})).find((t) => t.url === ${JSON.stringify(`${origin}/sample.html`)});
        await background.__lucidTestCommand('toggle-clean-view', tab);
        return true;
      })()`,
    );
    const frame = await until(viewFrame, 'the clean view frame');
    expect(frame.url).toMatch(new RegExp(`^moz-extension://${EXTENSION_UUID}/cleanview\\.html#[0-9a-f-]{36}$`));
    const title = await until(() => session.evaluate<string | null>(frame.context, `document.querySelector('.article h1')?.textContent ?? null`), 'the article');
    expect(title).toContain('Austin');
    // No "page gone" notice: the line to the page is up.
    expect(await session.evaluate(frame.context, `document.querySelector('.problem')?.textContent ?? null`)).toBeNull();

    await session.evaluate(frame.context, `(document.querySelector('.show-original').click(), true)`);
    await until(async () => !(await viewFrame()), 'the clean view to close');
  });

  it('opens by itself on an opted-in site with a port', async () => {
    const site = new URL(origin).host;
    const added = await session.evaluate(options, `browser.runtime.sendMessage({ type: 'auto-open:add', site: ${JSON.stringify(site)} })`);
    expect(added).toEqual({ ok: true });
    await session.navigate(tab, `${origin}/sample.html?again`);
    const frame = await until(viewFrame, 'the clean view frame');
    const note = await until(() => session.evaluate<string | null>(frame.context, `document.querySelector('.auto-note')?.textContent ?? null`), 'the auto-open note');
    expect(note).toBe(`Opened by itself on ${site}`);
    expect(await session.evaluate(frame.context, `document.querySelector('.article h1')?.textContent ?? null`)).toContain('Austin');
  });
});
