/** Reading settings shared by the popup, the clean view and the library. */
import { storage } from '#imports';
import * as v from 'valibot';
import { SpeechSettingsSchema } from './speech-settings';

export const SettingsSchema = v.object({
  theme: v.picklist(['system', 'light', 'dark', 'sepia']),
  fontSize: v.pipe(v.number(), v.integer(), v.minValue(12), v.maxValue(28)),
  font: v.picklist(['serif', 'sans']),
  width: v.picklist(['narrow', 'medium', 'wide']),
  // Read aloud (absent until the reader changes one of its settings).
  speech: v.optional(SpeechSettingsSchema),
});
export type ReadingSettings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: ReadingSettings = { theme: 'system', fontSize: 17, font: 'serif', width: 'medium' };

/** Read anywhere; written only by the background (see platform/messages.ts). */
export const settingsItem = storage.defineItem<ReadingSettings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});
