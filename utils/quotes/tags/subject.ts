import type { Context } from '../context';
import type { Mention } from '../speakers';
import { isUpper } from '../text';
import type { DirectQuote, Tag } from './types';

/**
 * A quoted fragment inside a sentence without a speech verb ("Er bezeichnete das Schreiben als
 * „Unsensibilität“", "Le maire menace de … par « petits cercles »"): the sentence's subject, when
 * it opens the sentence as a pronoun or as the surname of a speaker already met.
 */
export function subjectTag(ctx: Context, { first: seg }: DirectQuote): Tag | null {
  const text = ctx.units[seg.block].text;
  const words = text.slice(ctx.sentenceStart(seg.block, seg.open), seg.open).trim().split(/[\s\u00a0\u202f]+/);
  // "Trump called the senator a “nasty guy”": the naming verb is the cue of a short fragment.
  const cue = words.find((w) => ctx.L.naming?.includes(w.toLowerCase())) ?? '';
  while (words.length && ctx.L.leadWords.includes(words[0].toLowerCase())) words.shift();
  if (words.length < 2) return null;
  const w = words[0].toLowerCase();
  const tag = (mention: Mention): Tag => ({ mention, cue, tier: 'subject', block: seg.block, end: seg.open });
  if (w in ctx.L.pronouns) return tag({ kind: 'pronoun', gender: ctx.L.pronouns[w] });
  let n = 0;
  while (n < words.length && isUpper(words[n][0]) && !/[,;:]$/.test(words[n - 1] ?? '')) n++;
  if (n === 0 || n === words.length) return null;
  const name = words.slice(0, n).join(' ');
  const known = ctx.registry.list.some((s) => !s.organisation && s.name.endsWith(words[n - 1]));
  return known ? tag({ kind: 'person', name: words[n - 1] === name ? name : name.split(' ').slice(-2).join(' '), gender: null }) : null;
}
