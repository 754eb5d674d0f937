/** Reading settings shared by the popup, the clean view and the library. */
import { storage } from '#imports';
import * as v from 'valibot';
import { SpeechSettingsSchema } from './speech-settings';

/** The reading faces: two system stacks and two bundled faces, loaded only when chosen (components/fonts.ts). */
export const FONTS = ['serif', 'sans', 'atkinson', 'dyslexic'] as const;
export type FontChoice = (typeof FONTS)[number];

/** A number in [min, max] (a slider's range). */
const scale = (min: number, max: number) => v.pipe(v.number(), v.minValue(min), v.maxValue(max));

export const SettingsSchema = v.object({
  theme: v.picklist(['system', 'light', 'dark', 'sepia', 'contrast']),
  fontSize: v.pipe(v.number(), v.integer(), v.minValue(12), v.maxValue(28)),
  font: v.picklist(FONTS),
  width: v.picklist(['narrow', 'medium', 'wide']),
  // Typography (settings version 2): a value missing from older settings takes its default.
  lineHeight: v.optional(scale(1.2, 2.4), 1.6),
  /** In em. */
  letterSpacing: v.optional(scale(0, 0.12), 0),
  /** In em. */
  wordSpacing: v.optional(scale(0, 0.4), 0),
  /** Space after a paragraph, in em. */
  paragraphSpacing: v.optional(scale(0.5, 2.5), 1),
  align: v.optional(v.picklist(['start', 'justify']), 'start'),
  /** Links drawn as links, or as plain text (still followable). */
  links: v.optional(v.picklist(['shown', 'plain']), 'shown'),
  images: v.optional(v.boolean(), true),
  // Read aloud (absent until the reader changes one of its settings).
  speech: v.optional(SpeechSettingsSchema),
});
export type ReadingSettings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: ReadingSettings = {
  theme: 'system',
  fontSize: 17,
  font: 'serif',
  width: 'medium',
  lineHeight: 1.6,
  letterSpacing: 0,
  wordSpacing: 0,
  paragraphSpacing: 1,
  align: 'start',
  links: 'shown',
  images: true,
};

/** Any stored or cached value as whole settings: missing fields take their defaults, an unreadable value the defaults. */
export function readSettings(raw: unknown): ReadingSettings {
  const parsed = v.safeParse(SettingsSchema, raw);
  return parsed.success ? parsed.output : DEFAULT_SETTINGS;
}

/** Read anywhere; written only by the background (see platform/messages.ts). */
export const settingsItem = storage.defineItem<ReadingSettings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 2,
  migrations: { 2: readSettings },
});
