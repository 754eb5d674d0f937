/**
 * The clean view against the page it is drawn over (red-team findings R3 and R6), in Chromium
 * on the e2e build: the page cannot hide the view or let clicks through it to a decoy, cannot
 * detect the extension by fetching its page, cannot frame a working copy of it while it is
 * open, and cannot block it by naming elements like our isolated-world globals.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { servePages, type Session } from './harness';
import { buildForE2E, cleanViewFrame, grantActiveTab, launchE2E, openedView, pressCommand, waitFor } from './cleanview-helpers';

const SAMPLE = readFileSync('tests/fixtures/sample-fr.html', 'utf8');
/** DOM clobbering: elements named like the globals our scripts leave in the isolated world. */
const CLOBBERED = SAMPLE.replace(
  '<body>',
  '<body><img name="__lucidCleanView" alt=""><img name="__lucidExtract" alt=""><form name="__lucidAutoOpen"></form>',
);
/** Second red-team pass: named frames, embeds and objects are window properties too, and ids. */
const CLOBBERED_FRAMES = SAMPLE.replace(
  '<body>',
  '<body><iframe name="__lucidCleanView" src="about:blank"></iframe><iframe name="__lucidExtract"></iframe><embed name="__lucidAutoOpen"><object name="__lucidCleanView"></object><div id="__lucidExtract"></div>',
);
/** Second red-team pass: a document's named forms and images shadow its own methods and fields. */
const DOC_CLOBBERED = SAMPLE.replace(
  '<body>',
  '<body><img name="createElement" alt=""><form name="querySelector"></form><img name="title" alt=""><img name="body" alt=""><img name="documentElement" alt=""><form name="getElementsByTagName"></form>',
);

describe('clean view against its page (Chromium, e2e build)', () => {
  let session: Session;
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    buildForE2E();
    ({ origin, server } = await servePages({ '/sample.html': SAMPLE, '/clobbered.html': CLOBBERED, '/clobbered-frames.html': CLOBBERED_FRAMES, '/doc-clobbered.html': DOC_CLOBBERED }));
    session = await launchE2E();
  });
  afterAll(async () => {
    await session?.close();
    server?.close();
  });

  async function openView(path: string): Promise<Page> {
    const page = await session.context.newPage();
    await page.goto(origin + path);
    await grantActiveTab(session, page);
    await pressCommand(session, page);
    return page;
  }

  it('R6: opens on a page whose elements are named like our globals', async () => {
    const page = await openView('/clobbered.html');
    expect(CLOBBERED).not.toBe(SAMPLE);
    const frame = await openedView(page);
    expect(await frame.textContent('.article h1')).toContain('Austin');
    await page.close();
  });

  it.each(['/clobbered-frames.html', '/doc-clobbered.html'])('opens on %s (frames, embeds, ids, or document methods named by the page)', async (path) => {
    const page = await openView(path);
    const frame = await openedView(page);
    expect(await frame.textContent('.article h1')).toContain('Austin');
    await page.close();
  });

  it('R3: a page script cannot make the view transparent, inert or hidden, or click through it', async () => {
    const page = await openView('/sample.html');
    await openedView(page);
    await page.evaluate(() => {
      // A decoy under the view, and every way a script can reach the host element.
      const decoy = document.createElement('button');
      decoy.id = 'decoy';
      decoy.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;z-index:2147483646';
      document.body.append(decoy);
      const host = document.documentElement.lastElementChild as HTMLElement;
      host.style.setProperty('opacity', '0', 'important');
      host.style.setProperty('pointer-events', 'none', 'important');
      host.setAttribute('inert', '');
      host.setAttribute('class', 'hidden');
      host.hidePopover?.();
    });
    await new Promise((ok) => setTimeout(ok, 100));
    const seen = await page.evaluate(() => {
      const host = document.documentElement.lastElementChild as HTMLElement;
      const style = getComputedStyle(host);
      return {
        opacity: style.opacity,
        pointerEvents: style.pointerEvents,
        attributes: [...host.attributes].map((a) => a.name).sort(),
        open: host.matches(':popover-open'),
        atCentre: document.elementFromPoint(innerWidth / 2, innerHeight / 2) === host,
      };
    });
    expect(seen).toEqual({ opacity: '1', pointerEvents: 'auto', attributes: ['popover', 'style'], open: true, atCentre: true });
    await page.close();
  });

  it('R3: a page can neither fetch the clean view page nor frame a working copy of it', async () => {
    const page = await openView('/sample.html');
    await openedView(page);
    const url = `chrome-extension://${session.extensionId}/cleanview.html`;
    const fetched = await page.evaluate((u) => fetch(u).then((r) => `status ${r.status}`, () => 'refused'), url);
    expect(fetched).toBe('refused');
    await page.evaluate((u) => {
      const copy = document.createElement('iframe');
      copy.src = `${u}#forged`;
      document.body.append(copy);
    }, url);
    await new Promise((ok) => setTimeout(ok, 2000));
    // The copy is refused at load (use_dynamic_url); only the real view shows the article.
    const frames = page.frames().filter((f) => f !== page.mainFrame());
    const articles = await Promise.all(frames.map((f) => f.$('.article h1').then((h) => (h ? f.url() : null), () => null)));
    expect(articles.filter(Boolean)).toHaveLength(1);
    expect(articles.find(Boolean)).not.toContain('#forged');
    expect(await waitFor(() => cleanViewFrame(page), 'the real view')).toBeTruthy();
    await page.close();
  });
});
