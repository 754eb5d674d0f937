import { type LangCode, STOPWORDS } from './rules/stopwords';

const CODES = Object.keys(STOPWORDS) as LangCode[];
const VOTERS = CODES.map((code) => ({ code, words: new Set(STOPWORDS[code].split(' ')) }));

/** Enough words for a stable vote; the rest of the article would only cost time. */
const SAMPLE_CHARS = 6000;

const supported = (code: string | undefined): code is LangCode => !!code && Object.hasOwn(STOPWORDS, code);

/**
 * The language whose rules read the text: the page language ("fr-FR" → fr); without a supported
 * hint, the language whose stop words occur most often in the first few thousand characters
 * (English on a tie or no text).
 */
export function langCode(hint: string | null | undefined, texts: string[]): LangCode {
  const code = hint?.toLowerCase().split(/[-_]/)[0];
  if (supported(code)) return code;
  const sample = texts.join(' ').slice(0, SAMPLE_CHARS).toLowerCase();
  const counts = VOTERS.map(() => 0);
  for (const word of sample.split(/[^\p{L}]+/u)) {
    VOTERS.forEach((s, i) => {
      if (s.words.has(word)) counts[i]++;
    });
  }
  let best = 0;
  counts.forEach((c, i) => {
    if (c > counts[best]) best = i;
  });
  return VOTERS[best].code;
}
