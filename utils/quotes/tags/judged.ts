import type { Context } from '../context';
import { analyzePhrase } from '../speakers';
import { openingSubject } from './subjects';
import type { DirectQuote, Tag } from './types';

/**
 * "Die Regierung hatte den Bericht als „falsch“ zurückgewiesen", "vom Wetterdienst als „sehr
 * hoch“ eingestuft": a label after "als" that a judging verb right after the quote gives (rules'
 * `judging`); the speaker is the agent after "von" in the clause, else the subject opening the
 * sentence. A passive with no agent ("als „Sonnenwind“ bezeichnet wird") is a common name, no one's words.
 */
export function judgedTag(ctx: Context, { first, last }: DirectQuote): Tag | null {
  const L = ctx.L;
  if (!L.judging) return null;
  const text = ctx.units[first.block].text;
  const start = ctx.sentenceStart(first.block, first.open);
  const before = text.slice(start, first.open).trim().split(/[\s\u00a0\u202f]+/);
  if (!L.labelLinks?.includes(before[before.length - 1]?.toLowerCase() ?? '')) return null;
  const after = /^[\s\u00a0\u202f]*(\p{Ll}+)(?:[\s\u00a0\u202f]+(\p{Ll}+))?/u.exec(text.slice(last.close));
  if (!after || !L.judging.includes(after[1])) return null;
  const clause = before.slice(0, -1).join(' ').split(/,[\s\u00a0\u202f]*/).pop()!;
  // Only a passive clause has an agent: in an active one "von" opens a complement ("hat den Bericht von Amnesty als „…“ zurückgewiesen").
  const passive = [after[2], ...clause.split(/[\s\u00a0\u202f]+/)].some((w) => !!w && !!L.passiveAux?.includes(w.toLowerCase()));
  const agent = passive && L.agentPrepositions?.length ? new RegExp(`^.*(?:^|[\\s\\u00a0\\u202f])(?:${L.agentPrepositions.join('|')})[\\s\\u00a0\\u202f]+(.+)$`, 'u').exec(clause) : null;
  const mention = agent ? analyzePhrase(agent[1], L) : passive ? null : openingSubject(ctx, text.slice(start, first.open), 'any');
  return mention ? { mention, cue: after[1], tier: 'sentence', block: first.block, end: first.open } : null;
}
