/**
 * Reading a tag after a point of a paragraph (a closing mark, or a comma inside a quote): an
 * inverted pronoun, a verb and its subject, a subject and its verb, or a dash and a signature.
 */

import type { Context } from '../context';
import type { CueMatch } from '../cues';
import { cutPhrase, impersonalSource } from '../patterns';
import { analyzePhrase, type Mention, personNames } from '../speakers';
import { wordCount } from '../text';
import type { Tag } from './types';

/** A preposition, maybe a determiner, a word and the capitalised words after it ("sur Twitter", "dans un communiqué"). */
const ADJUNCT = /^[\s\u00a0\u202f]*(\p{Ll}+)[\s\u00a0\u202f]+(?:(\p{Ll}+)[\s\u00a0\u202f]+)?[\p{L}\p{N}][\p{L}\p{N}’'-]*(?:[\s\u00a0\u202f]+\p{Lu}[\p{L}’'-]*)*/u;

/** A separator, then a lower-case word and the next one (an auxiliary and its verb), an elided reflexive before either ("», s’amuse X"). */
const UNLISTED_TAG = /^[\s\u00a0\u202f]*([,—–]?)[\s\u00a0\u202f]*(?:[sS]['’])?(\p{Ll}[\p{L}-]*)(?![\p{L}’'])([\s\u00a0\u202f]+(?:[sS]['’])?(\p{Ll}[\p{L}-]*)(?![\p{L}’']))?/u;

/**
 * The tag at `from` (a closing mark, or a comma inside a quote when `quoteText` is null: then
 * only verb-first and inverted tags, as a subject-first clause inside a quote is quoted speech).
 */
