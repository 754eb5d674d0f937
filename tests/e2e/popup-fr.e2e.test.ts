/** The popup speaks the browser's language: French strings in a French Chromium. */
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, clickAction, launch, servePages, type Session } from './harness';

// Chromium speaks French only with its French resources (Debian: apt-get install chromium-l10n).
const FRENCH = existsSync(join(dirname(CHROMIUM), 'locales', 'fr.pak'));
if (!FRENCH) console.log('popup-fr: skipped, Chromium has no French resources (apt-get install chromium-l10n).');

describe.skipIf(!FRENCH)('the popup in French', () => {
  let session: Session;
  let server: Server;
  let origin: string;
  const saved = process.env.LANGUAGE;

  beforeAll(async () => {
    ({ origin, server } = await servePages({ '/sample.html': readFileSync('tests/fixtures/sample-fr.html'), '/login.html': readFileSync('tests/fixtures/login.html') }));
    // Chromium on Linux takes its interface language from the environment.
    process.env.LANGUAGE = 'fr';
    session = await launch();
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.LANGUAGE;
    else process.env.LANGUAGE = saved;
    await session?.close();
    server?.close();
  });

  it('labels the controls and explains problems in French', async () => {
    const page = await session.context.newPage();
    await page.goto(`${origin}/sample.html`);
    let popup = await clickAction(session, page);
    await popup.waitFor('document.querySelector("article h1")');
    expect(await popup.evaluate('document.querySelector("[data-testid=folded-summary]").textContent')).toMatch(/^\d+ lignes? repliées?$/);
    // Who said what arrives a moment after the text.
    await popup.waitFor('document.querySelector(".speakers-toggle")');
    expect(await popup.evaluate('document.querySelector(".speakers-toggle")?.textContent')).toMatch(/^Qui est cité · \d+$/);
    expect(await popup.evaluate('[...document.querySelectorAll(".bar button")].map((b) => b.getAttribute("aria-label"))')).toContain('Réglages de lecture');
    expect(await popup.evaluate('document.querySelector(".facts").textContent')).toMatch(/min de lecture$/);
    await popup.close();

    await page.goto(`${origin}/login.html`);
    popup = await clickAction(session, page);
    await popup.waitFor('document.querySelector("[role=alert]")');
    expect(await popup.evaluate('document.querySelector("[role=alert]").textContent')).toContain('Essayer quand même');
    await popup.close();
    await page.close();
  });
});
