import { de } from './rules/de';
import { en } from './rules/en';
import { es } from './rules/es';
import { fr } from './rules/fr';
import type { LangData } from './rules/types';

const LANGS: Record<string, LangData> = { en, fr, de, es };
const STOPWORDS = Object.values(LANGS).map((l) => ({ l, words: new Set(l.stopwords.split(' ')) }));

/** Enough words for a stable vote; the rest of the article would only cost time. */
const SAMPLE_CHARS = 6000;

/**
 * The rules for the page language ("fr-FR" → fr); without a supported hint, the language whose
 * stop words occur most often in the first few thousand characters (English on a tie or no text).
 */
export function pickLang(hint: string | null | undefined, texts: string[]): LangData {
  const code = hint?.toLowerCase().split(/[-_]/)[0];
  if (code && LANGS[code]) return LANGS[code];
  const sample = texts.join(' ').slice(0, SAMPLE_CHARS).toLowerCase();
  const counts = STOPWORDS.map(() => 0);
  for (const word of sample.split(/[^\p{L}]+/u)) {
    STOPWORDS.forEach((s, i) => {
      if (s.words.has(word)) counts[i]++;
    });
  }
  let best = 0;
  counts.forEach((c, i) => {
    if (c > counts[best]) best = i;
  });
  return STOPWORDS[best].l;
}
