import type { Context } from '../context';
import type { QuoteSegment } from '../marks';
import { readTag } from './read-tag';
import type { DirectQuote, Tag } from './types';

/** A tag right after the closing mark, within the sentence. */
export function afterTagOf(ctx: Context, seg: QuoteSegment, quoteText: string): Tag | null {
  const own = ctx.sentenceEnd(seg.block, seg.close - 1);
  if (own > seg.close) return readTag(ctx, seg.block, seg.close, Math.min(own, seg.close + 250), quoteText);
  // The quote ends its sentence: a tag may follow only as a sentence of its own (“… .” Smith
  // said.), not as the start of the next one (“… .” Laut der Website wird …).
  const next = ctx.sentenceEnd(seg.block, seg.close);
  const tag = readTag(ctx, seg.block, seg.close, Math.min(next, seg.close + 250), quoteText);
  return tag && endsTag(ctx, ctx.units[seg.block].text.slice(tag.end, next)) ? tag : null;
}

/** The tag after the quote's last segment. */
export function afterTag(ctx: Context, { last, text }: DirectQuote): Tag | null {
  return afterTagOf(ctx, last, text);
}

/** Nothing but a stop, or an adjunct without quotes (“…!” Trump tweeted before Election Day.), ends a tag's sentence. */
function endsTag(ctx: Context, rest: string): boolean {
  if (/^[\s\u00a0\u202f]*[.!]?[\s\u00a0\u202f]*$/.test(rest)) return true;
  const words = rest.trim().replace(/^,[\s\u00a0\u202f]*/, '').split(/[\s\u00a0\u202f]+/);
  const L = ctx.L;
  const opener = words[0].toLowerCase();
  const adjunct = [L.prepositions ?? [], L.timeWords, L.stopWords].some((list) => list.includes(opener)) && ![L.that, L.relatives, L.coordinators ?? [], L.reported.pre].some((list) => list.includes(opener));
  return adjunct && words.length <= 12 && !/[“”"«»„‘’]/.test(rest);
}
