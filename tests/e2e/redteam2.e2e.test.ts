/**
 * Second red-team pass (issue 12), Chromium on the e2e build: what a hostile page tries
 * against the clean view after the R1–R9 fixes, and held (kept as regression checks).
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { servePages, type Session } from './harness';
import { buildForE2E, grantActiveTab, launchE2E, openedView, pressCommand } from './cleanview-helpers';

const SAMPLE = readFileSync('tests/fixtures/sample-fr.html', 'utf8');
/** DOM clobbering with frames, embeds and objects: named browsing contexts are window properties too. */
const CLOBBERED = SAMPLE.replace(
  '<body>',
  '<body><iframe name="__lucidCleanView" src="about:blank"></iframe><iframe name="__lucidExtract"></iframe><embed name="__lucidAutoOpen"><object name="__lucidCleanView"></object><div id="__lucidExtract"></div>',
);

/** Document clobbering: a document's named forms and images shadow its own methods and fields. */
const DOC_CLOBBERED = SAMPLE.replace('<body>', '<body><img name="createElement" alt=""><form name="querySelector"></form><img name="title" alt=""><img name="body" alt=""><img name="documentElement" alt=""><form name="getElementsByTagName"></form>');

describe('second red-team pass (Chromium, e2e build)', () => {
  let session: Session;
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    buildForE2E();
    ({ origin, server } = await servePages({ '/sample.html': SAMPLE, '/clobbered.html': CLOBBERED, '/doc-clobbered.html': DOC_CLOBBERED }));
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

  it('opens on a page whose frames, embeds and ids are named like our globals', async () => {
    const page = await openView('/clobbered.html');
    const frame = await openedView(page);
    expect(await frame.textContent('.article h1')).toContain('Austin');
    await page.close();
  });

  it('opens on a page whose forms and images are named like document methods and fields', async () => {
    const page = await openView('/doc-clobbered.html');
    const frame = await openedView(page);
    expect(await frame.textContent('.article h1')).toContain('Austin');
    await page.close();
  });
});
