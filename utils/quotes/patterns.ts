/**
 * The tag patterns of a language, built on its first use: the speech-verb cues (word lookups,
 * see cues.ts) and small regexes for the rest: what sits between a verb and its subject or the
 * quote, "that", and the reported-speech markers ("according to", "selon", "laut", "zufolge").
 */

import { Cues } from './cues';
import type { LangData } from './rules/types';
import { isJobNoun, type Mention } from './speakers';
import { alternation, key, SPACE } from './text';

export interface Patterns {
  cues: Cues;
  /** Time words and adverbs between a verb and its subject, to skip. */
  skip: RegExp;
  /** What may sit between a before-tag and the opening mark: particles, adverbs, "that", a colon. */
  gap: RegExp;
  /** Reported-speech markers before their source (global). */
  reportedPre: RegExp;
  /** Markers after their source ("X zufolge", global). */
  reportedPost: RegExp | null;
  /** "that" complementisers (global), where `X said that` is looked for. */
  that: RegExp;
  /** A comparative link before a tag after a quote ("», comme l'a dit X"), with its object pronoun. */
  link: RegExp | null;
  /** The gap between two coordinated quotes ("» et «", "” and “"), from the first's text end. */
  coordinated: RegExp | null;
  /** A colon or "that" opening the rest of a clause (a tag that introduces, not closes). */
  colonOrThat: RegExp;
  /** The indefinite subject pronoun right after a verb ("zitierte man"). */
  indefinite: RegExp | null;
  /** An impersonal verb's dummy subject right after it ("heißt es"). */
  dummy: RegExp | null;
  /** A determiner opening a phrase. */
  leadDeterminer: RegExp;
}

const END = "(?![\\p{L}\\p{N}’'\\-])";
const cache = new WeakMap<LangData, Patterns>();

export function patterns(L: LangData): Patterns {
  const hit = cache.get(L);
  if (hit) return hit;
  const adverbs = alternation(L.adverbs);
  // A determiner among the time words ("este lunes", "ce matin") is one only before another: "dice
  // este hombre" opens the subject.
  const times = L.timeWords.filter((w) => !L.determiners.includes(w));
  const timeDeterminers = L.timeWords.filter((w) => L.determiners.includes(w));
  const timeDeterminer = timeDeterminers.length ? `|(?:${alternation(timeDeterminers)})(?=${SPACE}+(?:${alternation(times)})${END})` : '';
  const particles = L.particles ? `|${alternation(L.particles)}` : '';
  const p: Patterns = {
    cues: new Cues(L),
    skip: new RegExp(`^(?:${SPACE}*,?${SPACE}*(?:${alternation([...times, ...L.adverbs])}${timeDeterminer})${END})*,?`, 'iu'),
    gap: new RegExp(`^(?:${SPACE}|,|(?:${adverbs}${particles})${END})*(?:(?:${alternation(L.that)})${END})?${SPACE}*[:,]?${SPACE}*$`, 'iu'),
    reportedPre: new RegExp(`(?<![\\p{L}\\p{N}’'\\-])(?<cue>${alternation(L.reported.pre)})${END}${SPACE}*`, 'giu'),
    reportedPost: L.reported.post.length ? new RegExp(`(?<![\\p{L}])(?<cue>${alternation(L.reported.post)})${END}`, 'giu') : null,
    that: new RegExp(`(?<![\\p{L}\\p{N}’'\\-])(?:${alternation(L.that)})${END}${SPACE}*`, 'giu'),
    link: L.tagLinks ? new RegExp(`^${SPACE}*,?${SPACE}*(?:${alternation(L.tagLinks)})${END}(?:${SPACE}*[lL]['’](?=\\p{L}))?`, 'u') : null,
    coordinated: L.coordinators ? new RegExp(`^[.,!?…]?${SPACE}*[”"»«“’]${SPACE}*(?:${alternation(L.coordinators)})${END}${SPACE}*[„“"«»‚‘]?${SPACE}*$`, 'iu') : null,
    colonOrThat: new RegExp(`^${SPACE}*(?::|(?:${L.that.join('|')})\\b)`, 'iu'),
    indefinite: L.indefinite ? new RegExp(`^${SPACE}*${L.indefinite}(?![\\p{L}])${SPACE}*`, 'iu') : null,
    dummy: L.impersonal ? new RegExp(`^${SPACE}*${L.impersonal.dummy}(?![\\p{L}])${SPACE}*`, 'iu') : null,
    leadDeterminer: new RegExp(`^${SPACE}*(?:${L.determiners.join('|')})(?=${SPACE})`, 'i'),
  };
  cache.set(L, p);
  return p;
}

