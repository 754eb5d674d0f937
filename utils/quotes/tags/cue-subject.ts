/** The subject of a speech verb found before a quote, or of the main clause of a gerund. */

import type { Context } from '../context';
import type { CueMatch } from '../cues';
import type { QuoteSegment } from '../marks';
import { cutPhrase, hasDummy, impersonalSource } from '../patterns';
import { analyzePhrase, type Mention } from '../speakers';
import { wordCount } from '../text';
import type { Rule } from '../tiers';
import { leftSubject, openingSubject } from './subjects';

/** A mention and the tier it gives, or null. */
export type Subject = { mention: Mention; tier: Rule } | null;

const tagOf = (mention: Mention | null, tier: Rule): Subject => (mention ? { mention, tier } : null);

/**
 * The subject of a gerund's main clause: the subject of a speech verb before it ("…, a confirmé
 * Xavier Bonhomme, ajoutant que « … »"), else the sentence's opening subject, else the speaker
 * of a quote's tag earlier in the sentence ("« … », a-t-il estimé, soulignant que … « … »").
 */
export function gerundSubject(ctx: Context, main: string, seg: QuoteSegment): Subject {
  const verb = ctx.P.cues.last(main, ['speech']);
  const found = verb ? cueSubject(ctx, main, verb) : null;
  return found ? { ...found, tier: 'sentence' } : tagOf(openingSubject(ctx, main) ?? sentenceSpeaker(ctx, seg), 'sentence');
}

/** The speaker of a tag earlier in the quote's sentence. */
function sentenceSpeaker(ctx: Context, seg: QuoteSegment): Mention | null {
  const last = ctx.lastSpeaker;
  if (!last || last.narrated || last.block !== seg.block || ctx.sentence(seg.block, last.pos - 1) !== ctx.sentence(seg.block, seg.open)) return null;
  const { rec } = last;
  return rec.organisation ? { kind: 'org', name: rec.name } : { kind: 'person', name: rec.name, gender: rec.gender };
}

/**
 * "…, die Gerhard Schröder 1998 zum Ziel erklärt hatte: „…“", "…, wie Jan Weber mitteilte": in a
 * clause opened by a relative pronoun or a conjunction, its verb at the end, a full name right
 * after the opener is the subject.
 */
function subordinateSubject(ctx: Context, clause: string): Mention | null {
  const L = ctx.L;
  const [opener, ...rest] = clause.trim().split(/[\s\u00a0\u202f]+/);
  if (!L.capitalisesNouns || !rest.length || ![L.relatives, L.that, L.tagLinks ?? []].some((list) => list.includes(opener.toLowerCase()))) return null;
  const np = cutPhrase(rest.join(' '), L);
  const m = np ? analyzePhrase(np, L) : null;
  return m?.kind === 'person' && m.name.includes(' ') ? m : null;
}

/**
 * The speaker of the speech verb `m` in `before` (a sentence up to a quote): tier before when
 * the verb sits right before the quote, else sentence.
 */
