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
 * A page's declared language gives way to the text's when the text votes for another one this
 * many times more often, on this many stop words at least: templates declare "en" on Spanish
 * articles, and every rule would then read the wrong language.
 */
const OVERRULE_RATIO = 3;
const OVERRULE_MIN = 30;

/**
 * The rules for the page language ("fr-FR" → fr), unless the text is plainly in another
 * supported language; without a supported hint, the language whose stop words occur most often
 * in the first few thousand characters (English on a tie or no text).
 */
export function pickLang(hint: string | null | undefined, texts: string[]): LangData {
  const code = hint?.toLowerCase().split(/[-_]/)[0];
  const counts = vote(texts);
  let best = 0;
  counts.forEach((c, i) => {
    if (c > counts[best]) best = i;
  });
  const hinted = code ? STOPWORDS.findIndex((s) => s.l === LANGS[code]) : -1;
  if (hinted < 0) return STOPWORDS[best].l;
  const plainlyOther = counts[best] >= OVERRULE_MIN && counts[best] >= OVERRULE_RATIO * counts[hinted];
  return STOPWORDS[plainlyOther ? best : hinted].l;
}

/** How many stop words of each language the first few thousand characters hold. */
function vote(texts: string[]): number[] {
  const sample = texts.join(' ').slice(0, SAMPLE_CHARS).toLowerCase();
  const counts = STOPWORDS.map(() => 0);
  for (const word of sample.split(/[^\p{L}]+/u)) {
    STOPWORDS.forEach((s, i) => {
      if (s.words.has(word)) counts[i]++;
    });
  }
  return counts;
}
