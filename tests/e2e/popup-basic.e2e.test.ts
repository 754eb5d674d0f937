import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickAction, launch, servePages, type Session } from './harness';

// These tests read English strings: Chromium's interface language comes from the environment.
process.env.LANGUAGE = 'en';

const SAMPLE = readFileSync('tests/fixtures/sample-fr.html');
const LOGIN = readFileSync('tests/fixtures/login.html');

describe('toolbar click → popup (Chromium, built extension)', () => {
  let session: Session;
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    ({ origin, server } = await servePages({ '/sample.html': SAMPLE, '/login.html': LOGIN, '/doc.pdf': Buffer.from('%PDF-1.4\n%%EOF\n') }));
    session = await launch();
  });
  afterAll(async () => {
    await session?.close();
    server?.close();
  });

  it('shows the article of the sample page', async () => {
    const page = await session.context.newPage();
    await page.goto(`${origin}/sample.html`);
    const popup = await clickAction(session, page);
    await popup.waitFor('document.querySelector("article h1")');
    expect(await popup.evaluate<string>('document.querySelector("article h1").textContent')).toBe(
      "Le secrétaire américain à la défense, M. Austin, s'engage dans une conversation téléphonique avec Moscou.",
    );
    const text = await popup.evaluate<string>('document.querySelector("article").innerText');
    expect(text).toContain('Dmitry Peskov');
    expect(text).not.toContain('Aller au contenu');
    // The page itself was not modified by the extraction.
    expect(await page.evaluate(() => document.querySelectorAll('[data-lucid-hint]').length)).toBe(0);
    await popup.close();
    await page.close();
  });

  it('explains a page with no article and offers "Try anyway"', async () => {
    const page = await session.context.newPage();
    await page.goto(`${origin}/login.html`);
    const popup = await clickAction(session, page);
    await popup.waitFor('document.querySelector("[role=alert]")');
    expect(await popup.evaluate<string>('document.querySelector("[role=alert]").textContent')).toMatch(/does not look like an article/);
    const buttons = await popup.evaluate<string[]>('[...document.querySelectorAll("button")].map(b => b.textContent)');
    expect(buttons).toContain('Try anyway');
    await popup.close();
    await page.close();
  });

  it('explains browser pages it may not read', async () => {
    const page = await session.context.newPage();
    await page.goto('chrome://version');
    const popup = await clickAction(session, page);
    await popup.waitFor('document.querySelector("[role=alert]")');
    expect(await popup.evaluate<string>('document.querySelector("[role=alert]").textContent')).toMatch(/browser page/);
    await popup.close();
    await page.close();
  });

  it('explains that PDF documents are not web pages', async () => {
    const page = await session.context.newPage();
    await page.goto(`${origin}/doc.pdf`).catch(() => undefined); // the PDF viewer may not load headless
    const popup = await clickAction(session, page);
    await popup.waitFor('document.querySelector("[role=alert]")');
    expect(await popup.evaluate<string>('document.querySelector("[role=alert]").textContent')).toMatch(/PDF document/);
    await popup.close();
    await page.close();
  });
});
