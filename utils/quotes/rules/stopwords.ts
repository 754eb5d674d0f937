/**
 * Each language's stop words for the language vote (lang.ts), apart from its rules so that the
 * vote can run before the one language's rules are loaded (the extension loads them on demand).
 */
export const STOPWORDS = {
  en: 'the and of to is that for with was are it on this have by from not but which they',
  fr: 'le la les des est une du dans que qui pour pas sur au avec ce il elle sont aux ont été',
  de: 'der die das und ist nicht den von mit sich des auf für im dem eine ein zu auch es',
  es: 'el la los las de que y en un una por con para es del al se no su lo como',
} as const;

export type LangCode = keyof typeof STOPWORDS;
