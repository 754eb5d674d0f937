/**
 * Cutting a block's text into what the voice speaks: sentences (Intl.Segmenter, in the
 * article's language) and, within them, chunks short enough for every engine. Chrome stops an
 * utterance after about 15 s with its network voices, so no chunk may take longer than that to
 * say: a long sentence is cut at a clause mark (comma, semicolon, colon, dash), or else between
 * words. Pure: text in, offsets out.
 */

/** Offsets into a block's text, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** Something worth saying: a letter or a digit (not a lone quote mark or dash). */
const SPEAKABLE = /[\p{L}\p{N}]/u;

/** Speech at about 15 characters a second at 1×: 12 s of it, slower rates get shorter chunks. */
const CHARS_AT_1X = 180;

/** The longest chunk at `rate` (0.5–2×): about 12 s of speech at most. */
export function maxChunkChars(rate: number): number {
  return Math.round(CHARS_AT_1X * Math.min(1, Math.max(0.5, rate)));
}

/** `span` without white space at either end (empty spans come back with start = end). */
export function trim(text: string, { start, end }: Span): Span {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(lang: string | null): Intl.Segmenter {
  const key = lang ?? '';
  let s = segmenters.get(key);
  if (!s) {
    let locale: string | undefined = lang ?? undefined;
    try {
      Intl.getCanonicalLocales(locale ?? []);
    } catch {
      locale = undefined; // a malformed lang attribute: the default rules still cut sentences
    }
    s = new Intl.Segmenter(locale, { granularity: 'sentence' });
    segmenters.set(key, s);
  }
  return s;
}

/** The sentences of `text`, trimmed, those with nothing to say left out. */
export function sentences(text: string, lang: string | null): Span[] {
  const out: Span[] = [];
  for (const { index, segment } of segmenter(lang).segment(text)) {
    const span = trim(text, { start: index, end: index + segment.length });
    if (SPEAKABLE.test(text.slice(span.start, span.end))) out.push(span);
  }
  return out;
}

/** Where to cut `text` in [start, end) to keep a piece at most `max` long: a clause mark, else a space. */
function cutPoint(text: string, start: number, end: number, max: number): number {
  const limit = Math.min(end, start + max);
  const window = text.slice(start, limit + 1);
  // The last clause mark followed by a space in the second half of the window, then the last space.
  const floor = Math.floor(max / 2);
  for (const pattern of [/[,;:—–)\]»”]\s/g, /\s/g]) {
    let best = -1;
    for (const m of window.matchAll(pattern)) {
      const at = m.index + m[0].length - 1; // cut after the mark, at the space
      if (at >= floor && at <= max) best = at;
    }
    if (best > 0) return start + best;
  }
  return limit; // one unbroken word longer than a chunk: cut it
}

/** `span` of `text` in pieces of at most `max` characters, trimmed, none empty. */
export function chunk(text: string, span: Span, max: number): Span[] {
  const out: Span[] = [];
  let { start } = span;
  while (start < span.end) {
    const end = span.end - start <= max ? span.end : cutPoint(text, start, span.end, max);
    const piece = trim(text, { start, end });
    if (piece.end > piece.start && SPEAKABLE.test(text.slice(piece.start, piece.end))) out.push(piece);
    start = end;
  }
  return out;
}

/** The word at `index` of `text` (for engines whose boundary events carry no length). */
export function wordAt(text: string, index: number): Span {
  const match = /^[\p{L}\p{N}\p{M}'’-]+/u.exec(text.slice(index));
  return { start: index, end: index + Math.max(1, match?.[0].length ?? 0) };
}
