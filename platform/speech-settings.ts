/**
 * Read-aloud settings, a part of the reading settings (platform/settings.ts): the speed, the
 * narrator's voice per language (the reader's choice, by voiceURI, keyed by primary language),
 * and whether quoted speakers get voices of their own.
 */
import * as v from 'valibot';

/** At most this many languages remembered (one entry each). */
const MAX_LANGUAGES = 40;

export const SpeechSettingsSchema = v.object({
  rate: v.pipe(v.number(), v.minValue(0.5), v.maxValue(2)),
  voices: v.pipe(
    v.record(v.pipe(v.string(), v.regex(/^[a-z]{2,3}$/)), v.pipe(v.string(), v.minLength(1), v.maxLength(300))),
    v.check((voices) => Object.keys(voices).length <= MAX_LANGUAGES, `at most ${MAX_LANGUAGES} languages`),
  ),
  speakerVoices: v.boolean(),
});
export type SpeechSettings = v.InferOutput<typeof SpeechSettingsSchema>;

export const DEFAULT_SPEECH: SpeechSettings = { rate: 1, voices: {}, speakerVoices: true };