/**
 * Cuts a speaker phrase read after a verb at the first adjunct ("said Smith in a statement" →
 * "Smith"): at punctuation (not an abbreviation's period), at a stop word, or at a lower-case
 * word once a name has started.
 */
export function cutPhrase(text: string, L: LangData): string {
  const out: string[] = [];
  let named = false;
  const words = text.trimStart().split(/[\s\u00a0\u202f]+/);
  for (const [i, raw] of words.entries()) {
    // "Committee to Protect Journalists", "Centre for Disease Control": a connector between an
    // organisation noun and a capitalised word goes on with the name.
    if (named && L.orgConnectors?.includes(raw) && L.orgWords.includes(out[out.length - 1]?.toLowerCase() ?? '') && /^\p{Lu}/u.test(words[i + 1] ?? '')) {
      out.push(raw);
      continue;
    }
    // A period glued to the next sentence ("sagte Merkel.Als …": a missing space) ends the phrase too.
    const stopAt = /[()«»“”„"\n—―]|(?<=\p{Ll})\.(?=\p{Lu}\p{Ll})/u.exec(raw);
    let w = stopAt ? raw.slice(0, stopAt.index) : raw;
    const punct = /[,.;:!?]+$/.exec(w);
    const abbreviation = punct?.[0] === '.' && (/^\p{Lu}\.$/u.test(w) || isAbbreviation(w.slice(0, -1).toLowerCase(), L));
    if (punct && !abbreviation) w = w.slice(0, punct.index);
    const lw = w.toLowerCase();
    // A demonstrative before a noun for a person opens the phrase ("dice este hombre"), though a stop word ("este lunes").
    const person = (n: string) => isJobNoun(n, L) || !!L.personNouns?.includes(n);
    const opens = !out.length && !!L.demonstratives?.includes(lw) && person(key(words[i + 1] ?? ''));
    if (!w || (L.stopWords.includes(lw) && !(named && L.nameParticles.includes(lw)) && !opens)) break;
    // An acronym past an elided article is a name ("l'OMS"), a noun is not ("l'Agence du revenu du Canada").
    const cap = w[0] !== w[0].toLowerCase() || /^[lL]['’]\p{Lu}{2,}/u.test(w);
    // German adjectives sit between an article and its noun: "der Sprecher des bayerischen Ministeriums".
    const adjective = !!L.capitalisesNouns && L.determiners.concat(L.nameParticles).includes(out[out.length - 1]?.toLowerCase() ?? '');
    if (named && !cap && !L.nameParticles.includes(lw) && !adjective) break;
    if (cap && !L.determiners.includes(lw)) named = true;
    out.push(w);
    if (stopAt || (punct && !abbreviation)) break;
  }
  // A particle ends no name ("Corny Littmann zu den Beweggründen").
  while (out.length && L.nameParticles.includes(out[out.length - 1].toLowerCase())) out.pop();
  return out.join(' ');
}

/** "Gen.", "Dr.", "M.": an abbreviation or a short title, not "commissaire." ending a sentence. */
const isAbbreviation = (w: string, L: LangData) => L.abbreviations.includes(w) || (w in L.titles && w.length <= 4);

/** The dummy subject of an impersonal verb ("es" in "hieß es") is among the words of `text`. */
export const hasDummy = (text: string, L: LangData) => !!L.impersonal && text.toLowerCase().split(/[\s\u00a0\u202f]+/).includes(L.impersonal.dummy);

/**
 * The source an impersonal verb gives, from the texts around it: the document a place names ("In
 * dem Schreiben heißt es" → "Schreiben"), an unnamed source when no text opens with a place
 * ("hieß es"), or null when the place is no name ("in denen es heißt": elsewhere, unknown here).
 */
export function impersonalSource(texts: string[], L: LangData): Mention | null {
  const place = texts.map((t) => impersonalPlace(t, L)).find((x) => x !== null);
  if (place === '') return null;
  return place ? { kind: 'org', name: place } : { kind: 'unnamed' };
}

/** The name after a text's opening place: null with no place (or nothing after it), "" when it is no name. */
function impersonalPlace(text: string, L: LangData): string | null {
  const imp = L.impersonal;
  if (!imp?.place.test(text)) return null;
  const src = cutPhrase(text.replace(imp.place, ''), L);
  if (!src) return null;
  // A compound's head after its hyphen is capitalised too ("auf der documenta-Homepage").
  return src[0] !== src[0].toLowerCase() || /^\S*-\p{Lu}/u.test(src) ? src : '';
}
