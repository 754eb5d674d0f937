/**
 * Text normalisation for comparing blocks: case, whitespace, punctuation, quote styles and
 * diacritics do not count. Fingerprints of normalised text are what the reader's per-site
 * "this is clutter / this is content" rules store.
 */
import { hashText } from '../text';

const MARKS = /\p{M}+/gu;
const NON_WORD = /[^\p{L}\p{N}]+/gu;

/** Lower case, no diacritics, punctuation and quotes as single spaces, trimmed. */
export function normalise(text: string): string {
  return text.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(NON_WORD, ' ').trim();
}

/** A short stable fingerprint of a block's text, insensitive to what `normalise` ignores. */
export function fingerprint(text: string): string {
  return hashText(normalise(text));
}

/** Number of words of normalised text. */
export function wordCount(normalised: string): number {
  return normalised ? normalised.split(' ').length : 0;
}

/**
 * The sentences of a text, normalised. Splits after . ! ? … (and their closing quotes or
 * brackets) followed by a space, and at line breaks; good enough to match a repeated sentence,
 * not a linguistic segmenter.
 */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…]["'»”’)\]]*)\s+|\n+/u)
    .map(normalise)
    .filter(Boolean);
}
