import { type Context, FLOAT_BLOCKS, PRONOUN_WINDOW } from '../context';
import type { QuoteSegment } from '../marks';
import type { Gender } from '../rules/types';
import { opensSentence, subjunctive } from '../shape';
import type { SpeakerRec } from '../registry';
import type { DirectQuote, Resolved } from './types';

/** A quoted span, to leave out of narration. */
const QUOTED = /[«“„"][^«»“”„"]*[»”“"]/g;

/** An untagged quote that continues the latest speaker (tier floating). */
export function floatingTag(ctx: Context, { first }: DirectQuote): Resolved | null {
  const last = ctx.lastSpeaker;
  // A floating quote opens its sentence, or stays in the paragraph of the previous speaker: a
  // quote inside a later sentence belongs to that sentence's subject ("Das Amt rät dazu, „…“").
  // German indirect speech goes on in the subjunctive: "Der Niederländer sei „nicht aggressiv“".
  const indirect = subjunctive(ctx, first);
  if (!opensSentence(ctx, first) && !indirect && !(last?.block === first.block && !last.narrated)) return null;
  if (!last || first.block - last.block > FLOAT_BLOCKS || !(last.block < first.block || last.pos <= first.open)) return null;
  const { block, from } = last;
  // From the end of the speaker's sentence, its full stop included (names open the next one).
  const between = ctx.between(block, Math.max(0, (block === first.block ? Math.min(from, first.open) : from) - 1), first.block, first.open);
  // From an earlier paragraph, only the continuation of a speaker who ended the paragraph
  // before ("…,” he said.¶“More…”): otherwise the paragraph break changes the topic.
  const continues = block === first.block || (first.block === block + 1 && (indirect || (from >= ctx.units[block].text.length && first.open === 0)));
  if (!continues || ctx.namesOther(between, last.rec)) return null;
  return {
    tag: { mention: { kind: 'pronoun', gender: null }, cue: '', tier: 'floating', block: first.block, end: first.open },
    who: { rec: last.rec, unnamed: false },
    far: block < first.block,
  };
}

/** The previous speaker, if of this gender, at most FLOAT_BLOCKS paragraphs and PRONOUN_WINDOW sentences of narration back, nobody else named since. */
export function continuing(ctx: Context, first: QuoteSegment, gender: Gender | null): SpeakerRec | null {
  const last = ctx.lastSpeaker;
  if (!last || first.block - last.block > FLOAT_BLOCKS || last.rec.organisation || (gender && last.rec.gender && last.rec.gender !== gender)) return null;
  const narration = ctx.between(last.block, last.from, first.block, first.open).replace(QUOTED, ' ');
  const sentences = narration.match(/[.!?…](?=[\s\u00a0\u202f]|$)/g)?.length ?? 0;
  return sentences <= PRONOUN_WINDOW && !ctx.namesOther(narration, last.rec) ? last.rec : null;
}
