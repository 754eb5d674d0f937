import type { Context } from '../context';
import type { Mention } from '../speakers';
import { openingSubject } from './subjects';
import type { DirectQuote, Tag } from './types';

/**
 * "Mit den Worten „…“, richtete er seinen Blick …": a quote announced as someone's words is the
 * clause's subject's: the pronoun after the verb that follows it, else the sentence's opening subject.
 */
export function wordsTag(ctx: Context, { first, last }: DirectQuote): Tag | null {
  const text = ctx.units[first.block].text;
  const start = ctx.sentenceStart(first.block, first.open);
  const before = text.slice(start, first.open);
  if (!ctx.L.wordsCue?.test(before) || first.block !== last.block) return null;
  const pron = /^[\s\u00a0\u202f]*,[\s\u00a0\u202f]*\p{Ll}+[\s\u00a0\u202f]+(\p{L}+)/u.exec(text.slice(last.close))?.[1].toLowerCase();
  const mention: Mention | null = pron && Object.hasOwn(ctx.L.pronouns, pron) ? { kind: 'pronoun', gender: ctx.L.pronouns[pron] } : openingSubject(ctx, before);
  return mention ? { mention, cue: '', tier: 'sentence', block: first.block, end: last.close } : null;
}
