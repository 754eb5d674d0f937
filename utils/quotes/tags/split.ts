import type { Context } from '../context';
import type { DirectQuote, Tag } from './types';

/** "“A,” said X, “B”": the second part of a quote split by its tag. */
export function splitTag(ctx: Context, { first, prevTag: prev }: DirectQuote): Tag | null {
  if (!prev || prev.block !== first.block || prev.end > first.open || prev.tier === 'floating' || prev.tier === 'dash') return null;
  const text = ctx.units[first.block].text;
  const gap = text.slice(prev.end, first.open);
  if (/^[\s\u00a0\u202f]*[,:;—–-]?[\s\u00a0\u202f]*$/.test(gap)) return { ...prev, tier: 'split', end: first.open };
  // "menace de … par « petits cercles » et « avec parcimonie »": a quote coordinated with the
  // previous one, whose tag came before it.
  const q = ctx.quotes[ctx.quotes.length - 1];
  const coordinated = q && q.blockId === ctx.units[first.block].id && prev.end <= q.start && q.end <= first.open && ctx.P.coordinated?.test(text.slice(q.end, first.open));
  return coordinated ? { ...prev, tier: 'split', end: first.open } : null;
}
