import type { Context } from '../context';
import { afterTagOf } from './after';
import type { DirectQuote, Tag } from './types';

/**
 * "“A”, “B”, a-t-il déclaré" / "Die „A“ hätten „B“, so Murtha": a quote followed in its sentence
 * by another one whose tag closes the sentence; no speech verb in between (else the tag there
 * is the first quote's own).
 */
export function nextTag(ctx: Context, { last, next }: DirectQuote): Tag | null {
  if (!next || next[0].block !== last.block || ctx.sentence(last.block, last.close - 1) !== ctx.sentence(last.block, next[0].open)) return null;
  const gap = ctx.units[last.block].text.slice(last.close, next[0].open);
  if (ctx.P.cues.find(gap).length) return null;
  const nl = next[next.length - 1];
  const tag = afterTagOf(ctx, nl, ctx.units[nl.block].text.slice(nl.start, nl.end));
  return tag ? { ...tag, tier: 'split' } : null;
}
