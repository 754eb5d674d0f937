import type { Context } from '../context';
import type { Mention } from '../speakers';
import { wordCount } from '../text';
import { openingSubject } from './subjects';
import type { DirectQuote, Tag } from './types';

/**
 * "Staatssekretär Harald Stegemann bestreitet jede Kenntnis: „…“" / "Aurélie Hannedouche appelle
 * à résister : « … »": a quote opened after a colon that ends its sentence's clause, with no
 * speech verb; the speaker is the sentence's subject when it opens the sentence as a named person
 * (the capitalised words before the first lower-case word) or as a speaker already met.
 */
export function colonTag(ctx: Context, { first: seg }: DirectQuote): Tag | null {
  const text = ctx.units[seg.block].text;
  const start = ctx.sentenceStart(seg.block, seg.open);
  const before = text.slice(start, seg.open);
  // Not a label inside brackets ("(Motto: „…“)").
  if (!/:[\s\u00a0\u202f]*$/.test(before) || before.lastIndexOf('(') > before.lastIndexOf(')')) return null;
  const mention = openingSubject(ctx, before, 'any') ?? label(ctx, before);
  return mention ? { mention, cue: '', tier: 'colon', block: seg.block, end: seg.open } : null;
}

const LABEL = /^[\s\u00a0\u202f]*(\p{Lu}[\p{Ll}’'-]+),[\s\u00a0\u202f]+([^:;.!?«»“”„"]+):[\s\u00a0\u202f]*$/u;
const LABEL_AND_CLAUSE = /^[\s\u00a0\u202f]*(\p{Lu}[\p{Ll}’'-]+),[\s\u00a0\u202f]+([\p{Ll}\d][^,:;.!?«»“”„"]*),[\s\u00a0\u202f]+\p{Ll}[^:;.!?«»“”„"]*:[\s\u00a0\u202f]*$/u;

/**
 * "Inès, 20 ans, étudiante : « … »" / "Paul, Rentner aus Kiel: „…“": a sentence that is a first
 * name, a comma and at most eight words with no speech verb before the colon (`LABEL`): a
 * speaker's label. With a lower-case apposition set off by commas, the clause after it may be
 * longer or hold a speech verb (`LABEL_AND_CLAUSE`: "Mohammed, cadre ferroviaire, a assisté au
 * prêche de vendredi avec ses deux fils et des collègues : « … »"); the limits then hold for the
 * apposition.
 */
function label(ctx: Context, before: string): Mention | null {
  const m = [LABEL, LABEL_AND_CLAUSE].map((re) => re.exec(before)).find((m) => m && wordCount(m[2]) <= 8 && !ctx.P.cues.find(m[2]).length);
  if (!m) return null;
  const w = m[1].toLowerCase();
  const L = ctx.L;
  if ([L.stopWords, L.leadWords, L.timeWords, L.determiners, L.prepositions ?? []].some((list) => list.includes(w))) return null;
  return { kind: 'person', name: m[1], gender: null };
}
