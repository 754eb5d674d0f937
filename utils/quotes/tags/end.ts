import type { Context } from '../context';
import { readTag } from './read-tag';
import type { DirectQuote, Tag } from './types';

/**
 * "Il est « trop tôt pour dire » si …, estimait fin janvier Gérald Darmanin.": a fragment in a
 * sentence that ends with an inverted tag after a comma (tier sentence).
 */
export function endTag(ctx: Context, { last: seg }: DirectQuote): Tag | null {
  const text = ctx.units[seg.block].text;
  const end = ctx.sentenceEnd(seg.block, seg.close - 1);
  const comma = text.lastIndexOf(',', end);
  if (comma <= seg.close || end - comma > 250) return null;
  const tag = readTag(ctx, seg.block, comma, end, null);
  return tag && /^[\s\u00a0\u202f]*[.!]?[\s\u00a0\u202f]*$/.test(text.slice(tag.end, end)) ? { ...tag, tier: 'sentence' } : null;
}
