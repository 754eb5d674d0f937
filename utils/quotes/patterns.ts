/**
 * The tag patterns of a language, compiled once from its data: speech verbs after a quote
 * ("», a déclaré X", "” Smith said", "», a-t-il ajouté"), before it ("X said: “") and the
 * reported-speech markers ("according to", "selon", "laut", "zufolge").
 */

import type { LangData } from './rules/types';
import { alternation, SPACE, WORD } from './text';

export interface Patterns {
  /** `”, said X` / `», a déclaré X` / `“, sagte X`: the speaker phrase follows the match. */
  verbFirst: RegExp;
  /** `” Smith said` / `», le ministre a déclaré`: group `np` before the verb. */
  subjectFirst: RegExp;
  /** `», a-t-il ajouté` / `», explique-t-elle`: group `pron`. */
  inverted: RegExp;
  /** Time words and adverbs between a verb and its subject, to skip. */
  skip: RegExp;
  /** Any speech verb (global), for tags before a quote. */
  verb: RegExp;
  /** What may sit between a before-tag and the opening mark: particles, adverbs, "that", a colon. */
  gap: RegExp;
  /** Reported-speech markers before their source (global). */
  reportedPre: RegExp;
  /** Markers after their source ("X zufolge", global). */
  reportedPost: RegExp | null;
  /** "that" complementisers (global), where `X said that` is looked for. */
  that: RegExp;
  /** A speech verb ending a text (`X said` before "that"). */
  verbAtEnd: RegExp;
}

const S = `${SPACE}+`;
const END = "(?![\\p{L}\\p{N}’'\\-])";
const cache = new WeakMap<LangData, Patterns>();

export function patterns(L: LangData): Patterns {
  const hit = cache.get(L);
  if (hit) return hit;
  const verb = alternation(L.verbs);
  const aux = `(?:(?:${alternation(L.aux)})${S})?(?:(?:${alternation(L.adverbs)})${S})?`;
  const pron = alternation(Object.keys(L.pronouns));
  const that = alternation(L.that);
  // Separator after the closing mark: a comma or dash, never a full stop (a new sentence).
  const sep = `^${SPACE}*[,;]?${SPACE}*(?:[—–-]${SPACE}*)?`;
  const np = `(?<np>(?:${WORD}${S}){0,7}?${WORD})`;
  const particles = L.particles ? `|${alternation(L.particles)}` : '';
  const p: Patterns = {
    verbFirst: new RegExp(`${sep}(?<cue>${aux}(?:${verb})|${alternation(L.reported.pre)})${END}`, 'iu'),
    subjectFirst: new RegExp(`${sep}${np}${S}(?<cue>${aux}(?:${verb}))${END}`, 'u'),
    inverted: new RegExp(
      `${sep}(?:(?:y|en)${S})?(?:s['’])?(?:(?:a-t|avait|aurait|est|était)-(?<pron>${pron})${S}(?:(?:${alternation(L.adverbs)})${S})?(?<cue>${verb})|(?<cue2>${verb})-(?:t-)?(?<pron2>${pron}))${END}`,
      'iu',
    ),
    skip: new RegExp(`^(?:${SPACE}*,?${SPACE}*(?:${alternation([...L.timeWords, ...L.adverbs])})${END})*,?`, 'iu'),
    verb: new RegExp(`(?<![\\p{L}\\p{N}’'\\-])(?<cue>${aux}(?:${verb}))${END}`, 'giu'),
    gap: new RegExp(`^(?:${SPACE}|,|(?:${alternation(L.adverbs)}${particles})${END})*(?:(?:${that})${END})?${SPACE}*[:,]?${SPACE}*$`, 'iu'),
    reportedPre: new RegExp(`(?<![\\p{L}\\p{N}’'\\-])(?<cue>${alternation(L.reported.pre)})${END}${SPACE}*`, 'giu'),
    reportedPost: L.reported.post.length ? new RegExp(`(?<![\\p{L}])(?<cue>${alternation(L.reported.post)})${END}`, 'giu') : null,
    that: new RegExp(`(?<![\\p{L}\\p{N}’'\\-])(?:${that})${END}${SPACE}*`, 'giu'),
    verbAtEnd: new RegExp(`(?<![\\p{L}\\p{N}’'\\-])(?<cue>${aux}(?:${verb})),?${SPACE}+$`, 'iu'),
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
  for (const raw of text.trimStart().split(/[\s\u00a0\u202f]+/)) {
    const stopAt = /[()«»“”„"\n]/.exec(raw);
    let w = stopAt ? raw.slice(0, stopAt.index) : raw;
    const punct = /[,.;:!?]+$/.exec(w);
    const abbreviation = punct?.[0] === '.' && (/^\p{Lu}\.$/u.test(w) || isAbbreviation(w.slice(0, -1).toLowerCase(), L));
    if (punct && !abbreviation) w = w.slice(0, punct.index);
    const lw = w.toLowerCase();
    if (!w || (L.stopWords.includes(lw) && !(named && L.nameParticles.includes(lw)))) break;
    const cap = w[0] !== w[0].toLowerCase();
    if (named && !cap && !L.nameParticles.includes(lw)) break;
    if (cap && !L.determiners.includes(lw)) named = true;
    out.push(w);
    if (stopAt || (punct && !abbreviation)) break;
  }
  // A particle ends no name ("Corny Littmann zu den Beweggründen").
  while (out.length && L.nameParticles.includes(out[out.length - 1].toLowerCase())) out.pop();
  return out.join(' ');
}

const isAbbreviation = (w: string, L: LangData) => L.abbreviations.includes(w) || w in L.titles;
