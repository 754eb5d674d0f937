import type { Context } from '../context';
import { opensSentence } from '../shape';
import { openingSubject } from './subjects';
import type { DirectQuote, Resolved } from './types';

/**
 * "Die SPD will am Kurs festhalten. „Wir wollen …“": a first-person quote opening the sentence
 * after one whose subject is named speaks for that subject.
 */
export function firstPersonTag(ctx: Context, { first, text }: DirectQuote): Resolved | null {
  if (!opensSentence(ctx, first) || !ctx.L.firstPerson?.includes(text.split(/[^\p{L}]+/u)[0].toLowerCase())) return null;
  const start = ctx.sentenceStart(first.block, first.open);
  const prev = start > 0 ? ctx.units[first.block].text.slice(ctx.sentenceStart(first.block, start - 1), start) : '';
  const mention = prev && openingSubject(ctx, prev, 'any');
  if (!mention) return null;
  return {
    tag: { mention, cue: '', tier: 'colon', block: first.block, end: first.open },
    who: ctx.speakerOf(mention, ctx.sentence(first.block, start - 1), ctx.offsets[first.block] + start),
  };
}
