/**
 * The speakers a reader is shown in "Who is quoted": after attribution, each speaker is settled
 * into a person or a body the article names, or into a description with no name.
 *
 * - A surname alone, or a name cut at a hyphen, takes the one full name the article gives for it
 *   ("Apte" → "Joshua Apte"); words around a name that are no part of it go ("14th-ranked
 *   Schwartzman", "Mme Borne a par ailleurs").
 * - A role alone takes the person the article names in that role ("le chef de l'État, Emmanuel
 *   Macron"; "la journaliste bretonne Morgan Large"); a role whose holder the article never names
 *   ("expert", "la rédaction") is a description (`described`): its quotes keep it as their label,
 *   it is not listed among the persons and bodies.
 * - A name after a role's preposition is that role's complement, not the speaker ("l'avocate de
 *   Maïwenn Le Besco"); after an elision it opens the role ("ministre de l'Intérieur Gérald Darmanin").
 * - A document speaks for the body that issued it ("le communiqué de la préfecture"); a body
 *   cut short takes back the words the article writes around it ("News Agency" → "Xinhua News
 *   Agency", "ministère des Affaires" → "ministère des Affaires étrangères").
 * - Speakers that settle on the same entity become one; direct quotes whose spans overlap
 *   become one quote.
 *
 * Only the shape of the words and the article's own mentions are read; language facts come from
 * the language's rules (titles, determiners, prepositions, organisation and source nouns).
 */

import type { Quote, Speaker } from '../types';
import type { LangData } from './rules/types';
import type { Unit } from './attribute';
import { capitalised, ELISION, isFunctionWord, isPreposition, isTitle, Mentions, SPACE, trimName } from './mentions';
import { key, lower } from './text';
import type { SpeakerRec } from './registry';

/** What a speaker settles on: a named entity, or a description with no name (`role`). */
type Settled = { name: string; role?: string; organisation?: boolean; described?: boolean } | { unnamed: true; role: string };

/**
 * A role as a reader would read it: no determiner at its head, no lone title ("Mr.", "Mme"), no
 * clause ("has", "who will be …", "qui travaille …"), no preposition left hanging ("avocate de").
 */
