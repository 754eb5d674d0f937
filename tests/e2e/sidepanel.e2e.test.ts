/**
 * The side panel in Chromium, opened the way a reader does: the toolbar button (the activeTab
 * grant), then the popup's "Open in the side panel". It shows the tab's article through the
 * shared reader, follows the tab as it loads another page of the same site (a page of another
 * site, or a tab the extension was never clicked on, needs a click: it says so, then reads the
 * tab after that click).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTarget, type Target } from '../hardening/e2e-helpers';
import { clickAction, launch, servePages, type Session } from './harness';

process.env.LANGUAGE = 'en';
const SAMPLE = readFileSync('tests/fixtures/sample-fr.html', 'utf8');
const TITLE = "Le secrétaire américain à la défense, M. Austin, s'engage dans une conversation téléphonique avec Moscou.";
// The same page under another headline: a second article of the same site.
const OTHER_TITLE = 'Le port du nord sera reconstruit avant l’hiver.';
const OTHER = SAMPLE.replaceAll(TITLE, OTHER_TITLE);

/** Clicks the toolbar button on `page`, then the popup's side panel button (a click: a user gesture). */
export async function openSidePanel(session: Session, page: Page): Promise<{ target: Target; targetId: string }> {
  const popup = await clickAction(session, page);
  await popup.waitFor('document.querySelector("[aria-label=\\"Open in the side panel\\"]")');
  const { targetInfos } = await session.cdp.send('Target.getTargets');
  const popupId = targetInfos.find((t) => t.url.includes(`${session.extensionId}/popup.html`))!.targetId;
  const socket = await connectTarget(session.endpoint, popupId);
  await socket.send('Runtime.evaluate', {
    expression: 'document.querySelector(\'[aria-label="Open in the side panel"]\').click()',
    userGesture: true,
  }).catch(() => undefined); // the popup closes itself once the panel is open
  socket.close();
  let panel: string | undefined;
  for (let i = 0; i < 100 && !panel; i++) {
    const { targetInfos: now } = await session.cdp.send('Target.getTargets');
    panel = now.find((t) => t.type === 'page' && t.url === `chrome-extension://${session.extensionId}/sidepanel.html`)?.targetId;
    if (!panel) await new Promise((ok) => setTimeout(ok, 50));
  }
  if (!panel) throw new Error('The side panel did not open.');
  return { target: await connectTarget(session.endpoint, panel), targetId: panel };
}

const H1 = 'document.querySelector("article h1")?.textContent';
const AXE_SOURCE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

describe('side panel (Chromium)', () => {
  let session: Session;
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    ({ origin, server } = await servePages({ '/sample.html': SAMPLE, '/other.html': OTHER, '/third.html': OTHER }));
    session = await launch();
  });
  afterAll(async () => {
    await session?.close();
    server?.close();
  });

  /** The sample page in a new tab, and the side panel opened on it showing its article. */
  async function panelOnSample(): Promise<{ page: Page; target: Target }> {
    const page = await session.context.newPage();
    await page.goto(`${origin}/sample.html`);
    const { target } = await openSidePanel(session, page);
    expect(await target.waitFor(`${H1} === ${JSON.stringify(TITLE)}`)).toBe(true);
    return { page, target };
  }

  it('declares the panel and only the sidePanel permission for it', () => {
    const manifest = JSON.parse(readFileSync('.output/chrome-mv3/manifest.json', 'utf8')) as { side_panel?: { default_path: string }; permissions: string[] };
    expect(manifest.side_panel).toEqual({ default_path: 'sidepanel.html' });
    expect(manifest.permissions).toContain('sidePanel');
  });

  it('opens from the popup beside the tab and shows its article, then follows the tab to another page of the site', async () => {
    const { page, target } = await panelOnSample();
    try {
      // The shared reader: folds and who-said-what, as in the popup.
      expect(await target.waitFor('/\\d/.test(document.querySelector(".speakers-toggle")?.textContent ?? "")')).toBe(true);
      expect(await target.evaluate<string>('document.querySelector(".article-body").textContent')).toContain('Peskov');
      await target.evaluate(AXE_SOURCE);
      const violations = await target.evaluate<string[]>(
        "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] }, resultTypes: ['violations'] }).then((r) => r.violations.map((v) => v.id))",
      );
      expect(violations).toEqual([]);
      await target.send('Emulation.setDeviceMetricsOverride', { width: 380, height: 760, deviceScaleFactor: 1, mobile: false });
      const { data } = await target.send<{ data: string }>('Page.captureScreenshot', { format: 'png' });
      mkdirSync('docs/screenshots', { recursive: true });
      writeFileSync('docs/screenshots/sidepanel.png', Buffer.from(data, 'base64'));
      await target.send('Emulation.clearDeviceMetricsOverride');

      // The tab loads another page of the same site: the panel reads it by itself.
      await page.goto(`${origin}/other.html`);
      expect(await target.waitFor(`${H1} === ${JSON.stringify(OTHER_TITLE)}`)).toBe(true);
      // A page of another site (localhost is another origin than 127.0.0.1): the grant is gone, a click is needed.
      await page.goto(`${origin.replace('127.0.0.1', 'localhost')}/sample.html`);
      expect(await target.waitFor('document.querySelector(".needs-click")?.textContent.includes("click the Lucid Reader button")')).toBe(true);
    } finally {
      target.close();
    }
  });

  it('on a tab it was never clicked on, says which click is needed, and reads the tab after it', async () => {
    const { target } = await panelOnSample();
    try {
      // Another tab, never clicked on: the panel follows it, and cannot read it yet.
      const second = await session.context.newPage();
      await second.goto(`${origin}/third.html`);
      await second.bringToFront();
      // (The panel may read the tab twice as it loads: the message is checked once it holds.)
      expect(await target.waitFor('document.querySelector(".needs-click")?.textContent.includes("click the Lucid Reader button")')).toBe(true);
      // The click on the toolbar button gives access (the popup opening says so): the panel reads the tab.
      const popup = await clickAction(session, second);
      await popup.waitFor('document.querySelector("article h1")');
      await popup.close();
      expect(await target.waitFor(`${H1} === ${JSON.stringify(OTHER_TITLE)}`)).toBe(true);
    } finally {
      target.close();
    }
  });
});
