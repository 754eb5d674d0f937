import type { Context } from '../context';
import type { DirectQuote, Tag } from './types';

/**
 * "Das Buch ist laut einem Jury-Mitglied eine „…“" / "selon le naturopathe Olivier Panisset : « … »":
 * a quote after an according-to marker in its sentence is the marker's source's.
 */
export function markerTag(ctx: Context, { first: seg }: DirectQuote): Tag | null {
  const sentence = ctx.sentence(seg.block, seg.open);
  const r = ctx.markers[seg.block]?.findLast((h) => h.cueStart < seg.open && ctx.sentence(seg.block, h.cueStart) === sentence);
  return r ? { mention: r.mention, cue: r.cue, tier: 'marker', block: seg.block, end: seg.open } : null;
}