export function cueSubject(ctx: Context, before: string, m: CueMatch): Subject {
  const gap = before.slice(m.end);
  const adjacent = ctx.P.gap.test(gap);
  const tier: Rule = adjacent ? 'before' : 'sentence';
  const cue = m.cue;
  const tag = tagOf;
  // Before the verb: its subject ("Limbaugh told his audience: “"), or an adverbial that puts the
  // subject after the verb ("Nach einem Besuch sprach der Präsident von „…“", "Gestern sagte X:").
  const left = before.slice(0, m.index);
  const clause = left.split(/,[\s\u00a0\u202f]+/).pop()!;
  const first = clause.trim().split(/[\s\u00a0\u202f]+/).find((w) => !ctx.L.leadWords.includes(w.toLowerCase()));
  const w = first?.toLowerCase() ?? '';
  // A clause opening with an article opens with its subject ("Ein Sprecher sagte:"), not an adverbial.
  // Nothing but an adverb before the verb ("So warnten Vertreter …") puts the subject after it too;
  // after "and" the subject is the previous clause's ("… and calls people “losers”").
  const lead = clause.trim().toLowerCase().split(/[\s\u00a0\u202f]+/);
  const adverbial = (!w && /\p{L}/u.test(clause) && !lead.some((x) => ctx.L.coordinators?.includes(x))) || (!!w && !ctx.L.relatives.includes(w) && !ctx.L.determiners.includes(w) && (ctx.L.stopWords.includes(w) || ctx.L.timeWords.includes(w)));
  // A subordinate clause's opener is a stop word ("wie"), so it counts as adverbial: its subject is tried either way.
  const subject = (adverbial ? null : leftSubject(ctx, left)) ?? subordinateSubject(ctx, clause);
  const addressed = ctx.L.addressed?.includes(cue.toLowerCase().split(/\s+/).pop()!);
  // "sagte Filep Karma:", "a déclaré X :", "said Smith:" — the subject after the verb, unless
  // a subject precedes it (a single word may be a German V2 adverbial: "Dazu sagte X:").
  // "X zitiert den Augenzeugen Y mit den Worten:": the object of a quoting verb is the speaker
  // (past its article, which would otherwise end the phrase).
  const quoting = ctx.L.quoting?.includes(cue.toLowerCase());
  // "So heißt es in dem Schreiben:": the document speaks; "hieß es," alone names no source.
  const imp = ctx.L.impersonal;
  if (imp?.verbs.includes(cue.toLowerCase().split(/\s+/).pop()!)) {
    const dummy = ctx.P.dummy?.exec(gap);
    // Without its dummy subject, after or before it ("in denen es … heißt"), the verb names ("Der Film heißt „Das Boot“").
    if (!dummy && !hasDummy(clause, ctx.L)) return null;
    return tag(impersonalSource([gap.slice(dummy?.[0].length ?? gap.length), clause.trim()], ctx.L), tier);
  }
  // "Asimismo, denuncia que «…»" / "En este sentido, asegura que": an opener ending in a comma
  // right before the verb is no subject; a language that drops subjects speaks for the previous speaker.
  const opener = ctx.L.dropsSubject && /^[^,]+,[\s\u00a0\u202f]*$/.test(left) && !/[«»“”„"]/.test(left) && !ctx.namesSomeone(left);
  if (opener && !(adjacent || addressed ? '' : cutPhrase(gap, ctx.L))) return tag({ kind: 'pronoun', gender: null }, tier);
  const pron = /^[\s\u00a0\u202f]*(\p{L}+)/u.exec(gap)?.[1].toLowerCase();
  if (pron && ctx.L.subjectPronouns?.includes(pron)) return tag({ kind: 'pronoun', gender: ctx.L.pronouns[pron] ?? null }, tier);
  // Past adverbs too ("zitiert dazu Néstor Kirchner mit folgenden Worten:").
  const object = quoting ? gap.replace(ctx.P.skip, '').replace(ctx.P.leadDeterminer, '') : gap;
  const inverted = adjacent || addressed ? '' : cutPhrase(object, ctx.L);
  const after = object.slice(object.indexOf(inverted) + inverted.length);
  const closed = !!inverted && /^[^,:]*[,:][\s\u00a0\u202f]*$/.test(after);
  // "…, a précisé Stuart Bell, rendant hommage au « … »": a name right after the verb, ended by a comma.
  const inverts = !!inverted && !closed && /^,/.test(after) && /(?:^|[,;:])[\s\u00a0\u202f]*$/.test(left);
  // "nannte Trumps Befehl „…“": a phrase right before a naming verb's quoted label is the thing
  // named, no subject ("nannte der Sprecher die Pläne „…“" has both).
  const label = (w: string) => !w || ctx.L.determiners.includes(w.toLowerCase()) || !!ctx.L.labelLinks?.includes(w.toLowerCase());
  const named = !closed && !!ctx.L.naming?.includes(cue.toLowerCase().split(/\s+/).pop()!) && after.trim().split(/[\s\u00a0\u202f]+/).every(label);
  const late = inverted && !named && (closed || adverbial || inverts) ? analyzePhrase(inverted, ctx.L) : null;
  // A one-word clause before the verb may be a German V2 adverbial ("Dazu sagte X:"); an empty one
  // follows the subject's apposition ("Michael Knipper, …, kritisierte die Entscheidung:").
  const weakSubject = !subject || subject.kind === 'role' || (closed && (wordCount(clause) === 1 || (subject.kind !== 'person' && late?.kind === 'person')));
  if (late && (quoting || weakSubject) && (!inverts || late.kind === 'person')) return tag(late, closed ? 'before' : 'sentence');
  // An English adverbial does not invert ("In a Bloomberg interview Trump declared “…”"); else
  // the sentence's opening subject ("Gilles Artigues porte plainte et dénonce un chantage …").
  return tag(subject ?? (adverbial ? leftSubject(ctx, left) : null), tier) ?? tag(openingSubject(ctx, before.slice(0, m.index), true), 'sentence');
}
