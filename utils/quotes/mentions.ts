/**
 * What an article itself says about the people and bodies it quotes, for settling its speakers
 * (entities.ts): the full names it writes, the person it names next to a role, a body's name as
 * it writes it whole. Read from the article's text only.
 */

import type { LangData } from './rules/types';
import { nameRuns } from './speakers';
import { isUpper, key, lower } from './text';

export const SPACE = /[\s\u00a0\u202f]+/;
export const capitalised = (w: string) => isUpper(w[0]) || /^\p{Lu}/u.test(w.replace(/^[lLdD]['’]/, ''));
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A word: letters and digits. */
const WORD = /[\p{L}\p{N}]+/gu;
/** A letter or digit ending (or starting) a string: no word boundary there. */
const WORD_END = /[\p{L}\p{N}]$/u;
const WORD_START = /^[\p{L}\p{N}]/u;
/** Text ending where a sentence (or a quote, or a bracket) opens. */
const SENTENCE_OPEN = /(?:^|[.!?:;»”"—–“«„(]\s*)$/u;
/** "l'", "d'", "l’" glued to the next word. */
export const ELISION = /^[lLdD]['’]/;

/** The article's mentions the speakers are settled against. */
export class Mentions {
  /** The full names the article writes (two words or more, titles and roles taken off). */
  readonly fullNames: string[];
  /** Each text's words in lower case: `find` skips the texts that lack a phrase's first word. */
  private readonly lowerWords: Set<string>[];
  /** Every word as written, for `common`. */
  private readonly writtenWords: Set<string>;
  /** Each text in lower case, where that keeps its length (offsets then hold), else null. */
  private readonly lowerTexts: (string | null)[];

  constructor(
    readonly texts: string[],
    private readonly L: LangData,
  ) {
    const lowered = texts.map(lower);
    this.lowerWords = lowered.map((t) => new Set(t.match(WORD) ?? []));
    this.writtenWords = new Set(texts.flatMap((t) => t.match(WORD) ?? []));
    this.lowerTexts = lowered.map((t, i) => (t.length === texts[i].length ? t : null));
    const names = new Set<string>();
    for (const text of texts) {
      for (const r of nameRuns(text, L)) {
        // "Ukrainian President Volodymyr Zelensky": the name is after the last title.
        let words = r.name.split(' ');
        words = words.slice(words.findLastIndex((w) => isTitle(w, L)) + 1);
        const before = text.slice(Math.max(0, r.start - 20), r.start);
        // "Secretary of State Mike Pompeo": after a preposition, the first word is the role's complement.
        const previous = /(\S+)[\s\u00a0]+$/u.exec(before)?.[1];
        if (words.length >= 3 && previous && isPreposition(previous, L)) words = words.slice(1);
        // "Whatever Apple", "But Mike": a word capitalised because it opens the sentence, and
        // written in lower case elsewhere, or a function word, is no part of the name.
        if (words.length && SENTENCE_OPEN.test(before.trimEnd()) && this.opensSentenceOnly(words[0])) words = words.slice(1);
        if (words.length >= 2) names.add(words.join(' '));
      }
    }
    this.fullNames = [...names];
  }

  /**
   * A function word, a word the article writes in lower case elsewhere, or a role noun where roles
   * have a shape of their own ("Developer"): capitalised only as a sentence's first word.
   */
  opensSentenceOnly(word: string): boolean {
    return isFunctionWord(word, this.L) || this.common(word) || (!this.L.capitalisesNouns && !!this.L.roleNoun?.test(lower(word)));
  }

  /** `phrase` is written only at the start of sentences ("Despite Mr", "Developer Valve called …"). */
  onlyAtSentenceStart(phrase: string): boolean {
    let seen = false;
    for (const [t, at] of this.find(phrase)) {
      if (!SENTENCE_OPEN.test(this.texts[t].slice(Math.max(0, at - 20), at).trimEnd())) return false;
      seen = true;
    }
    return seen;
  }

  /** Where `phrase` stands in the texts as whole words (case-insensitive): [text index, start]. */
  *find(phrase: string): Generator<[number, number]> {
    const body = (p: string) => escapeRe(p).replace(/ /g, '[\\s\\u00a0\\u202f]+').replace(/['’]/g, "['’]");
    // The phrase's first word stands whole in any text it is in (the pattern starts at a word's
    // start): texts without it are skipped, and in the others the phrase, in lower case, is tried
    // only where that word stands, by a plain pattern on the lower-case text (a Unicode
    // case-insensitive pattern costs about a millisecond to compile, and this runs per speaker).
    const folded = lower(phrase);
    const first = /^[\p{L}\p{N}]+/u.exec(folded)?.[0];
    const plain = new RegExp(body(folded), 'y');
    let full: RegExp | undefined;
    for (let t = 0; t < this.texts.length; t++) {
      const text = this.texts[t];
      const lowered = this.lowerTexts[t];
      if (!first || lowered === null) {
        full ??= new RegExp(`(?<![\\p{L}\\p{N}])${body(phrase)}(?![\\p{L}\\p{N}])`, 'giu');
        for (const m of text.matchAll(full)) yield [t, m.index];
        continue;
      }
      if (!this.lowerWords[t].has(first)) continue;
      let end = 0;
      for (let at = lowered.indexOf(first); at >= 0; at = lowered.indexOf(first, at + 1)) {
        if (at < end || WORD_END.test(lowered.slice(Math.max(0, at - 2), at))) continue;
        plain.lastIndex = at;
        const m = plain.exec(lowered);
        if (!m || WORD_START.test(lowered.slice(at + m[0].length, at + m[0].length + 2))) continue;
        end = at + m[0].length;
        yield [t, at];
      }
    }
  }


  /**
   * The one full name the article gives for a surname alone or a name cut at a hyphen ("Apte",
   * "Oudéa-"): the shortest of the full names ending with it, when the others all end with that
   * one ("Scotland Martin Taylor" is "Martin Taylor" after a capitalised word); none when two
   * people share it.
   */
  fullNameOf(name: string): string | null {
    if (name.includes(' ')) return null;
    const hyphen = name.endsWith('-');
    const fits = this.fullNames.filter((f) => (hyphen ? f.split(' ').some((w) => w.startsWith(name) && w.length > name.length) : f.endsWith(` ${name}`)));
    if (!fits.length) return null;
    const shortest = fits.reduce((a, b) => (b.length < a.length ? b : a));
    return fits.every((f) => f.endsWith(shortest)) ? shortest : null;
  }

  /**
   * The person the article names in a role: a full name right after the role, past its
   * lower-case adjectives and a comma ("la journaliste bretonne Morgan Large", "le chef de
   * l'État, Emmanuel Macron,"), or right before it with a comma ("Mathilde Panot, cheffe des
   * députés"). The first one written.
   */
  holderOf(role: string): string | null {
    const L = this.L;
    const run = String.raw`(\p{Lu}[\p{L}’'-]+(?:[\s\u00a0]+(?:\p{Lu}[\p{L}’'-]+|${L.nameParticles.map(escapeRe).join('|')}))*[\s\u00a0]+\p{Lu}[\p{L}’'-]+)`;
    // Past one adjective (not a verb or a function word) and an acronym in brackets, then a comma.
    const after = new RegExp(String.raw`^(?:[\s\u00a0]+(\p{Ll}[\p{Ll}-]+))?(?:[\s\u00a0]+\([^)]{1,24}\))?,?[\s\u00a0]+${run}`, 'u');
    const before = new RegExp(String.raw`${run},[\s\u00a0]+(?:\S+[\s\u00a0]+)?$`, 'u');
    for (const [t, at] of this.find(role)) {
      const text = this.texts[t];
      // "inspecteur de police Zakir Hossain" names no holder of "police": there it is a complement.
      const previous = /(\S+)[\s\u00a0]+$|([dD]['’])$/u.exec(text.slice(Math.max(0, at - 20), at));
      if (previous && (previous[2] || isPreposition(previous[1], L))) continue;
      const a = after.exec(text.slice(at + role.length, at + role.length + 100));
      const adjective = a?.[1];
      const fits = a && !(adjective && (isFunctionWord(adjective, L) || L.verbs.includes(adjective) || isPreposition(adjective, L)));
      const b = before.exec(text.slice(Math.max(0, at - 80), at));
      const name = (fits && trimName(a[2], L)) || (b && trimName(b[1], L));
      if (name) return name;
    }
    return null;
  }

  /**
   * A body's noun alone ("le ministère") as the article names it once with its complement ("le
   * ministère de la culture"): the one such phrase, if the article writes only one.
   */
  bodyWithComplement(noun: string): string | null {
    const L = this.L;
    if (capitalised(noun)) return null;
    // The linkers of a complement ("de", "du"), not any preposition ("à l'appui", "to develop").
    const linkers = L.nameParticles.filter((p) => (L.prepositions ?? []).includes(p)).map(escapeRe).join('|');
    if (!linkers) return null;
    const dets = L.determiners.filter((d) => !/['’]$/.test(d)).map(escapeRe).join('|');
    const re = new RegExp(`(?<![\\p{L}])${escapeRe(noun)}[\\s\\u00a0]+(?:${linkers})[\\s\\u00a0]+(?:(?:${dets})[\\s\\u00a0]+|[lLdD]['’])?[\\p{L}-]+`, 'gu');
    const found = new Set(this.texts.flatMap((t) => [...t.matchAll(re)].map((m) => m[0].replace(/[\s\u00a0]+/g, ' '))));
    return found.size === 1 ? [...found][0] : null;
  }

  /**
   * Wherever the article writes the name, a lower-case noun follows it: the name only qualifies
   * that noun ("Washington-based trade expert", "Pentagon spokesman").
   */
  qualifies(name: string): boolean {
    const L = this.L;
    let seen = false;
    for (const [t, at] of this.find(name)) {
      const next = /^[\s\u00a0]+(\p{Ll}[\p{Ll}-]*)/u.exec(this.texts[t].slice(at + name.length, at + name.length + 30))?.[1];
      if (!next || isFunctionWord(next, L) || L.verbs.includes(next) || L.adverbs.includes(next) || L.mannerAdverb?.test(next)) return false;
      seen = true;
    }
    return seen;
  }

  /**
   * The role a name is always the complement of ("l'avocat de Paul Garnier", "the spokesman for
   * Joe Biden"): the role noun and its preposition, when every mention of the name has them.
   */
  complementOf(name: string, isRole: (w: string) => boolean): string | null {
    let role: string | null = null;
    for (const [t, at] of this.find(name)) {
      const m = /(?:^|\s)(?:[lL]['’])?(\p{Ll}[\p{Ll}-]+)[\s\u00a0]+(\p{Ll}+)[\s\u00a0]+$/u.exec(this.texts[t].slice(Math.max(0, at - 40), at));
      if (!m || !isRole(m[1]) || !isPreposition(m[2], this.L)) return null;
      role ??= `${m[1]} ${m[2]}`;
    }
    return role;
  }

  /** The word is written in lower case somewhere: a common noun, not a name. */
  common(word: string): boolean {
    const w = lower(word);
    if (/^[\p{L}\p{N}]+$/u.test(w)) return this.writtenWords.has(w);
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(lower(word))}(?![\\p{L}\\p{N}])`, 'u');
    return this.texts.some((t) => re.test(t));
  }

  /** The lower-case words of a role right before `at`, after its determiner ("le ministre de "). */
  roleBefore(t: number, at: number): string {
    const words = this.texts[t].slice(Math.max(0, at - 60), at).split(/[\s\u00a0\u202f]/);
    let from = words.length - 1;
    while (from > 0 && words.length - from < 5 && /^\p{Ll}/u.test(words[from - 1]) && !this.L.determiners.includes(lower(words[from - 1]))) from--;
    return words.slice(from).join(' ');
  }

  /**
   * A body's name as the article writes it whole: with the capitalised words always written
   * before it ("Xinhua" News Agency), and a lower-case word closing the clause after it
   * ("ministère des Affaires" étrangères.), when that word is no verb, time word or adverb.
   */
  fullBodyName(name: string): string | null {
    const L = this.L;
    let prefix: string | null = null;
    let suffix = '';
    for (const [t, at] of this.find(name)) {
      const text = this.texts[t];
      const next = /^[\s\u00a0]+(\p{Ll}[\p{Ll}-]+)(?=[.,;:!?)]|$)/u.exec(text.slice(at + name.length, at + name.length + 40))?.[1];
      if (next && L.adjectivesFollow && !suffix && !isFunctionWord(next, L) && !L.verbs.includes(next) && !L.stopWords.includes(next) && !L.mannerAdverb?.test(next)) suffix = next;
      if (!capitalised(name)) continue;
      const m = /((?:\p{Lu}[\p{L}’'-]*[\s\u00a0])+)$/u.exec(text.slice(Math.max(0, at - 60), at));
      // A capital after a sentence end opens the sentence ("Officials at …"): no part of the name.
      const words = (m?.[1].trim().split(SPACE) ?? []).filter(Boolean);
      const start = at - (m?.[1].length ?? 0);
      const opensSentence = start === 0 || /[.!?:»”"“«„(]\s*$/.test(text.slice(Math.max(0, start - 3), start));
      if (words.length && opensSentence && this.opensSentenceOnly(words[0])) words.shift();
      const p = words.join(' ');
      if (!p) continue;
      if (prefix !== null && prefix !== p) prefix = '';
      else prefix = p;
    }
    const whole = [prefix, name, suffix].filter(Boolean).join(' ');
    return whole === name ? null : whole;
  }

}

export const isTitle = (w: string, L: LangData) => key(w) in L.titles;
export const isFunctionWord = (w: string, L: LangData) =>
  [L.determiners, L.leadWords, L.stopWords, L.timeWords, L.prepositions ?? [], L.relatives, L.aux, L.that].some((list) => list.includes(lower(w))) ||
  lower(w) in L.pronouns;
export const isPreposition = (w: string, L: LangData) => (L.prepositions ?? []).includes(lower(w)) || (L.orgConnectors ?? []).includes(lower(w));

/** A run of capitalised words as a person's name: titles at its head taken off; two words or more, not in capitals. */
export function trimName(run: string, L: LangData): string | null {
  const words = run.split(SPACE);
  while (words.length && (isTitle(words[0], L) || isFunctionWord(words[0], L))) words.shift();
  // A headline in capitals ("CLEARED TO PERFORM") is no name.
  if (words.some((w) => /^\p{Lu}{2,}$/u.test(w.replace(/[’'-]/g, '')))) return null;
  return words.length >= 2 ? words.join(' ') : null;
}
