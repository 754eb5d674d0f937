/**
 * The browser's speech synthesis, typed as the read-aloud queue wants it
 * (components/speech/queue.ts): `speechSynthesis` and its utterances. Loaded with the controls.
 */
import type { SynthLike, UtteranceLike } from '../components/speech/queue';
import type { Voice } from './speech';

/** The page's speech synthesis, or null where the browser has none. */
export function systemSynth(): { synth: SynthLike<Voice>; utter: (text: string) => UtteranceLike<Voice> } | null {
  if (typeof speechSynthesis === 'undefined' || typeof SpeechSynthesisUtterance === 'undefined') return null;
  return {
    // The DOM types' event handlers take the DOM event classes; the queue reads only their plain fields.
    synth: speechSynthesis as unknown as SynthLike<Voice>,
    utter: (text) => new SpeechSynthesisUtterance(text) as unknown as UtteranceLike<Voice>,
  };
}
