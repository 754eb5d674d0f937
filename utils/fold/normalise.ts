/**
 * Text normalisation for comparing blocks: case, whitespace, punctuation, quote styles and
 * diacritics do not count (`plainWords`). Fingerprints of it are what the reader's per-site
 * "this is clutter / this is content" rules store.
 *
 * Not the anchoring's normaliser (utils/anchoring/normalize.ts, `unifyQuotesAndSpaces`): a
 * highlight must map back to the exact characters of the text, so it keeps case, letters and
 * punctuation one for one; here only the words count.
 */
import { hashText } from '../text';

const MARKS = /\p{M}+/gu;
const NON_WORD = /[^\p{L}\p{N}]+/gu;

/**
 * Folding asks for the same block's normal form several times (boilerplate, positions, each
 * duplicate pass); recent results are kept, and the whole cache dropped when it fills.
 */
const RECENT_SIZE = 4096;
function remembered<T>(compute: (text: string) => T): (text: string) => T {
  const recent = new Map<string, T>();
  return (text) => {
    let out = recent.get(text);
    if (out === undefined) {
      out = compute(text);
      if (recent.size >= RECENT_SIZE) recent.clear();
      recent.set(text, out);
    }
    return out;
  };
}

/** ASCII with typographic quotes, dashes, ellipses and no-break spaces: nothing to decompose. */
const PLAIN = /^[\0-\x7f\u00a0\u2013\u2014\u2018-\u201f\u2026]*$/;

/** Lower case, no diacritics, punctuation and quotes as single spaces, trimmed. */
export const plainWords = remembered((text: string): string =>
  // Plain text (most of it) has no diacritics: the same result without the Unicode-class regexes.
  PLAIN.test(text)
    ? text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()
    : text.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(NON_WORD, ' ').trim(),
);

/** A short stable fingerprint of a block's text, insensitive to what `plainWords` ignores. */
export function fingerprint(text: string): string {
  return hashText(plainWords(text));
}

/** Number of words of normalised text. */
export function wordCount(normalised: string): number {
  if (!normalised) return 0;
  let n = 1;
  for (let i = normalised.indexOf(' '); i >= 0; i = normalised.indexOf(' ', i + 1)) n++;
  return n;
}

/**
 * The sentences of a text, normalised. Splits after . ! ? … (and their closing quotes or
 * brackets) followed by a space, and at line breaks; good enough to match a repeated sentence,
 * not a linguistic segmenter.
 */
export const sentences = remembered((text: string): string[] =>
  text
    .split(/(?<=[.!?…]["'»”’)\]]*)\s+|\n+/u)
    .map(plainWords)
    .filter(Boolean),
);
