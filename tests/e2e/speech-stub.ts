/**
 * A recording stand-in for the Web Speech API, installed in a page before its code runs
 * (Playwright init script, or CDP Page.addScriptToEvaluateOnNewDocument). Utterances are
 * recorded in `window.__speech.log` and stay "spoken" until the test ends them
 * (`__speech.end()`); the first word of each gets a boundary event at once, as real voices do.
 * `voices` are the voices the system claims to have.
 */
export interface StubVoice {
  voiceURI: string;
  name: string;
  lang: string;
  default: boolean;
  localService: boolean;
}

export interface Spoken {
  text: string;
  voice: string | null;
  rate: number;
  pitch: number;
  lang: string;
}

export const FRENCH_VOICES: StubVoice[] = [
  { voiceURI: 'stub-fr-a', name: 'Stub Amélie', lang: 'fr-FR', default: true, localService: true },
  { voiceURI: 'stub-fr-b', name: 'Stub Thomas', lang: 'fr-FR', default: false, localService: true },
  { voiceURI: 'stub-fr-c', name: 'Stub Claire', lang: 'fr-CA', default: false, localService: true },
  { voiceURI: 'stub-en', name: 'Stub Daniel', lang: 'en-GB', default: false, localService: true },
];

export const ENGLISH_ONLY: StubVoice[] = [FRENCH_VOICES[3]!];

export function speechStub(voices: StubVoice[]): string {
  return `(() => {
  if (window.__speech) return;
  const voices = ${JSON.stringify(voices)};
  const log = [];
  let queue = [];
  let cancels = 0;
  class Utterance {
    constructor(text) { Object.assign(this, { text, lang: '', voice: null, rate: 1, pitch: 1, onboundary: null, onend: null, onerror: null }); }
  }
  const firstWord = (u) => setTimeout(() => {
    const m = /\\S+/.exec(u.text);
    if (queue[0] === u && m && u.onboundary) u.onboundary({ name: 'word', charIndex: m.index, charLength: m[0].length });
  });
  const synth = new EventTarget();
  Object.assign(synth, {
    speaking: false, pending: false, paused: false,
    getVoices: () => voices,
    speak(u) {
      log.push({ text: u.text, voice: u.voice ? u.voice.voiceURI : null, rate: u.rate, pitch: u.pitch, lang: u.lang });
      queue.push(u);
      if (queue.length === 1) firstWord(u);
    },
    cancel() {
      cancels++;
      const dropped = queue;
      queue = [];
      for (const u of dropped) if (u.onerror) u.onerror({ error: 'interrupted' });
    },
    pause() {},
    resume() {},
  });
  window.__speech = {
    log,
    get cancels() { return cancels; },
    get speaking() { return queue.length ? queue[0].text : null; },
    end() {
      const u = queue.shift();
      if (u && u.onend) u.onend();
      if (queue.length) firstWord(queue[0]);
    },
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = Utterance;
})();`;
}
