/**
 * The side panel in Firefox ESR: the add-on's `sidebar_action`, opened as the View › Sidebar menu
 * opens it, shows the article of the tab once the toolbar button is clicked there (the click
 * gives the activeTab grant; the popup announces it and the waiting sidebar reads the tab).
 * The Chromium twin: tests/e2e/sidepanel.e2e.test.ts. Writes docs/screenshots/firefox-sidebar.png.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servePages } from '../harness';
import { clickActionFirefox, launchFirefox, openSidebar, until, type FirefoxSession } from './harness';

const TITLE = "Le secrétaire américain à la défense, M. Austin, s'engage dans une conversation téléphonique avec Moscou.";

describe('side panel (Firefox sidebar_action)', () => {
  let session: FirefoxSession;
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    ({ origin, server } = await servePages({ '/sample.html': readFileSync('tests/fixtures/sample-fr.html') }));
    session = await launchFirefox();
  });
  afterAll(async () => {
    await session?.close();
    server?.close();
  });

  it('shows the article of the tab after the toolbar button is clicked there', async () => {
    const tab = await session.openTab(`${origin}/sample.html`);
    const sidebar = await openSidebar(session);
    const popup = await clickActionFirefox(session, tab);
    await popup.waitFor('document.querySelector("article h1")');
    await popup.close();
    const title = await until(() => sidebar.evaluate<string | null>(`document.querySelector('.article h1')?.textContent ?? null`), 'the article in the sidebar');
    expect(title).toBe(TITLE);
    // The shared reader: folds and who-said-what, as in the popup.
    await until(() => sidebar.evaluate<boolean>(`/\\d/.test(document.querySelector('.speakers-toggle')?.textContent ?? '')`), 'the speakers count');
    expect(await sidebar.evaluate<string>(`document.querySelector('[data-testid=folded-summary]').textContent`)).toMatch(/^\d+ lines? folded$/);
    await sidebar.screenshot('docs/screenshots/firefox-sidebar.png');
    await session.closeTab(tab);
  });
});
