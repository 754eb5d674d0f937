/**
 * Speaker phrases: a tag's subject ("le porte-parole du Kremlin Dmitry Peskov") becomes a name and
 * a role; the names, roles and persons a text mentions; whether a speaker is shaped as an entry a
 * reader would accept. The registry that remembers them is registry.ts.
 */

import type { Gender, LangData } from './rules/types';
import type { SpeakerRec } from './registry';
import { isUpper, key, lower } from './text';

export type Mention =
  | { kind: 'person'; name: string; role?: string; gender: Gender | null }
  | { kind: 'org'; name: string }
  | { kind: 'role'; name: string; gender: Gender | null; anaphoric?: 'role' | 'description' }
  | { kind: 'pronoun'; gender: Gender | null }
  | { kind: 'unnamed' };

const MAX_WORDS = 14;
/** Indefinite determiners: "une source policière" is one source, known by its kind. */
const INDEFINITE = new Set(['a', 'an', 'one', 'un', 'une', 'ein', 'eine', 'einer', 'einem', 'einen', 'una', 'uno']);
const MAX_ORG_WORDS = 8;
/** A title or rank ("Gen.", "ministre"), or in German a role noun ("Innenminister", "Sprecherin"). */
export const isTitleWord = (w: string, L: LangData) => key(w) in L.titles || !!L.roleSuffix?.test(key(w));
/** A title, or a job noun by its shape where nouns are not all capitalised ("porte-parole", "portavoz"). */
export const isJobNoun = (w: string, L: LangData) => key(w) in L.titles || (!L.capitalisesNouns && !!L.roleNoun?.test(key(w)));
/** A title or role noun, declined too ("Finanzexperten" before "Paul Kirchner"). */
const isDeclinedTitleWord = (w: string, L: LangData) => isTitleWord(w, L) || !!L.caseEndings?.some((e) => key(w).endsWith(e) && isTitleWord(key(w).slice(0, -e.length), L));
const isNameWord = (w: string) => isUpper(w[0]) && !/^\p{Lu}+$/u.test(w.replace(/[.\-’']/g, '')) || /^\p{Lu}\.?$/u.test(w);

/**
 * Reads a speaker phrase. Returns null when the phrase does not look like a speaker (a clause,
 * an empty string, too many words).
 */
export function analyzePhrase(raw: string, L: LangData): Mention | null {
  let words = raw.replace(/[\s\u00a0\u202f]*\([^)]*\)/g, '').replace(/[()]/g, '').trim().replace(/[,;:]+$/, '').split(/[\s\u00a0\u202f]+/).filter(Boolean);
  while (words.length && L.leadWords.includes(lower(words[0]))) words = words.slice(1);
  if (words.length > 1 && L.mannerAdverb?.test(words[words.length - 1]) && !L.determiners.includes(lower(words[words.length - 2]))) words = words.slice(0, -1);
  // "Obama’s" names what is his, not a speaker; "Die CCE bestätigte … nicht und" is a clause.
  const last = words[words.length - 1];
  if (!words.length || words.length > MAX_WORDS || /[’']s$/.test(last) || L.stopWords.includes(lower(last))) return null;
  if (words.length === 1 && lower(words[0]) in L.pronouns) return { kind: 'pronoun', gender: L.pronouns[lower(words[0])] };
  // A lone abbreviation ("Inc.", "Jr.", "Calif.") ends the part before its comma: it names nobody.
  if (words.length === 1 && /^\p{Lu}\p{Ll}{1,4}\.$/u.test(words[0]) && !(key(words[0]) in L.titles)) return null;
  // A website or an acronym speaks as an organisation ("indique maintiendelordre.fr", "the IMF", "la LDH").
  if (words.length === 1 && /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{Ll}{2,4}$/u.test(words[0])) return { kind: 'org', name: words[0] };

  let gender: Gender | null = null;
  const det = lower(words[0]).replace(/’/g, "'");
  const hadDeterminer = L.determiners.includes(det) || /^l['’]/i.test(words[0]);
  if (/^l['’]./i.test(words[0])) words[0] = words[0].slice(2);
  else if (hadDeterminer) {
    gender = L.determinerGender?.[det] ?? null;
    words = words.slice(1);
  }
  // "la también portavoz", "el ahora presidente": an adverb between the determiner and its noun.
  while (hadDeterminer && words.length > 1 && L.adverbs.includes(lower(words[0]))) words = words.slice(1);
  if (!words.length) return null;
  if (words.length === 1 && /^\p{Lu}{2,}$/u.test(words[0].replace(/[’']s$/, ''))) return { kind: 'org', name: words[0] };
  // "Dmitry Peskov, porte-parole du Kremlin": an apposition after a comma is the role.
  const text = words.join(' ');
  const comma = text.indexOf(', ');
  if (comma > 0) {
    const [a, b] = [text.slice(0, comma), text.slice(comma + 2)];
    const first = analyzePhrase(a, L);
    const second = analyzePhrase(b, L);
    if (first?.kind === 'person' && !first.role) return { ...first, role: stripDeterminer(b, L) };
    if (second?.kind === 'person') return { ...second, role: second.role ?? stripDeterminer(a, L) };
    return first;
  }

  // "Yolanda Alvarez vom Sender RTVE": a full name, then the body the person speaks for.
  const of = words.findIndex((_, i) => i >= 2 && L.affiliations?.some((a) => lower(words.slice(i, i + a.split(' ').length).join(' ')) === a));
  const person = of > 0 ? analyzePhrase(words.slice(0, of).join(' '), L) : null;
  if (person?.kind === 'person' && person.name.includes(' ')) return { ...person, role: person.role ?? words.slice(of).join(' ') };
  const name = trailingName(words, L);
  const head = lower(words[0]);
  if (name) {
    const role = words.slice(0, words.length - name.words.length).join(' ');
    const title = name.titleGender ?? L.titles[head.replace(/\.$/, '')] ?? gender;
    // "the Pentagon", "The New York Post", "le ministère russe de la Défense": organisations.
    const orgHead = hasOrgWord(text, L);
    if (!role && hadDeterminer && !L.capitalisesNouns) return { kind: 'org', name: text };
    // "Committee to Protect Journalists": a name joined to its organisation noun is the organisation's.
    const connector = words.length - name.words.length - 1;
    const joined = L.orgConnectors?.includes(lower(words[connector] ?? ''));
    // "a study by the Centre for Economic Policy Research": an organisation noun and the
    // capitalised words before the connector begin the body's name, the words before them are no
    // part of it ("Secretary of State Mike Pompeo" is a person: no organisation noun before "of").
    let from = connector;
    while (joined && from > 0 && isUpper(words[from - 1][0])) from--;
    if (joined && from > 0 && from < connector && L.orgWords.includes(lower(words[connector - 1])) && !name.titled) return { kind: 'org', name: words.slice(from).join(' ') };
    if (orgHead && (!role || name.words.length < 2 || joined) && !name.titled) return { kind: 'org', name: text };
    // "BBC News", "ARD Tagesschau": an acronym and one more name word, no title between, is a medium.
    if (/^\p{Lu}{2,}$/u.test(words[0]) && words.length === 2 && name.words.length === 1 && !name.titled && !(lower(name.words[0]) in L.titles)) return { kind: 'org', name: text };
    return { kind: 'person', name: name.words.join(' '), role: role || undefined, gender: title ?? null };
  }
  // "les sources", "officials": unnamed; "une source policière", "a campaign aide": one source, by its kind.
  if (!INDEFINITE.has(det) && L.unnamedWords.some((u) => words.some((w) => key(w) === u))) return { kind: 'unnamed' };
  // With no name and no complement, an indefinite source ("one legal expert", "a local police
  // source") is not identified: unnamed, not an entry of "Who is quoted". With a complement it is
  // known by its role ("a spokesman for the ministry", "ein Sprecher des Ministeriums"), with a
  // capitalised word by its source ("a new report by Politico").
  if (INDEFINITE.has(det) && !words.some((w) => isUpper(w[0]) || (L.prepositions ?? []).includes(lower(w)) || NAME_JOINERS.has(lower(w)))) return { kind: 'unnamed' };
  // Not a clause fragment ("sponsored by NBC News and"): an organisation phrase starts with a
  // determiner or a capital, is short, and has no role at its head ("le directeur général du Conseil").
  if (hasOrgWord(text, L) && (hadDeterminer || isUpper(words[0][0]) || (L.capitalisesNouns && words.length > 1 && isUpper(words[words.length - 1][0]))) && !(head in L.titles) && words.length <= MAX_ORG_WORDS) return { kind: 'org', name: text };
  // A role noun alone ("the spokesman", "la ministre"): kept as it is written; may merge later.
  // Without a determiner or a title it is more likely a stray clause fragment than a speaker.
  // German capitalises every noun: there a role needs a role word, past its adjectives ("der
  // Oberkommandierende General der US-Streitkräfte"), not just an article.
  const titled = head in L.titles || (L.capitalisesNouns && words.some((w) => isTitleWord(w, L)));
  // Lower-case words after a German role noun are the clause going on ("Der 58-Jährige habe darin").
  const suffix = L.roleSuffix;
  const r = suffix ? words.findLastIndex((w) => suffix.test(key(w))) : -1;
  if (r >= 0 && words.slice(r + 1).every((w) => !isUpper(w[0]))) words = words.slice(0, r + 1);
  if (words.length > 6 || !/^[\p{L}\p{N}]/u.test(words[0]) || !(titled || (hadDeterminer && !L.capitalisesNouns))) return null;
  const role: Mention = { kind: 'role', name: words.join(' '), gender: gender ?? L.titles[head] ?? null };
  // "l'artiste", "le chef de l'État": a definite title or job noun refers back to someone named.
  const job = isJobNoun(head, L);
  if (L.anaphoricDeterminers?.includes(det.replace(/^(l').+/, '$1')) && job) role.anaphoric = 'role';
  // "esta mujer de 60 años": a demonstrative before a noun for a person points back, whatever the role.
  else if (L.demonstratives?.includes(det) && (job || L.personNouns?.includes(head))) role.anaphoric = 'description';
  return role;
}

/**
 * The phrase contains an organisation noun: as a word ("the Justice Department"), or in German
 * as the end of a compound ("Innenministerium", "Staatsanwaltschaft").
 */
function hasOrgWord(text: string, L: LangData): boolean {
  let re = orgRe.get(L);
  if (!re) {
    const alt = L.orgWords.map((o) => o.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    re = L.capitalisesNouns ? new RegExp(`(?:${alt})(?:s|es|en)?[ -]`) : new RegExp(`[ -](?:${alt})s? `);
    orgRe.set(L, re);
  }
  return re.test(` ${lower(text)} `);
}
const orgRe = new WeakMap<LangData, RegExp>();

/** A word of a name: "Ford", "McCarthy", "O’Brien", "De’Broski", "Jean-Louis". */
const NAME_WORD = String.raw`\p{Lu}(?:\p{Ll}+(?:['’]?\p{Lu}\p{Ll}+)?|['’]\p{Lu}\p{Ll}+)(?:-\p{Lu}\p{Ll}+)*`;
/** A first and last name ("Aurélie Hannedouche", "Jean-Louis Borloo", not "Sainte-Soline"). */
const FULL_NAME = new RegExp(`${NAME_WORD}(?:\\s${NAME_WORD})+`, 'gu');
const isFunctionWord = (w: string, L: LangData) =>
  [L.determiners, L.leadWords, L.stopWords, L.timeWords, L.prepositions ?? []].some((list) => list.includes(lower(w))) || lower(w) in L.pronouns;

/**
 * The full names a text mentions (possible speakers, pronoun antecedents). German capitalises
 * nouns, so there a run of capitalised words is a name only when no article precedes it (or a
 * role noun does: "der Innenminister Nicolas Sarkozy" → "Nicolas Sarkozy") and no word has a
 * noun ending.
 */
export function personNames(text: string, L: LangData): string[] {
  return nameRuns(text, L).map((r) => r.name);
}

export function nameRuns(text: string, L: LangData): { name: string; start: number; end: number }[] {
  const out: { name: string; start: number; end: number }[] = firstNames(text, L);
  let covered = 0;
  for (const m of text.matchAll(FULL_NAME)) {
    if (m.index < covered) continue;
    // "María Dolores de Cospedal": a surname after particles goes on a run of two name words.
    const tail = particleTail(L)?.exec(text.slice(m.index + m[0].length))?.[0] ?? '';
    const end = m.index + m[0].length + tail.length;
    covered = end;
    // "Stefano Rellandini / AFP", "Jean Dupont © AFP", "LP / Jean Dupont": a photo credit names who
    // took the picture, no speaker; after a number it is a unit ("13 Millionen Euro", "50 Grad Celsius").
    if (/^\s*(?:\/\s*\p{Lu}|©)/u.test(text.slice(end, end + 4)) || /(?:\d[\s\u00a0]+|\/[\s\u00a0]*)$/u.test(text.slice(Math.max(0, m.index - 3), m.index))) continue;
    let words = m[0].split(/\s+/);
    // At a sentence or clause start, also after a closing mark, a capitalised function word is no
    // part of the name ("The White House", "(AP) — To LeBron James,", "… machen.“ Die Arbeitsagenturen").
    if (/(?:^[“”"»«]?\s*|[.!?\n—–][“”"»«]?\s)$/.test(text.slice(Math.max(0, m.index - 3), m.index)) && isFunctionWord(words[0], L)) words = words.slice(1);
    if (words.length < 2) continue;
    const named = words.length;
    if (tail) words = words.concat(tail.trim().split(/[\s\u00a0]+/));
    const nounPhrase = L.capitalisesNouns ? L.nounPhrase : undefined;
    if (!nounPhrase) {
      // After an article it is a place or a thing ("a Go-Kart Track", "the White House"): persons take none.
      const prev = lower(/(\S+)\s+$/u.exec(text.slice(Math.max(0, m.index - 12), m.index))?.[1] ?? '');
      if (L.determiners.includes(prev)) continue;
      // "of Public Prosecution Eva-Marie Persson": a long run after "of" ends a role's complement
      // with the name; after "and" it is a name of a list ("and Carrie Ann Inaba").
      if (named >= 3 && NAME_JOINERS.has(prev) && !L.coordinators?.includes(prev)) words = words.slice(lastNameWords(words, tail ? 3 : 2, L));
      out.push({ name: words.join(' '), start: end - words.join(' ').length, end });
      continue;
    }
    const roles = words.findLastIndex((w) => isDeclinedTitleWord(w, L) || nounPhrase.ending.test(w));
    if (roles >= 0) words = words.slice(roles + 1);
    else if (nounPhrase.articles.includes(lower(/(\p{L}+)\s+$/u.exec(text.slice(Math.max(0, m.index - 12), m.index))?.[1] ?? ''))) continue;
    if (words.length >= 2 && !words.some((w) => nounPhrase.ending.test(w))) out.push({ name: words.join(' '), start: end - words.join(' ').length, end });
  }
  return out;
}

/**
 * Name particles and the capitalised surname after them ("de Cospedal", "de la Vega"), where
 * nouns are not all capitalised; coordinators ("y") join two names, not a name's parts.
 */
const particleTailRe = new WeakMap<LangData, RegExp | null>();
function particleTail(L: LangData): RegExp | null {
  if (!particleTailRe.has(L)) {
    const particles = L.nameParticles.filter((p) => !L.coordinators?.includes(p));
    particleTailRe.set(L, L.capitalisesNouns || !particles.length ? null : new RegExp(`^(?:[\\s\\u00a0](?:${particles.join('|')})){1,2}[\\s\\u00a0]${NAME_WORD}(?:[\\s\\u00a0]${NAME_WORD})?(?![\\p{L}’'-])`, 'u'));
  }
  return particleTailRe.get(L)!;
}

/** A single capitalised word, then a comma and an age or a noun of what a person is ("Victor, 19 ans", "d’Agathe, étudiante en droit"). */
const FIRST_NAME = /(?<![\p{L}\p{N}-]|[\p{L}\p{N}]{2}['’])(\p{Lu}\p{Ll}{2,})[*]?,[\s\u00a0]+(?:(?:de[\s\u00a0]+)?\d{1,3}[\s\u00a0]+\p{L}+|(\p{Ll}+))/gu;

/** First names the article gives a person by an apposition (vox pops name people by first name only). */
function firstNames(text: string, L: LangData): { name: string; start: number; end: number }[] {
  // Where a role noun has a shape of its own (not German, whose nouns are all capitalised).
  if (!L.roleNoun || L.capitalisesNouns) return [];
  const out: { name: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(FIRST_NAME)) {
    if (m[2] !== undefined && !L.roleNoun.test(m[2])) continue;
    if (isFunctionWord(m[1], L) || L.orgWords.includes(lower(m[1]))) continue;
    // Part of a longer name ("Jean Dupont, 45 ans") is read as that name.
    if (/\p{Lu}\p{Ll}*[\s\u00a0]+$/u.test(text.slice(Math.max(0, m.index - 20), m.index))) continue;
    out.push({ name: m[1], start: m.index, end: m.index + m[1].length });
  }
  return out;
}

/** A capitalised word, then one capitalised surname ending its run. */
const ROLE_AND_SURNAME = /(?<![\p{L}-])([\p{L}-]+)[\s\u00a0]+(\p{Lu}\p{Ll}+)(?![\s\u00a0]+\p{Lu}|[\p{L}-])/gu;

/** A title and the capitalised words after it ("Mr. Clarke", "Mme Hidalgo", "le juge Bocock"), per language. */
const titledRe = new WeakMap<LangData, RegExp>();
function titled(L: LangData): RegExp {
  let re = titledRe.get(L);
  if (!re) {
    const alt = Object.keys(L.titles).flatMap((t) => [t, t[0].toUpperCase() + t.slice(1)]).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    re = new RegExp(`(?<![\\p{L}])(${alt.join('|')})\\.?[\\s\\u00a0]+(\\p{Lu}[\\p{Ll}’'-]+(?:[\\s-]\\p{Lu}[\\p{Ll}’'-]+)*)`, 'gu');
    titledRe.set(L, re);
  }
  return re;
}

export interface Named {
  name: string;
  gender: Gender | null;
  role?: string;
  /** After a preposition ("unter Robert Mugabe"): no subject, a pronoun's antecedent only when no other is near. */
  oblique?: boolean;
}

/**
 * The persons a text mentions, for pronoun and role resolution: full names with the role written
 * next to them ("le commissaire européen Pierre Moscovici", "Celebi, die Anwältin der Frau,"), and
 * names after a title ("Mr. Clarke", "Mme Hidalgo") with the gender the title implies.
 */
export function namedPersons(text: string, L: LangData): Named[] {
  const out: Named[] = nameRuns(text, L).map((r) => {
    // "la directrice du Syndicat Aurélie Hannedouche": the role's determiner or title tells the gender.
    const phrase = roleAround(text, r.start, r.end, L);
    const words = phrase?.split(' ') ?? [];
    const gender = L.determinerGender?.[lower(words[0] ?? '')] ?? words.map((w) => L.titles[key(w)]).find((g) => g) ?? null;
    const named: Named = { name: r.name, gender, role: phrase && stripDeterminer(phrase, L) };
    if (afterPreposition(text, r.start, L)) named.oblique = true;
    return named;
  });
  for (const m of text.matchAll(titled(L))) {
    // "le juge Paul Girard" is one person, with the role read above and the title's gender.
    const name = m[2].replace(/[’']s$/, '');
    const same = out.find((o) => o.name === name);
    if (same) same.gender ??= L.titles[key(m[1])];
    else out.push({ name, gender: L.titles[key(m[1])] });
  }
  // German role nouns work as titles: "der CSU-Vorsitzende Stoiber", "Landesgruppenchef Glos".
  if (L.capitalisesNouns && L.roleSuffix) {
    for (const m of text.matchAll(ROLE_AND_SURNAME)) if (L.roleSuffix.test(key(m[1]))) out.push({ name: m[2], gender: null, role: m[1] });
  }
  return out;
}

/** A preposition before the name, past its determiner and titles ("mit dem Präsidenten X"), or a bracket. */
export function afterPreposition(text: string, start: number, L: LangData): boolean {
  // In brackets ("au Mexique (Chichen Itza)") a name is an aside, no subject either.
  if (text[start - 1] === '(') return true;
  // An elided preposition glued to the name ("la mise en examen d'Achraf Hakimi").
  const elided = /(?:^|[\s\u00a0])(\p{L}+)['’]$/u.exec(text.slice(Math.max(0, start - 12), start))?.[1];
  if (elided && L.prepositions?.includes(key(`${elided}e`))) return true;
  const before = text.slice(Math.max(0, start - 60), start).split(/[\s\u00a0\u202f]+/);
  before.pop();
  // In apposition to a noun after a preposition, past its comma, ending the sentence ("jusqu'à
  // celui du président américain, Joe Biden."): no subject either, unless the phrase opens it.
  const apposed = before.at(-1)?.endsWith(',') && /^(?:[.]|$)/.test(text.slice(start).replace(/^(?:\p{Lu}[^\s,.;:)]*[\s\u00a0]*)+/u, ''));
  if (apposed) before.push(before.pop()!.slice(0, -1));
  for (let w = before.pop(), n = 0; w !== undefined && n < 4; w = before.pop(), n++) {
    const k = key(w);
    if (L.prepositions?.includes(k)) return !apposed || (before.length > 0 && !/[.;:!?]$/.test(before.at(-1)!));
    if (/[,.;:!?()«»“”"„]/.test(w) || !(L.determiners.includes(k) || isTitleWord(k, L) || (apposed && !isUpper(w[0])))) return false;
  }
  return false;
}

const isRoleWord = (w: string, L: LangData) => !isUpper(w[0]) || isTitleWord(w, L);

/**
 * The role before a name, from its determiner ("le commissaire européen"), or in apposition after
 * it (", a writer for The Atlantic,"), with the determiner.
 */
function roleAround(text: string, start: number, end: number, L: LangData): string | undefined {
  const before = text.slice(Math.max(0, start - 80), start).split(/[\s\u00a0\u202f]+/);
  before.pop();
  const role: string[] = [];
  for (let w = before.pop(); w !== undefined && role.length < 5 && !/[,.;:!?()«»“”"„]/.test(w); w = before.pop()) {
    const elided = /^[lL]['’](.+)/.exec(w);
    if (L.determiners.includes(lower(w)) || elided) {
      const head = elided ? [elided[1]] : [];
      // A role names a function ("commissaire", "Innenminister"), not just a quality ("die brasilianische Hauptstadt").
      const ok = [...head, ...role].some((r) => isTitleWord(r, L));
      return ok ? [elided ? elided[1] : w, ...role].join(' ') : undefined;
    }
    role.unshift(w);
  }
  const after = /^,[\s\u00a0\u202f]+([^,.;:()«»“”"„]{3,60}?)[\s\u00a0\u202f]*[,.;:)]/u.exec(text.slice(end, end + 80))?.[1];
  if (!after) return undefined;
  const phrase = stripDeterminer(after, L);
  // An apposition opens with its determiner or a title ("directrice du Syndicat"), not "ainsi que"
  // or a predicate ("was sentenced"). Asked of the words, not the strings: stripDeterminer also
  // turns a no-break space into a space.
  const titled = key(phrase.split(' ')[0]) in L.titles;
  const determined = phrase !== after.trim().split(/\s+/).join(' ');
  return phrase.split(' ').length <= 7 && (titled || (determined && isRoleWord(phrase, L))) ? after.trim() : undefined;
}

interface NameParse {
  words: string[];
  titled: boolean;
  titleGender: Gender | null | undefined;
}

/**
 * The person name at the end of a phrase: its trailing capitalised words, after the last title
 * or rank ("Force Brig. Gen. Pat Ryder" → "Pat Ryder"). When the run follows a role's
 * preposition ("porte-parole du Kremlin Dmitry Peskov"), its first words belong to the role:
 * the name is its last two words.
 */
function trailingName(words: string[], L: LangData): NameParse | null {
  let i = words.length;
  while (i > 0) {
    const w = words[i - 1];
    // A possessive ends the name before it ("NASA’s Steve Clarke").
    if (isNameWord(w) && !isTitleWord(w, L) && !/[’']s$/.test(w)) i--;
    else if (L.nameParticles.includes(lower(w)) && i < words.length) {
      // Particles inside a name, one or more ("Luis de Guindos", "José de la Mata"), after a name
      // word or opening the surname capitalised ("el juez De la Mata"). Where every noun is
      // capitalised a particle is as often an article ("Oberlauf des Flusses"): one only.
      const j = L.capitalisesNouns ? i - 1 : particlesFrom(words, i - 1, L);
      if ((j - 1 >= 0 && isNameWord(words[j - 1])) || (!L.capitalisesNouns && isNameWord(words[j]))) i = j;
      else break;
    } else break;
  }
  let run = words.slice(i);
  // A capitalised particle opens a surname ("Von der Leyen betonte", "De Gaulle").
  while (run.length && L.nameParticles.includes(run[0])) run = run.slice(1);
  // A surname that is also a title ("Mr. King", "Mme Maire") after an honorific.
  if (!run.length && i === words.length && words.length >= 2 && isNameWord(words[i - 1]) && key(words[i - 2]) in L.titles) run = [words[--i]];
  if (!run.length) return null;
  const before = words.slice(0, words.length - run.length);
  const last = before.length ? key(before[before.length - 1]) : '';
  const titled = isTitleWord(last, L);
  if (before.length && !titled) {
    // The run continues the role's complement ("de la Défense Pat Ryder", "ambassador to Britain
    // Liu Xiaming"): keep the last two words; right after a role noun, particles between them stay
    // ("magistrado Carlos de la Torre"); after "by" it is the whole name ("a survey by Penelope
    // Muse Abernathy").
    const complement = L.capitalisesNouns || L.nameParticles.includes(last) || L.determiners.includes(last);
    // After a connector that follows a capitalised word, the run ends a body's name ("Centre for
    // Economic Policy Research"): kept whole for the organisation reading.
    const bodyName = !!L.orgConnectors?.includes(last) && before.length > 1 && L.orgWords.includes(lower(before[before.length - 2]));
    if (run.length >= 3) {
      if (!L.agentPrepositions?.includes(last) && !bodyName) run = complement ? run.slice(-2) : run.slice(lastNameWords(run, 2, L));
      // "portavoz de la Consejería de Sanidad": cut after a particle, the run is a body's name, no person's.
      if (L.nameParticles.includes(run[0])) return null;
    } else if ((!isUpper(before[0][0]) || L.determiners.includes(lower(before[0]))) && !(run.length === 2 && L.roleNoun?.test(last))) return null;
  }
  if (L.capitalisesNouns && run.length === 1 && !titled) {
    // German capitalises nouns: a lone capitalised word is a name only if it is not a known noun,
    // nor the end of a noun phrase ("Marineoberst außer Dienst").
    if ((before.length && !isUpper(before[before.length - 1][0])) || L.orgWords.includes(lower(run[0]))) return null;
  }
  return { words: run, titled, titleGender: titled ? L.titles[last] : undefined };
}

/** Where the last `n` name words of a run start, the particles among them included. */
function lastNameWords(run: string[], n: number, L: LangData): number {
  let k = run.length;
  for (let seen = 0; k > 0 && seen < n; k--) if (!L.nameParticles.includes(lower(run[k - 1]))) seen++;
  return k;
}

/** Where the run of name particles ending at `last` starts ("de la" in "José de la Mata"). */
function particlesFrom(words: string[], last: number, L: LangData): number {
  let j = last;
  while (j > 0 && L.nameParticles.includes(lower(words[j - 1]))) j--;
  return j;
}

export function stripDeterminer(s: string, L: LangData): string {
  const w = s.trim().split(/\s+/);
  if (L.determiners.includes(lower(w[0]))) w.shift();
  else if (/^l['’]/i.test(w[0])) w[0] = w[0].slice(2);
  return w.join(' ');
}

/** Another name for the speaker, unless it is theirs already. */
export function addAlias(s: SpeakerRec, alias: string) {
  if (alias !== s.name && !s.aliases.includes(alias)) s.aliases.push(alias);
}

/** Lower-case words a name of a body may hold ("Ministry of the Interior", "Ministère de l’Intérieur"). */
const NAME_JOINERS = new Set(['of', 'the', 'and', 'for', 'on', '&', 'de', 'des', 'du', 'la', 'le', 'les', 'l’', "l'", 'et', 'für', 'und', 'der', 'die', 'das', 'des', 'del', 'los', 'las', 'y', 'e', 'van', 'von', 'zu']);
/** Longest role or organisation phrase listed as a speaker ("ministère de la Justice", "juez del caso"). */
const MAX_PHRASE_WORDS = 6;

/**
 * "Desde prensa del partido", "D’après BFMTV": a body's name read with the preposition before it
 * (the rules took the phrase up to the verb) loses it.
 */
export function trimLeadingPreposition(rec: SpeakerRec, L: LangData) {
  const name = withoutLeadingPreposition(rec, L);
  if (name) {
    addAlias(rec, rec.name);
    rec.name = name;
  }
}

/** The name of a body or role record without the preposition read with it, or null when it has none. */
function withoutLeadingPreposition(rec: SpeakerRec, L: LangData): string | null {
  if (!rec.organisation && !rec.roleOnly) return null;
  const m = /^(\S+)[\s\u00a0]+(\S.*)$/u.exec(rec.name);
  const first = m ? key(m[1]).replace(/^\p{L}['’]/u, '') : '';
  return m && (L.prepositions ?? []).includes(first) && !L.nameParticles.includes(key(m[1])) ? m[2] : null;
}

/**
 * A speaker a reader would accept as an entry of "Who is quoted": not a pronoun, a lone title
 * ("Mr.", "Rep."), a sentence opener or a time word, not a fragment of a clause ("In a Tumblr post
 * at the time she", "agency is separately working on a"); a person's name is capitalised.
 */
export function entityShaped(rec: SpeakerRec, L: LangData): boolean {
  const words = (withoutLeadingPreposition(rec, L) ?? rec.name).split(/[\s\u00a0]+/).filter(Boolean);
  const low = words.map(key);
  if (!words.length || low.some((w) => w in L.pronouns || L.that.includes(w) || L.firstPerson?.includes(w))) return false;
  const last = low[low.length - 1];
  // "d’après" is "après" elided.
  const functionWord = (w: string) => [w, w.replace(/^\p{L}['’]/u, '')].some((x) => L.stopWords.includes(x) || L.determiners.includes(x) || (L.prepositions ?? []).includes(x) || L.leadWords.includes(x));
  // A phrase starting or ending with a function word is cut from a clause ("D’après BFMTV",
  // "Défenseur des"); a name may open with its particle ("Von der Leyen", "De la Mata").
  if ((functionWord(low[0]) && !L.nameParticles.includes(low[0])) || functionWord(last)) return false;
  // A season or a day is no body ("L’été dernier, un document …").
  if (L.timeWords.includes(low[0])) return false;
  // A clause's auxiliary inside is no word of a name ("Prison union representatives have long").
  if (low.some((w, i) => i > 0 && !isUpper(words[i][0]) && L.aux.includes(w))) return false;
  if (rec.roleOnly || rec.organisation) return words.length <= MAX_PHRASE_WORDS && (words.length > 1 || !functionWord(low[0]));
  // A title alone ("Mr.", "Rep.", "Sen"): an abbreviation from the list, not a surname that is a
  // title too ("King") nor a word with a role-noun ending (German "Schröder").
  const title = low[0] in L.titles && (words[0].endsWith('.') || low[0].length <= 3);
  // One letter names nobody (the first-person "I" of a how-to page).
  if (words.length === 1 && (title || functionWord(low[0]) || L.timeWords.includes(low[0]) || low[0].length < 2)) return false;
  // Every word of a name is capitalised, or a particle joining its parts.
  return words.every((w, i) => isUpper(w[0]) || /^\p{N}/u.test(w) || (i > 0 && (NAME_JOINERS.has(lower(w)) || L.nameParticles.includes(lower(w)))));
}
