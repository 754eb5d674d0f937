/** The system's voices, as the read-aloud button learns them (see speech-synth.ts for speaking). */
export type Voice = SpeechSynthesisVoice;

/** How long to wait for the system's voices before saying there are none. */
const VOICES_WAIT_MS = 2500;

/**
 * The system's voices: `getVoices()` is often empty at first (Chrome loads them and fires
 * `voiceschanged`); with none after a while, there are none. `onVoices` is called with every
 * list; the returned function stops listening.
 */
export function watchVoices(onVoices: (voices: Voice[]) => void): () => void {
  if (typeof speechSynthesis === 'undefined') {
    onVoices([]);
    return () => undefined;
  }
  const read = () => {
    const voices = speechSynthesis.getVoices();
    if (voices.length) {
      clearTimeout(timer);
      onVoices(voices);
    }
  };
  const timer = setTimeout(() => onVoices(speechSynthesis.getVoices()), VOICES_WAIT_MS);
  speechSynthesis.addEventListener('voiceschanged', read);
  read();
  return () => {
    clearTimeout(timer);
    speechSynthesis.removeEventListener('voiceschanged', read);
  };
}
