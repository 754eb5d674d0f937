/**
 * "Sergio Vidal, el conductor del programa, le preguntó por sus ministras. «Son dos personas …»,
 * contestó.": who answers is not who asked. When the antecedent that the pronoun or dropped
 * subject of an answer verb (rules' `answers`) finds was last named in a sentence with a question
 * verb (rules' `asks`), the answer is the previous quote's speaker's (the one asked) if that is
 * someone else and known yet; when the previous quote was the question, another person in a
 * pronoun's reach; else nobody here, and the candidate scorer chooses.
 */

import { type Context, PRONOUN_WINDOW } from '../context';
import type { SpeakerRec } from '../registry';

export function answerer(ctx: Context, cue: string, rec: SpeakerRec, sentence: number): SpeakerRec | null {
  const L = ctx.L;
  if (!L.answers?.includes(cue.toLowerCase().split(/[\s\u00a0\u202f]+/).pop()!)) return rec;
  const block = ctx.offsets.findLastIndex((o) => o <= rec.seen);
  if (block < 0) return rec;
  const pos = Math.max(0, rec.seen - ctx.offsets[block] - 1);
  const text = ctx.units[block].text.slice(ctx.sentenceStart(block, pos), ctx.sentenceEnd(block, pos)).toLowerCase();
  if (!text.split(/[^\p{L}]+/u).some((w) => L.asks?.includes(w))) return rec;
  const asked = ctx.quotes.findLast((q) => q.kind === 'direct')?.rec;
  if (asked !== rec) return asked ?? null;
  // The asker's question was the previous quote: whom else a pronoun there would denote.
  return ctx.registry.pronounTarget(null, sentence, PRONOUN_WINDOW, false, (x) => x.name !== rec.name);
}
