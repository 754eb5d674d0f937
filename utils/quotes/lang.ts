import { type LangCode, STOPWORDS } from './rules/stopwords';

const CODES = Object.keys(STOPWORDS) as LangCode[];
const VOTERS = CODES.map((code) => ({ code, words: new Set(STOPWORDS[code].split(' ')) }));

/** Enough words for a stable vote; the rest of the article would only cost time. */
const SAMPLE_CHARS = 6000;
/**
 * A page's declared language gives way to the text's when the text votes for another one this
 * many times more often, on this many stop words at least: templates declare "en" on Spanish
 * articles, and every rule would then read the wrong language.
 */
const OVERRULE_RATIO = 3;
const OVERRULE_MIN = 30;

const supported = (code: string | undefined): code is LangCode => !!code && Object.hasOwn(STOPWORDS, code);

/**
 * The language whose rules read the text: the page language ("fr-FR" → fr), unless the text is
 * plainly in another supported language; without a supported hint, the language whose stop words
 * occur most often in the first few thousand characters (English on a tie or no text).
 */
export function langCode(hint: string | null | undefined, texts: string[]): LangCode {
  const code = hint?.toLowerCase().split(/[-_]/)[0];
  const counts = vote(texts);
  let best = 0;
  counts.forEach((c, i) => {
    if (c > counts[best]) best = i;
  });
  if (!supported(code)) return VOTERS[best].code;
  const hinted = CODES.indexOf(code);
  const plainlyOther = counts[best] >= OVERRULE_MIN && counts[best] >= OVERRULE_RATIO * counts[hinted];
  return VOTERS[plainlyOther ? best : hinted].code;
}

/** How many stop words of each language the first few thousand characters hold. */
function vote(texts: string[]): number[] {
  const sample = texts.join(' ').slice(0, SAMPLE_CHARS).toLowerCase();
  const counts = VOTERS.map(() => 0);
  for (const word of sample.split(/[^\p{L}]+/u)) {
    VOTERS.forEach((s, i) => {
      if (s.words.has(word)) counts[i]++;
    });
  }
  return counts;
}
