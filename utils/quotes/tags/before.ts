import type { Context } from '../context';
import type { CueKind } from '../cues';
import { cueSubject, gerundSubject } from './cue-subject';
import { droppedSubject } from './dropped-subject';
import type { DirectQuote, Tag } from './types';

/** The kinds of verbs a tag before a quote may have (see cues.ts). */
const KINDS: CueKind[] = ['speech', 'naming', 'gerund'];

/** A speech verb earlier in the quote's sentence: right before the mark (tier before) or further (sentence). */
export function beforeTag(ctx: Context, { first: seg }: DirectQuote): Tag | null {
  const text = ctx.units[seg.block].text;
  const from = Math.max(ctx.sentenceStart(seg.block, seg.open), seg.open - 300, ctx.prevClose(seg));
  const before = text.slice(from, seg.open);
  // The verb nearest the quote: a speech verb, a naming verb ("called the senator a “nasty guy”"),
  // or a gerund whose subject is the sentence's ("Trump attacked Clinton, saying, “…”").
  const m = ctx.P.cues.last(before, KINDS);
  // A past participle with no auxiliary is an adjective ("un libro escrito por …"), not the quote's verb.
  if (!m || ctx.L.participle?.test(m.cue)) return null;
  // "…, pues aseguró que «…»": with no subject before the verb in its clause, the previous speaker's.
  const found = m.kind === 'gerund' ? gerundSubject(ctx, before.slice(0, m.index), seg) : (cueSubject(ctx, before, m) ?? droppedSubject(ctx, before, m) ?? coordinatedSubject(ctx, before.slice(0, m.index)));
  return found ? { ...found, cue: m.cue, block: seg.block, end: seg.open } : null;
}

/**
 * "la fiscal respondió al abogado y afirmó que «…»": a verb after "and" with no subject of its own
 * shares the subject of the speech verb before it in the sentence.
 */
function coordinatedSubject(ctx: Context, left: string) {
  const and = /[\s\u00a0\u202f](\p{L}+)[\s\u00a0\u202f]*$/u.exec(left);
  if (!and || !ctx.L.coordinators?.includes(and[1].toLowerCase())) return null;
  const main = left.slice(0, and.index);
  const prev = ctx.P.cues.last(main, ['speech']);
  return prev && !ctx.L.participle?.test(prev.cue) ? cueSubject(ctx, main, prev) : null;
}
