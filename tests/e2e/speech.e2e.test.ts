/**
 * Read aloud in Chromium, with a recording stand-in for speechSynthesis injected before the
 * pages load (tests/e2e/speech-stub.ts; CI has no voices, and real ones would make the run
 * depend on the machine): in the clean view (an extension frame in the article's page,
 * reached through Playwright's init scripts), reading starts at the first paragraph on screen,
 * marks the sentence and the word, reads the sure quotes in their speaker's voice, pauses and
 * resumes by keyboard, steps, changes speed and voice (stored through the background), stops
 * when the view goes; axe finds nothing on the controls. In the popup, a system without a
 * voice for the article's language gets a note instead of the button.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTarget } from '../hardening/e2e-helpers';
import { openedView, waitFor } from './cleanview-helpers';
import { clickAction, launch, servePages, type Session } from './harness';
import { ENGLISH_ONLY, FRENCH_VOICES, speechStub, type Spoken } from './speech-stub';

process.env.LANGUAGE = 'en';
const SAMPLE = readFileSync('tests/fixtures/sample-fr.html', 'utf8');
const AXE_SOURCE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const NARRATOR = 'stub-fr-a';

declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, { speech?: { rate: number; voices: Record<string, string> } }>>; set(items: object): Promise<void> } } };
interface StubApi {
  __speech: { log: Spoken[]; cancels: number; speaking: string | null; end(): void };
}
const stub = (frame: Frame) => ({
  log: () => frame.evaluate(() => (window as unknown as StubApi).__speech.log),
  speaking: () => frame.evaluate(() => (window as unknown as StubApi).__speech.speaking),
  cancels: () => frame.evaluate(() => (window as unknown as StubApi).__speech.cancels),
  end: () => frame.evaluate(() => (window as unknown as StubApi).__speech.end()),
});

describe('read aloud (Chromium, recording speech stub)', () => {
  let session: Session;
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    ({ origin, server } = await servePages({ '/sample.html': SAMPLE }));
    session = await launch();
    await session.context.addInitScript(speechStub(FRENCH_VOICES));
  });
  afterAll(async () => {
    await session?.close();
    server?.close();
  });

  /** The sample article in the clean view (toolbar button, then the popup's clean view button). */
  async function cleanView(): Promise<{ page: Page; frame: Frame }> {
    const page = await session.context.newPage();
    await page.goto(`${origin}/sample.html`);
    const popup = await clickAction(session, page);
    await popup.waitFor('document.querySelector("[aria-label=\\"Open in clean view\\"]:not([disabled])")');
    await popup.evaluate('document.querySelector("[aria-label=\\"Open in clean view\\"]").click()').catch(() => undefined);
    return { page, frame: await openedView(page) };
  }

  it('reads from the first paragraph on screen, marks sentence and word, quotes in another voice; keys, speed, voice, stop', async () => {
    const { page, frame } = await cleanView();
    // A short window, so that the article scrolls well past its first paragraphs.
    await page.setViewportSize({ width: 1100, height: 560 });
    const speech = stub(frame);
    // Who said what has arrived (the count on the "Who is quoted" line), so quotes can get their voice.
    await frame.waitForFunction(() => /\d/.test(document.querySelector('.speakers-toggle')?.textContent ?? ''));
    await frame.click('[aria-label="Read aloud"]');
    const play = await frame.waitForSelector('.read-aloud .play');
    expect(await play.evaluate((b) => b === document.activeElement)).toBe(true);

    // Pictures load first (they would move the text after the scroll), then scroll so that the
    // article's second paragraph is the first on screen.
    await frame.evaluate(() =>
      Promise.all([...document.images].map((img) => {
        img.loading = 'eager';
        return img.decode().catch(() => undefined);
      })),
    );
    // (Scrolled again until it stays: the layout may still move as the page settles.)
    let target = { id: '', text: '' };
    for (let i = 0; i < 5; i++) {
      const at = await frame.evaluate(() => {
        const blocks = [...document.querySelectorAll<HTMLElement>('.article-body .block')].filter((b) => b.querySelector('p'));
        const block = blocks[1]!;
        const bars = Math.max(...[...document.querySelectorAll('.bar, .read-aloud')].map((el) => el.getBoundingClientRect().bottom));
        const off = block.getBoundingClientRect().top - bars - 2;
        scrollBy(0, off);
        return { id: block.dataset.blockId!, text: block.textContent!.trim(), off };
      });
      target = at;
      if (Math.abs(at.off) < 2) break;
      await new Promise((ok) => setTimeout(ok, 300));
    }
    expect(await frame.evaluate((id) => document.querySelector(`[data-block-id="${id}"]`)!.getBoundingClientRect().top > 90, target.id)).toBe(true);
    await frame.press('.read-aloud .play', 'Enter');
    await waitFor(async () => (await speech.log()).length > 0, 'the first utterance');
    const first = (await speech.log())[0]!;
    expect(target.text.startsWith(first.text.slice(0, 20))).toBe(true);
    expect(first).toMatchObject({ voice: NARRATOR, rate: 1, lang: 'fr' });
    expect(first.text.length).toBeLessThanOrEqual(180);
    // The sentence and the first word are marked, in the spoken block.
    await waitFor(() => frame.evaluate(() => CSS.highlights.has('lucid-speech-word')), 'the word mark');
    const marks = await frame.evaluate(() => ({
      sentence: [...CSS.highlights.get('lucid-speech-sentence')!][0]!.toString(),
      word: [...CSS.highlights.get('lucid-speech-word')!][0]!.toString(),
      block: document.querySelector<HTMLElement>('.block.speaking')?.dataset.blockId,
    }));
    expect(marks.block).toBe(target.id);
    expect(first.text.startsWith(marks.word)).toBe(true);
    expect(marks.sentence.startsWith(marks.word)).toBe(true);
    await page.screenshot({ path: 'docs/screenshots/read-aloud.png' });

    // K pauses (the voice is cancelled), K resumes from the word reached.
    const cancels = await speech.cancels();
    await frame.press('body', 'k');
    await waitFor(async () => (await speech.speaking()) === null, 'the pause');
    expect(await speech.cancels()).toBeGreaterThan(cancels);
    expect(await frame.getAttribute('.read-aloud .play', 'aria-label')).toBe('Read aloud from here (K)');
    await frame.press('body', 'k');
    await waitFor(async () => (await speech.log()).length >= 2, 'the resumed utterance');
    expect((await speech.log()).at(-1)!.text).toBe(first.text);

    // L: the next paragraph.
    await frame.press('body', 'l');
    await waitFor(async () => (await frame.evaluate(() => document.querySelector<HTMLElement>('.block.speaking')?.dataset.blockId)) !== target.id, 'the next paragraph');

    // Read on: the sure quotes of a speaker come in another voice than the narration, always the same.
    const quotes = await frame.evaluate(() => [...document.querySelectorAll('mark.quote:not(.unsure):not(.nobody)')].map((m) => m.textContent!));
    expect(quotes.length).toBeGreaterThan(0);
    await frame.evaluate(() => scrollTo(0, 0));
    await frame.press('body', 'k'); // pause
    for (let i = 0; i < 10; i++) await frame.press('body', 'j'); // back to the first paragraph
    await frame.press('body', 'k');
    for (let i = 0; i < 200 && (await speech.speaking()) !== null; i++) await speech.end();
    const log = await speech.log();
    const voiced = log.filter((s) => s.voice !== NARRATOR);
    expect(voiced.length).toBeGreaterThan(0);
    expect(new Set(voiced.map((s) => `${s.voice}/${s.pitch}`)).size).toBe(1);
    for (const s of voiced) expect(quotes.some((q) => q.includes(s.text) || s.text.includes(q.slice(0, 20)))).toBe(true);
    expect(await frame.textContent('.speech-progress')).toBe('Finished.');

    // Speed and voice: applied, and stored through the background.
    await frame.selectOption('.read-aloud select >> nth=0', '1.5');
    await frame.selectOption('.read-aloud select >> nth=1', 'stub-fr-c');
    await frame.press('.read-aloud .play', 'Enter');
    await waitFor(async () => (await speech.log()).at(-1)!.rate === 1.5, 'the new speed');
    expect((await speech.log()).at(-1)!.voice).toBe('stub-fr-c');
    const worker = session.context.serviceWorkers()[0]!;
    await waitFor(async () => (await worker.evaluate(() => chrome.storage.local.get('settings'))).settings?.speech?.rate === 1.5, 'the stored speed');
    expect((await worker.evaluate(() => chrome.storage.local.get('settings'))).settings?.speech?.voices).toEqual({ fr: 'stub-fr-c' });

    // No accessibility violation with the controls open, in every theme.
    await frame.evaluate(AXE_SOURCE);
    const settings = (await worker.evaluate(() => chrome.storage.local.get('settings'))).settings!;
    for (const theme of ['system', 'light', 'dark', 'sepia']) {
      // Written as the background writes it (the clean view's frame sends only over its port).
      await worker.evaluate((next) => chrome.storage.local.set({ settings: next }), { ...settings, theme });
      await waitFor(() => frame.evaluate((t) => document.documentElement.dataset.theme === t, theme), `the ${theme} theme`);
      const violations = await frame.evaluate(() =>
        (window as unknown as { axe: { run(d: Document, o: object): Promise<{ violations: { id: string }[] }> } }).axe
          .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] }, resultTypes: ['violations'] })
          .then((r) => r.violations.map((v) => v.id)),
      );
      expect(violations, theme).toEqual([]);
    }

    // The view going away stops the voice.
    const before = await speech.cancels();
    await frame.evaluate(() => dispatchEvent(new PageTransitionEvent('pagehide')));
    expect(await speech.speaking()).toBeNull();
    expect(await speech.cancels()).toBeGreaterThan(before);
    await page.close();
  });

  it('closing the controls stops the voice and clears the marks', async () => {
    const { page, frame } = await cleanView();
    const speech = stub(frame);
    await frame.click('[aria-label="Read aloud"]');
    await frame.click('.read-aloud .play');
    await waitFor(async () => (await speech.speaking()) !== null, 'speech');
    await frame.click('[aria-label="Stop and close read aloud"]');
    expect(await speech.speaking()).toBeNull();
    expect(await frame.evaluate(() => CSS.highlights.size + document.querySelectorAll('.block.speaking').length)).toBe(0);
    expect(await frame.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Read aloud');
    await page.close();
  });

  it('in the popup, says so instead of offering the button when no voice speaks the article’s language', async () => {
    const page = await session.context.newPage();
    await page.goto(`${origin}/sample.html`);
    const popup = await clickAction(session, page);
    const { targetInfos } = await session.cdp.send('Target.getTargets');
    const id = targetInfos.find((t) => t.url.includes(`${session.extensionId}/popup.html`))!.targetId;
    const target = await connectTarget(session.endpoint, id);
    // The popup again, this time with a system that speaks English only.
    await target.send('Page.enable');
    await target.send('Page.addScriptToEvaluateOnNewDocument', { source: speechStub(ENGLISH_ONLY) });
    await target.send('Page.reload');
    expect(await target.waitFor('document.querySelector(".speech-none")')).toBe(true);
    expect(await target.evaluate<string>('document.querySelector(".speech-none").textContent')).toBe('No voice for French');
    expect(await target.evaluate<boolean>('!document.querySelector("[aria-label=\\"Read aloud\\"]")')).toBe(true);
    target.close();
    await popup.close();
    await page.close();
  });
});
