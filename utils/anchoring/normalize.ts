/**
 * Typographic normalisation for matching: sites switch between straight and curly quotes and
 * change whitespace without changing the words, so matching compares texts in which
 * - every kind of single quote/apostrophe becomes ', every kind of double quote becomes ";
 * - every run of whitespace (spaces, no-break and thin spaces, line breaks) becomes one space.
 * Each normalised character remembers the range of the original text it came from, so a match
 * in the normalised text maps back to original offsets.
 *
 * Not folding's normaliser (utils/fold/normalise.ts, `plainWords`, which drops case, accents and
 * punctuation to compare blocks by their words): here every letter stays, so that offsets hold.
 */

const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u02BC]/;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/;
const ALL_SINGLE_QUOTES = new RegExp(SINGLE_QUOTES.source, 'g');
const ALL_DOUBLE_QUOTES = new RegExp(DOUBLE_QUOTES.source, 'g');
const SPACE = /\s/;

function normalChar(c: string): string {
  if (SINGLE_QUOTES.test(c)) return "'";
  if (DOUBLE_QUOTES.test(c)) return '"';
  return c;
}

export interface NormalizedText {
  text: string;
  /** Original start offset of each normalised character. */
  starts: Int32Array;
  /** Original end offset of each normalised character (a whitespace run ends after the run). */
  ends: Int32Array;
}

export function normalizeWithMap(original: string): NormalizedText {
  const out: string[] = [];
  const starts = new Int32Array(original.length);
  const ends = new Int32Array(original.length);
  let n = 0;
  for (let i = 0; i < original.length; i++) {
    const c = original[i]!;
    if (SPACE.test(c)) {
      const runStart = i;
      while (i + 1 < original.length && SPACE.test(original[i + 1]!)) i++;
      out.push(' ');
      starts[n] = runStart;
      ends[n] = i + 1;
    } else {
      out.push(normalChar(c));
      starts[n] = i;
      ends[n] = i + 1;
    }
    n++;
  }
  return { text: out.join(''), starts: starts.subarray(0, n), ends: ends.subarray(0, n) };
}

/** The normalised form of a short string (context, quotes), without the offset map. */
export function unifyQuotesAndSpaces(s: string): string {
  return s.replace(ALL_SINGLE_QUOTES, "'").replace(ALL_DOUBLE_QUOTES, '"').replace(/\s+/g, ' ');
}