export function cleanRole(role: string | undefined, L: LangData, name?: string): string | undefined {
  if (!role) return undefined;
  let words = role.trim().split(SPACE).filter(Boolean);
  // A name completed past the role's end ("spokesperson for the British" of "British Foreign
  // Office"): its first words leave the role, with the preposition and determiner before them.
  const head = name?.split(SPACE) ?? [];
  const cut = head.findLastIndex((_, n) => n < words.length && words.slice(words.length - n - 1).join(' ') === head.slice(0, n + 1).join(' ')) + 1;
  if (cut) {
    words = words.slice(0, words.length - cut);
    while (words.length > 1 && (L.determiners.includes(lower(words[words.length - 1])) || isPreposition(words[words.length - 1], L))) words.pop();
  }
  while (words.length && L.determiners.includes(lower(words[0]))) words.shift();
  // A relative clause is no part of the role ("député socialiste … qui a également voté contre").
  const clause = words.findIndex((w, i) => i > 0 && (L.relatives.includes(lower(w)) || L.that.includes(lower(w))));
  if (clause > 0) words = words.slice(0, clause);
  if (!words.length) return undefined;
  const first = lower(words[0]);
  const last = lower(words[words.length - 1]);
  // "2018 survey by Penelope": a date or a number opens no role.
  if (/^\p{N}/u.test(first)) return undefined;
  if (words.length === 1 && isTitle(words[0], L) && (words[0].endsWith('.') || first.length <= 3)) return undefined;
  if (isFunctionWord(first, L) || isPreposition(first, L) || isPreposition(last, L) || L.determiners.includes(last) || /^[lLdD]['’]$/.test(last)) return undefined;
  return words.join(' ');
}

/** What one speaker settles on. */
function settle(rec: SpeakerRec, M: Mentions, L: LangData): Settled {
  const words = rec.name.split(SPACE).filter(Boolean);
  const description = (): Settled => ({ unnamed: true, role: rec.name });
  // A plural common noun alone ("les autorités", "Authorities say") is a group, not a named body:
  // written in lower case elsewhere, or the plural of a body noun.
  const w = lower(words[0]);
  const singulars = [w.slice(0, -1), w.slice(0, -2), w.replace(/ies$/, 'y')];
  if (words.length === 1 && /\p{Ll}[sx]$/u.test(words[0]) && (M.common(words[0]) || singulars.some((x) => L.orgWords.includes(x)))) return description();
  // A name at the end of a lower-case phrase ("inspecteur de police Zakir Hossain", "un certain
  // Éric Caire"): the person, the phrase before it their role when it is more than a word.
  const first = words.findLastIndex((w) => !capitalised(w) && !L.nameParticles.includes(w)) + 1;
  // Not after a preposition: "l'avocate de Maïwenn Le Besco" is the lawyer, not Maïwenn Le Besco.
  // A name particle that is also a preposition ("de") opening the run is that preposition.
  const afterPreposition = isPreposition(words[first - 1] ?? '', L) || isPreposition(words[first] ?? '', L);
  const lowerHead = words.slice(0, first).every((w) => !capitalised(w)) && !afterPreposition && !ELISION.test(words[first] ?? '');
  const run = first > 0 && first <= words.length - 2 && lowerHead && !L.capitalisesNouns ? trimName(words.slice(first).map((w) => w.replace(ELISION, '')).join(' '), L) : null;
  if (run) {
    const role = words.slice(0, first);
    return { name: M.fullNameOf(run) ?? run, role: role.length > 1 ? role.join(' ') : undefined };
  }
  // A role, or a phrase with no name: the person the article names in it, if any.
  // A job noun is one as written in lower case ("geologist", not the name "Taylor").
  const titled = (w: string) => isTitle(w, L) || !!L.roleNoun?.test(w) || !!L.roleSuffix?.test(key(w));
  const of = words.findIndex((w, i) => i > 0 && (isPreposition(w, L) || ELISION.test(w)));
  // Only a role or a body is held ("la journaliste", "le chef de l'État", "the group, WeWorkers
  // Coalition,"); "el estudio, Estados Unidos" lists two things.
  if (titled(words[0]) || rec.organisation) {
    const holder = M.holderOf(rec.name);
    if (holder) return rec.organisation && !titled(words[0]) ? { name: holder, organisation: true } : { name: M.fullNameOf(holder) ?? holder, role: rec.name };
  }
  // A lower-case head that is no title, role or body, then a complement naming a body ("le
  // communiqué de la préfecture"): the body speaks. Without a body noun it is a description
  // ("la rédaction de Splann", "líder de Podemos" is the leader, not the party), and a source
  // ("source du Quai") stays a source.
  const head = words.slice(0, Math.max(0, of));
  if (of > 0 && !capitalised(words[0]) && !head.some(titled) && !L.orgWords.includes(key(words[0]))) {
    if (!rec.organisation || head.some((w) => L.unnamedWords.includes(key(w)))) return description();
    const rest = words.slice(of);
    if (ELISION.test(rest[0])) rest[0] = rest[0].slice(2);
    else rest.shift();
    while (rest.length > 1 && L.determiners.includes(lower(rest[0]))) rest.shift();
    if (ELISION.test(rest[0] ?? '')) rest[0] = rest[0].slice(2);
    const body = rest.some((w) => L.orgWords.includes(key(w)));
    if (rest.length && (capitalised(rest[0]) || L.orgWords.includes(key(rest[0])))) return { name: rest.join(' '), organisation: body || rest.length === 1 || undefined };
    return description();
  }
  // A role whose holder the article does not name is a description ("expert", "neo-bank CEO");
  // "the 14th-ranked Schwartzman" is a name after words that describe it.
  if (rec.roleOnly) {
    // A capitalised word that is no complement of the role ("du Kremlin", "de la Culture") is a name.
    const named = words.some((w, i) => capitalised(w) && !titled(w) && !ELISION.test(w) && (i === 0 || !(isPreposition(words[i - 1], L) || L.determiners.includes(lower(words[i - 1])))));
    return named && !L.capitalisesNouns ? settlePerson(rec, words, M, L) : description();
  }
  if (rec.organisation) {
    // A body is named by a capital ("Insee", "ministère de l'Intérieur") or by its noun ("la
    // police", "l'armée israélienne"), not by a noun with a common complement ("group of employees").
    // Its noun is the phrase's head: first where adjectives follow the noun, last elsewhere ("the
    // office release" is a release, not an office).
    const noun = L.adjectivesFollow ? words[0] : words[words.length - 1];
    // A body noun after a common modifier ("the production company", "the health commission")
    // refers back to a body the article named, not one the reader could tell by these words.
    const modified = !L.adjectivesFollow && !L.capitalisesNouns && words.length > 1;
    const common = !words.some(capitalised) && (!L.orgWords.includes(key(noun)) || of > 0 || modified);
    // A title at the head is a person's role, whatever its capitals ("one neo-bank CEO").
    if (common || (words.length > 1 && titled(noun)) || (capitalised(words[0]) && !L.adjectivesFollow && M.qualifies(rec.name))) return description();
    return { name: M.fullBodyName(rec.name) ?? (words.length === 1 ? M.bodyWithComplement(words[0]) : null) ?? rec.name, organisation: true };
  }
  return settlePerson(rec, words, M, L);
}

function settlePerson(rec: SpeakerRec, words: string[], M: Mentions, L: LangData): Settled {
  let role = rec.role;
  // The role's words before a possessive that ends it ("Health authorities in" of "… in China’s").
  const roleWords = role?.split(SPACE) ?? [];
  while (roleWords.length > 1 && /\p{L}[’']s?$/u.test(roleWords[roleWords.length - 1])) roleWords.pop();
  // "Intérieur Gérald Darmanin": the article writes "ministre de l'Intérieur Gérald Darmanin",
  // the word after the elision is the role's.
  const at = [...M.find(words.join(' '))];
  if (words.length >= 3 && at.length && at.every(([t, i]) => ELISION.test(M.texts[t].slice(Math.max(0, i - 2), i + 1)))) {
    const [t, i] = at[0];
    role = `${M.roleBefore(t, i - 2)}${M.texts[t].slice(i - 2, i)}${words.shift()}`;
  } else if (role && isPreposition(roleWords[roleWords.length - 1], L) && !M.find(`${role} ${words.join(' ')}`).next().done) {
    // "avocate de" + "Maïwenn Le Besco", written together: the speaker is whoever holds the role
    // ("Health authorities in China’s Inner Mongolia": the authorities).
    const phrase = `${role} ${words.join(' ')}`;
    const holder = M.holderOf(phrase);
    return holder ? { name: holder, role: phrase } : { unnamed: true, role: phrase };
  }
  // Lower-case words before the name describe it ("14th-ranked Schwartzman", "certain Éric
  // Caire"), unless they make a group of it ("70 percent of Americans").
  let i = 0;
  while (i < words.length - 1 && !capitalised(words[i])) i++;
  if (words.slice(0, i).some((w) => isPreposition(w, L))) return { unnamed: true, role: rec.name };
  let name = words.slice(i);
  // A clause after the name ("Mme Borne a par ailleurs") opens with a verb or a function word;
  // other lower-case words after it make a description ("Washington-based trade expert").
  let end = name.length;
  while (end > 1 && !capitalised(name[end - 1]) && !L.nameParticles.includes(lower(name[end - 1]))) end--;
  const clause = name[end];
  if (clause && !(isFunctionWord(clause, L) || L.verbs.includes(lower(clause)) || L.adverbs.includes(lower(clause)))) return { unnamed: true, role: rec.name };
  name = name.slice(0, end);
  // A sentence's first word glued to the name ("Despite Mr. Trump…", "Developer Valve called…": a
  // function word, a word the article writes in lower case, or a role noun where roles have a
  // shape of their own), not a particle that opens a surname ("Von der Leyen betonte…").
  if (name.length > 1 && !L.nameParticles.includes(lower(name[0])) && M.opensSentenceOnly(name[0]) && M.onlyAtSentenceStart(name.join(' '))) name = name.slice(1);
  while (name.length > 1 && isTitle(name[0], L)) name = name.slice(1);
  // A lone title ("Mr") names nobody.
  if (!name.some(capitalised) || (name.length === 1 && isTitle(name[0], L))) return { unnamed: true, role: rec.name };
  // "Le Monde", "La France": a capitalised determiner opens the name of a body or a place.
  const organisation = name.length > 1 && L.determiners.includes(lower(name[0])) && !L.nameParticles.includes(name[0]);
  const written = name.join(' ');
  // Always written after a role and its preposition ("l'avocat de Paul Garnier"): the role holder spoke.
  const complement = M.complementOf(written, (w) => isTitle(w, L) || !!L.roleNoun?.test(w));
  if (complement) {
    const phrase = `${complement} ${written}`;
    const holder = M.holderOf(phrase);
    return holder ? { name: holder, role: phrase } : { unnamed: true, role: phrase };
  }
  // "News Agency", "Liberation Army": a body's name, cut; the article writes it whole.
  if (name.some((w) => L.orgWords.includes(key(w)))) return { name: M.fullBodyName(written) ?? written, organisation: true };
  return { name: (!organisation && M.fullNameOf(written)) || written, role: cleanRole(role, L), organisation: organisation || undefined };
}

/**
 * The speakers and quotes to show: every speaker settled (see the top of this file), speakers
 * on one entity merged, descriptions marked, overlapping direct quotes merged.
 */
export function settleSpeakers(quotes: Quote[], speakers: SpeakerRec[], units: Unit[], L: LangData): { quotes: Quote[]; speakers: Speaker[] } {
  const M = new Mentions(
    units.map((u) => u.text),
    L,
  );
  const byId = new Map(quotes.map((q) => [q.id, q]));
  const out: Speaker[] = [];
  /** The entity each quote went to. */
  const owner = new Map<string, Speaker>();
  for (const rec of speakers) {
    if (!rec.quoteIds.length) continue;
    const settled = settle(rec, M, L);
    // A description keeps its words as the quotes' label; it is not listed as a person or body.
    const s = 'unnamed' in settled ? { name: settled.role, described: true } : settled;
    // One entity: the same name (whichever kind each mention suggested), or a surname alone —
    // last, or one word first as in "Liu" of "Liu Xiaming" — and the full name with it (the full
    // name stays).
    const partOf = (part: string, full: string) => full.endsWith(` ${part}`) || (!part.includes(' ') && full.startsWith(`${part} `));
    const same = (o: Speaker) =>
      !o.described === !s.described &&
      (lower(o.name) === lower(s.name) || (!o.organisation && !s.organisation && (partOf(s.name, o.name) || partOf(o.name, s.name))));
    let entity = out.find(same);
    // Named as a person once, it is a person ("Jim Bridenstine" read as a body from one tag).
    if (entity?.organisation && !s.organisation) delete entity.organisation;
    if (!entity) {
      entity = { name: s.name, aliases: [], quoteIds: [] };
      if (s.organisation) entity.organisation = true;
      if (s.described) entity.described = true;
      out.push(entity);
    } else if (s.name.length > entity.name.length) {
      entity.aliases.push(entity.name);
      entity.name = s.name;
    }
    // A person the article also calls by a job noun alone ("l'artiste", speakers.ts) holds that role.
    const role = cleanRole(s.role ?? rec.role ?? (s.organisation ? undefined : rec.aliases.find((a) => !capitalised(a))), L, s.name);
    if (role && !entity.role) entity.role = role;
    for (const alias of [rec.name, ...rec.aliases]) if (alias !== entity.name && !entity.aliases.includes(alias)) entity.aliases.push(alias);
    for (const id of rec.quoteIds) owner.set(id, entity);
  }
  // Quotes take their entity's final name and role (a later full name may have renamed it).
  for (const [id, e] of owner) {
    const q = byId.get(id)!;
    q.speaker = e.name;
    if (e.role) q.role = e.role;
    else delete q.role;
  }
  // A merged quote keeps the first one's id and the surer one's speaker.
  const merged = mergeOverlaps(quotes, new Map(units.map((u) => [u.id, u.text])));
  for (const q of merged) {
    const e = q.speaker === null ? undefined : owner.get(q.id)?.name === q.speaker ? owner.get(q.id) : out.find((o) => o.name === q.speaker);
    e?.quoteIds.push(q.id);
  }
  return { quotes: merged, speakers: out.filter((e) => e.quoteIds.length) };
}

/**
 * Direct quotes in one block whose spans overlap are one quote (marks nested or repeated in the
 * source): the span of both, the speaker of the surer one. Reported statements may overlap: each
 * has its own source ("selon le ministère, 380 000 (1,3 million selon la CGT)").
 */
export function mergeOverlaps(quotes: Quote[], texts: Map<string, string>): Quote[] {
  const out: Quote[] = [];
  for (const q of quotes) {
    const other = q.kind === 'direct' ? out.find((o) => o.blockId === q.blockId && o.kind === q.kind && o.start < q.end && q.start < o.end) : undefined;
    if (!other) {
      out.push(q);
      continue;
    }
    const [start, end] = [Math.min(other.start, q.start), Math.max(other.end, q.end)];
    const sure = other.speaker !== null && (q.speaker === null || other.confidence >= q.confidence) ? other : q;
    Object.assign(other, { ...sure, id: other.id, start, end, text: texts.get(q.blockId)?.slice(start, end) ?? other.text });
  }
  return out;
}