export function readTag(ctx: Context, block: number, from: number, stop: number, quoteText: string | null): Tag | null {
  // "», comme prévenait l'OMS" / "”, as Smith put it": a tag behind a comparative link.
  const link = quoteText === null ? null : ctx.P.link?.exec(ctx.units[block].text.slice(from, stop));
  if (link) from += link[0].length;
  else if (quoteText !== null) from += aside(ctx, ctx.units[block].text.slice(from, stop));
  const after = ctx.units[block].text.slice(from, stop);
  const tag = (np: Mention | null, cue: string, end: number): Tag | null =>
    np ? { mention: np, cue, tier: 'after', block, end: from + end } : null;

  // “A” ― Pamela Padilla: a pull quote signed with a dash and a full name, nothing after it.
  // A signature opens with its capital ("—preguntó el presidente" is a dialogue tag, read below).
  const dash = quoteText === null ? null : /^[\s\u00a0\u202f]*[—―–][\s\u00a0\u202f]*(?=\p{Lu})/u.exec(after);
  if (dash) {
    const np = cutPhrase(after.slice(dash[0].length), ctx.L);
    const m = np ? analyzePhrase(np, ctx.L) : null;
    const end = dash[0].length + np.length;
    if (m?.kind === 'person' && m.name.includes(' ') && /^[\s\u00a0\u202f]*(?:[.,;]|["“«„]|$)/.test(after.slice(end))) {
      return { mention: m, cue: '', tier: 'dash', block, end: from + end };
    }
  }
  const inv = ctx.P.cues.inverted(after);
  if (inv) {
    const pron = inv.pron.toLowerCase();
    return tag({ kind: 'pronoun', gender: ctx.L.pronouns[pron] ?? null }, after.slice(0, inv.end).trim().replace(/^[,;—–-]\s*/, ''), inv.end);
  }
  const passive = quoteText === null ? null : passiveQuoted(ctx, after);
  if (passive) return tag(passive.mention, passive.cue, passive.end);
  const listed = ctx.P.cues.verbFirst(after);
  const unlisted = listed || quoteText === null ? null : unlistedVerb(ctx, after, quoteText);
  const vf = listed ?? unlisted;
  // "„…“, heißt es in dem Schreiben": an impersonal verb and its dummy subject, the document named after them speaks.
  const doc = vf && quoteText !== null ? impersonalDocument(ctx, after, vf) : null;
  if (doc) return tag(doc.mention, vf!.cue, doc.end);
  // "», a indiqué sur Twitter le syndicat": adjuncts between the verb and its subject, when no
  // subject follows the verb itself.
  for (const withAdjuncts of [false, true]) {
    if (!vf) break;
    let skipped = vf.end + ctx.P.skip.exec(after.slice(vf.end))![0].length;
    const adjuncts = withAdjuncts ? pastAdjuncts(ctx, after.slice(skipped)) : 0;
    if (withAdjuncts && !adjuncts) break;
    skipped += adjuncts + ctx.P.skip.exec(after.slice(skipped + adjuncts))![0].length;
    const cue = vf.cue;
    // "„…“, zitierte man Yolanda Alvarez": past an indefinite subject, a quoting verb's object is the one quoted.
    const indefinite = ctx.L.quoting?.includes(cue.toLowerCase()) ? ctx.P.indefinite?.exec(after.slice(skipped)) : null;
    if (indefinite) skipped += indefinite[0].length;
    const rest = after.slice(skipped);
    const addressed = ctx.L.addressed?.includes(cue.toLowerCase().split(/\s+/).pop()!);
    // "„…“, schrieb „Die Zeit“ in einem Nachruf": a title in quotation marks as the subject names a medium.
    const medium = addressed || withAdjuncts ? null : quotedTitle(ctx, rest);
    if (medium) return tag(medium.mention, cue, skipped + medium.end);
    const np = addressed ? '' : cutPhrase(rest, ctx.L);
    // Past adjuncts, or after a verb no list holds, only a subject that ends the clause, or that a
    // relative clause follows ("», philosophe Victor qui soutient la grève").
    const next = rest.slice(rest.indexOf(np) + np.length);
    const ends = !!np && (/^[\s\u00a0\u202f]*(?:[.!?…;,:]|$)/.test(next) || ctx.L.relatives.includes(/^[\s\u00a0\u202f]*(\p{L}+)/u.exec(next)?.[1] ?? ''));
    // Spanish drops the subject ("», dijo."): like a pronoun, the previous speaker.
    const dropped = quoteText !== null && (!adjuncts || !!ctx.L.dropsSubject) && /^[\s\u00a0\u202f]*[.,;]/.test(rest) && (!unlisted || !!ctx.L.tagVerb?.dropped?.test(cue));
    const mention = np && (ends || !(adjuncts || unlisted)) ? analyzePhrase(np, ctx.L) : !np && dropped ? ({ kind: 'pronoun', gender: null } as const) : null;
    const late = addressed ? null : lateSubject(ctx, rest);
    // "», a prévenu le commissaire à l’économie Pierre Moscovici": the name ending the clause.
    if (mention && !(mention.kind === 'role' && late)) return tag(mention, cue, skipped + rest.indexOf(np) + np.length);
    if (late) return tag(late.mention, cue, skipped + late.end);
  }
  const sf = quoteText === null ? null : ctx.P.cues.subjectFirst(after);
  if (sf && quoteText !== null) {
    const rest = after.slice(sf.end);
    const sentenceDone = /[.!?…]$/.test(quoteText);
    if (!(sentenceDone && ctx.P.colonOrThat.test(rest))) {
      // "„…“, hatte VW-Chef Winterkorn in einem Interview erklärt": past an auxiliary, the
      // subject ends at its first adjunct.
      const aux = /^[\p{L}’']+/u.exec(sf.np)?.[0] ?? '';
      const np = ctx.L.aux.includes(aux.toLowerCase()) ? cutPhrase(sf.np.slice(aux.length), ctx.L) : sf.np;
      return tag(analyzePhrase(np, ctx.L), sf.cue, sf.end);
    }
  }
  return null;
}

/** A subject in quotation marks (a newspaper's title, maybe after its article) ending the clause or followed by an adjunct. */
const QUOTED_TITLE = /^[\s\u00a0\u202f]*(?:(\p{Ll}+)[\s\u00a0\u202f]+)?[„“"«»‚]([\p{Lu}\p{N}][^„“”"«»‚‘]{0,50}?)[“”"»«‘](?=[\s\u00a0\u202f]*(?:[.,;:!?]|$|(\p{Ll}+)))/u;

function quotedTitle(ctx: Context, rest: string): { mention: Mention; end: number } | null {
  const L = ctx.L;
  const m = QUOTED_TITLE.exec(rest);
  if (!m || (m[1] && !L.determiners.includes(m[1])) || wordCount(m[2]) > 6) return null;
  // What follows is the clause's end or an adjunct ("in einem Nachruf"), not the verb's object.
  if (m[3] && !(L.prepositions ?? []).includes(m[3]) && !L.stopWords.includes(m[3])) return null;
  // "„Die Zeit“": the title's own article is no part of the name a speaker list shows.
  const name = m[2].trim().replace(ctx.P.leadDeterminer, '').trim();
  return { mention: { kind: 'org', name }, end: m[0].length };
}

/**
 * "„…“, wird Panetta zitiert" / "„…“, wurde der Minister in der Zeitung zitiert": a passive
 * auxiliary, its subject, adjuncts, then a quoting participle ending the clause: the subject is
 * the one quoted.
 */
function passiveQuoted(ctx: Context, after: string): { mention: Mention; cue: string; end: number } | null {
  const L = ctx.L;
  const m = /^[\s\u00a0\u202f]*,?[\s\u00a0\u202f]*(\p{Ll}+)[\s\u00a0\u202f]+/u.exec(after);
  if (!m || !L.passiveAux?.includes(m[1])) return null;
  const clause = /^[^.;:!?«»“”„"]*/u.exec(after.slice(m[0].length))![0];
  const last = /([\p{L}]+)[\s\u00a0\u202f,]*$/u.exec(clause);
  if (!last || !L.quoting?.includes(last[1].toLowerCase())) return null;
  const np = cutPhrase(clause, L);
  const mention = np ? analyzePhrase(np, L) : null;
  return mention && mention.kind !== 'pronoun' ? { mention, cue: `${m[1]} ${last[1]}`, end: m[0].length + clause.length } : null;
}

/** After an impersonal verb and its dummy ("heißt es"), the document or body its place names, up to the clause's end. */
function impersonalDocument(ctx: Context, after: string, vf: CueMatch): { mention: Mention; end: number } | null {
  if (!ctx.L.impersonal?.verbs.includes(vf.cue.toLowerCase())) return null;
  const dummy = ctx.P.dummy?.exec(after.slice(vf.end));
  if (!dummy) return null;
  const from = vf.end + dummy[0].length;
  const clause = /^[^.;:!?«»“”„"]*/u.exec(after.slice(from))![0];
  const source = impersonalSource([clause], ctx.L);
  return source?.kind === 'org' ? { mention: source, end: from + clause.length } : null;
}

/**
 * "», sourit Victor" / "”, espetó el ministro" / "», a tonné le maire": after the quote's comma
 * (or dash), one lower-case word of the language's verb shape (rules' tagVerb), past an
 * auxiliary or an elided reflexive; not a function word. The caller requires a subject that
 * ends the clause, or none where the language drops it.
 */
function unlistedVerb(ctx: Context, after: string, quoteText: string): CueMatch | null {
  const L = ctx.L;
  if (!L.tagVerb) return null;
  const m = UNLISTED_TAG.exec(after);
  if (!m || (!m[1] && !quoteText.endsWith(','))) return null;
  const aux = !!m[4] && (L.aux.includes(m[2]) || !!L.clitics?.includes(m[2]));
  const verb = aux ? m[4] : m[2];
  const end = aux ? m[0].length : m[0].length - (m[3]?.length ?? 0);
  const fn = [L.stopWords, L.determiners, L.prepositions ?? [], L.that, L.relatives, L.coordinators ?? [], L.leadWords, L.timeWords, L.adverbs, L.negations, L.reported.pre, Object.keys(L.pronouns), Object.keys(L.reported.pronouns ?? {})];
  if (!L.tagVerb.shape.test(verb) || fn.some((list) => list.includes(verb))) return null;
  return { index: end - verb.length, end, cue: verb };
}

/** A comma, then a phrase opening with a lower-case word, up to the next comma. */
const ASIDE = /^[\s\u00a0\u202f]*,[\s\u00a0\u202f]*(\p{Ll}+)[\s\u00a0\u202f][^,.;:!?«»“”„"()]{1,80}?(?=,)/u;

/**
 * "», dans le discours du gouvernement, explique X": an adjunct set off by commas between the
 * quote and a tag that opens with its verb. Returns its length (the tag's comma after it), or 0.
 */
function aside(ctx: Context, after: string): number {
  const m = ASIDE.exec(after);
  if (!m || !ctx.L.prepositions?.includes(m[1])) return 0;
  const rest = after.slice(m[0].length);
  return ctx.P.cues.verbFirst(rest) || ctx.P.cues.inverted(rest) ? m[0].length : 0;
}

/**
 * Where the prepositional adjuncts (two at most) opening `text` end ("sur Twitter", "dans un
 * communiqué", "à l'AFP", "in einer Erklärung"), or 0: a preposition, a determiner, then one word
 * and the capitalised words after it.
 */
function pastAdjuncts(ctx: Context, text: string): number {
  const L = ctx.L;
  let end = 0;
  for (let n = 0; n < 2; n++) {
    const m = ADJUNCT.exec(text.slice(end));
    if (!m || !L.prepositions?.includes(m[1]) || (m[2] && !L.determiners.includes(m[2]))) break;
    // The determiner starts the subject itself ("a déclaré à son tour le ministre"): not an adjunct word.
    const word = m[0].trimEnd().split(/[\s\u00a0\u202f]+/).pop()!.toLowerCase();
    if (L.determiners.includes(word)) break;
    end += m[0].length;
  }
  return end;
}

/**
 * An inverted subject after an adjunct ("», avait indiqué à l'AFP Savera Mosnier, habitante"):
 * the clause after the verb ends with a full name, optionally with its role before it.
 */
function lateSubject(ctx: Context, rest: string): { mention: Mention; end: number } | null {
  // One apposition too: "», avait répondu à l'AFP son avocat, André Buffard".
  const clause = /^[^,.;:!?«»“”„"()]*(?:,[\s\u00a0\u202f]+\p{Lu}[^,.;:!?«»“”„"()]*)?/u.exec(rest)![0].trimEnd();
  if (wordCount(clause) > 12) return null;
  const names = personNames(clause, ctx.L);
  const name = names[names.length - 1];
  if (!name || !clause.endsWith(name)) return null;
  // "», destacó en Onda Cero": a name right after a preposition is its object, not the subject;
  // so is one after a preposition and a role noun ("», confie l'artiste à la journaliste Anne Roux").
  const L = ctx.L;
  const before = clause.slice(0, clause.length - name.length).trim().toLowerCase().split(/[\s\u00a0\u202f]+/);
  const [prep, det, role] = before.slice(-3);
  if (L.prepositions?.includes(before[before.length - 1])) return null;
  if (!L.capitalisesNouns && L.roleNoun?.test(role ?? '') && L.prepositions?.includes(prep) && L.determiners.includes(det)) return null;
  return { mention: { kind: 'person', name, gender: null }, end: clause.length };
}

