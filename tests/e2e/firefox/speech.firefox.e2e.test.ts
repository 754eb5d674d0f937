/**
 * Read aloud in Firefox ESR's clean view, opened from the popup (real toolbar action), with the
 * recording `speechSynthesis` stub of tests/e2e/speech-stub.ts installed in the view's frame
 * before its scripts run: the reading starts at a paragraph on screen, the spoken sentence and
 * word are marked, the sure quotes of a speaker come in another voice than the narration
 * (always the same one), and K pauses. The Chromium twin: tests/e2e/speech.e2e.test.ts.
 * Writes docs/screenshots/firefox-read-aloud.png.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FRENCH_VOICES, speechStub, type Spoken } from '../speech-stub';
import { beforeCleanViewScripts, clickActionFirefox, framesOf, launchWithPages, screenshotTab, until, type FirefoxSession } from './harness';

const NARRATOR = 'stub-fr-a';

describe('read aloud in the clean view (Firefox, recording speech stub)', () => {
  let session: FirefoxSession;
  let origin: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ session, origin, close } = await launchWithPages({ '/sample.html': readFileSync('tests/fixtures/sample-fr.html') }));
  });
  afterAll(() => close?.());

  it('reads from a paragraph on screen, marks sentence and word, quotes in another voice, pauses with K', async () => {
    const tab = await session.openTab(`${origin}/sample.html`);
    await beforeCleanViewScripts(session, speechStub(FRENCH_VOICES));
    const popup = await clickActionFirefox(session, tab);
    await popup.waitFor(`document.querySelector('button[aria-label="Open in clean view"]:not([disabled])')`);
    await popup.evaluate(`document.querySelector('button[aria-label="Open in clean view"]').click()`);
    const frame = await until(async () => (await framesOf(session, tab)).find((f) => f.url.includes('/cleanview.html'))?.context, 'the clean view frame');
    const inFrame = <T>(expression: string) => session.evaluate<T>(frame, expression);
    const log = () => inFrame<Spoken[]>('window.__speech.log');
    const speaking = () => inFrame<string | null>('window.__speech.speaking');

    // Who said what has arrived (the count on the "Who is quoted" line), so quotes can get their voice.
    await until(() => inFrame<boolean>(`/\\d/.test(document.querySelector('.speakers-toggle')?.textContent ?? '')`), 'the speakers');
    await inFrame(`document.querySelector('[aria-label="Read aloud"]').click()`);
    await until(() => inFrame<boolean>(`Boolean(document.querySelector('.read-aloud .play'))`), 'the read-aloud controls');
    await inFrame(`document.querySelector('.read-aloud .play').click()`);
    await until(async () => (await log()).length > 0, 'the first utterance');
    const first = (await log())[0]!;
    expect(first).toMatchObject({ voice: NARRATOR, rate: 1, lang: 'fr' });
    // The spoken block is a paragraph on screen, and the utterance is its start.
    const spoken = await inFrame<{ text: string; top: number; height: number }>(`(() => {
      const b = document.querySelector('.block.speaking');
      return { text: b.textContent.trim(), top: b.getBoundingClientRect().top, height: innerHeight };
    })()`);
    expect(spoken.text.startsWith(first.text.slice(0, 20))).toBe(true);
    expect(spoken.top).toBeLessThan(spoken.height);
    await until(() => inFrame<boolean>(`CSS.highlights.has('lucid-speech-word')`), 'the word mark');
    const marks = await inFrame<{ sentence: string; word: string }>(`({
      sentence: [...CSS.highlights.get('lucid-speech-sentence')][0].toString(),
      word: [...CSS.highlights.get('lucid-speech-word')][0].toString(),
    })`);
    expect(first.text.startsWith(marks.word)).toBe(true);
    expect(marks.sentence.startsWith(marks.word)).toBe(true);
    await screenshotTab(session, tab, 'docs/screenshots/firefox-read-aloud.png');

    // K pauses: the voice is cancelled.
    await session.bidi.send('input.performActions', {
      context: frame,
      actions: [{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value: 'k' }, { type: 'keyUp', value: 'k' }] }],
    });
    await until(async () => (await speaking()) === null, 'the pause');
    expect(await inFrame('document.querySelector(".read-aloud .play").getAttribute("aria-label")')).toBe('Read aloud from here (K)');

    // Read on to the end: the sure quotes come in one other voice than the narration.
    const quotes = await inFrame<string[]>(`[...document.querySelectorAll('mark.quote:not(.unsure):not(.nobody)')].map((m) => m.textContent)`);
    expect(quotes.length).toBeGreaterThan(0);
    await inFrame(`document.querySelector('.read-aloud .play').click()`);
    await until(async () => (await speaking()) !== null, 'the reading to resume');
    for (let i = 0; i < 200 && (await speaking()) !== null; i++) await inFrame('window.__speech.end()');
    const voiced = (await log()).filter((s) => s.voice !== NARRATOR);
    expect(voiced.length).toBeGreaterThan(0);
    expect(new Set(voiced.map((s) => `${s.voice}/${s.pitch}`)).size).toBe(1);
    for (const s of voiced) expect(quotes.some((q) => q.includes(s.text) || s.text.includes(q.slice(0, 20)))).toBe(true);
    await session.closeTab(tab);
  });
});
