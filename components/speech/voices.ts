/**
 * The system's voices for a language. Small and pure, loaded with the views (the read-aloud
 * button shows only where the article's language has a voice); who speaks with which voice is
 * in casting.ts, loaded with the controls.
 */

/** The fields of a SpeechSynthesisVoice that the choice depends on. */
export interface VoiceInfo {
  voiceURI: string;
  name: string;
  lang: string;
  default: boolean;
  localService: boolean;
}

/** "fr-FR", "fr_FR", "FR" → "fr". */
export function primaryLang(tag: string | null | undefined): string {
  return (tag ?? '').split(/[-_]/)[0]!.toLowerCase();
}

/** The voices that speak `lang` (by primary language): the system's default first, then local ones. */
export function voicesFor<V extends VoiceInfo>(voices: readonly V[], lang: string | null): V[] {
  const want = primaryLang(lang);
  if (!want) return [];
  const rank = (v: V) => (v.default ? 0 : v.localService ? 1 : 2);
  return voices.filter((v) => primaryLang(v.lang) === want).sort((a, b) => rank(a) - rank(b));
}
