/**
 * Speech-verb cues ("said", "a déclaré", "a-t-il ajouté", "hat gesagt") found word by word with
 * hash lookups. A language has hundreds of verb forms: as one regex alternation they cost
 * hundreds of milliseconds to compile on first use (and again when V8 tiers the regex up),
 * which is the critical path of the reader's first click. A Map keyed by the first word needs
 * no compilation and costs one probe per word.
 *
 * Words are maximal runs of letters, digits, apostrophes and hyphens, so a form never matches
 * inside a longer word ("dit" is not in "dites"); phrase words are separated by spaces.
 */

import type { LangData } from './rules/types';

const WORD = /[\p{L}\p{N}’'-]+/uy;
const WORDS = /[\p{L}\p{N}’'-]+/gu;
const SPACES = /[\s\u00a0\u202f]+/y;
/** A comma or a dash between a quote and its tag. */
const SEP = /[\s\u00a0\u202f]*[,;]?[\s\u00a0\u202f]*(?:[—–-][\s\u00a0\u202f]*)?/y;
/** A word of a subject phrase before a verb: initials and hyphens too ("J.-P. Dupont"). */
const NP_WORD = /[\p{L}\p{N}][\p{L}\p{N}’'.-]*/uy;
/** A parenthesis inside a subject phrase ("Rep. John Mica (R-Fla.)"), or a comma closing an apposition. */
const NP_PAREN = /\([^()]{1,40}\)/y;
const NP_COMMA = /,/y;
/** The longest subject phrase before a verb, in words ("Vann R. Newkirk II, a writer for The Atlantic,"). */
const NP_MAX = 12;
const ELIDED = /[sS]['’](?=\p{L})/uy;
/** What may follow a verb before "that": a comma and spaces. */
const BEFORE_THAT = /^,?[\s\u00a0\u202f]+$/;
/** French inverted auxiliaries: "a-t-il", "avait-elle", "est-il". */
const INVERTED_AUX = /^(?:a-t|avait|aurait|est|était)-/;

/** Where a sticky pattern matching at `pos` ends (`pos` when it does not match). */
function skip(re: RegExp, text: string, pos: number): number {
  re.lastIndex = pos;
  return re.test(text) ? re.lastIndex : pos;
}

/**
 * Lower-case phrases, matched at a word start. `exact`: the text must be lower case too;
 * `stem`: words end at a hyphen (the caller checks what follows the last one).
 */
class Phrases {
  /** First word → the following words of each phrase, longest phrase first (as a regex alternation tries them). */
  private readonly byFirst = new Map<string, string[][]>();

  constructor(list: Iterable<string>) {
    for (const p of [...new Set(list)].sort((a, b) => b.length - a.length)) {
      const [first, ...rest] = p.split(' ');
      this.byFirst.set(first, [...(this.byFirst.get(first) ?? []), rest]);
    }
  }

  /** The first words of the phrases. */
  firsts(): string[] {
    return [...this.byFirst.keys()];
  }

  /** The ends of the phrases starting at `pos`, longest first. */
  ends(text: string, pos: number, exact = false, stem = false): number[] {
    const wordEnd = (at: number) => {
      const end = skip(WORD, text, at);
      const hyphen = stem ? text.indexOf('-', at) : -1;
      return hyphen >= 0 && hyphen < end ? hyphen : end;
    };
    const word = (at: number, end: number) => (exact ? text.slice(at, end) : text.slice(at, end).toLowerCase());
    const first = wordEnd(pos);
    const out: number[] = [];
    for (const rest of this.byFirst.get(word(pos, first)) ?? []) {
      let end = first;
      for (const w of rest) {
        const at = skip(SPACES, text, end);
        const next = wordEnd(at);
        end = at > end && word(at, next) === w ? next : -1;
        if (end < 0) break;
      }
      if (end >= 0) out.push(end);
    }
    return out;
  }
}

/**
 * speech: "said", "a déclaré"; naming: "called him a “liar”", "bezeichnete es als „maßvoll“";
 * gerund: "…, saying, “…”", "estimant que".
 */
export type CueKind = 'speech' | 'naming' | 'gerund';

export interface CueMatch {
  /** Where the cue starts and ends in the text searched. */
  index: number;
  end: number;
  cue: string;
}

/** The cue matchers of a language, built on first use of that language only. */
export class Cues {
  private readonly verbs: Phrases;
  private readonly aux: Phrases;
  private readonly adverbs: Phrases;
  private readonly reported: Phrases;
  private readonly kinds: Record<CueKind, Phrases>;
  /** Per kind, the words a cue can start with (an auxiliary, an adverb, a verb, "s’" + a verb). */
  private readonly starts: Record<CueKind, Set<string>>;

  constructor(private readonly L: LangData) {
    this.verbs = new Phrases(L.verbs);
    this.kinds = { speech: this.verbs, naming: new Phrases(L.naming ?? []), gerund: new Phrases(L.gerunds ?? []) };
    this.aux = new Phrases(L.aux);
    this.adverbs = new Phrases(L.adverbs);
    this.reported = new Phrases(L.reported.pre);
    const lead = [...this.aux.firsts(), ...this.adverbs.firsts()];
    const starts = (k: CueKind) => new Set([...lead, ...this.kinds[k].firsts().flatMap((v) => [v, `s’${v}`, `s'${v}`])]);
    this.starts = { speech: starts('speech'), naming: starts('naming'), gerund: starts('gerund') };
  }

  /**
   * The ends of `[auxiliary] [adverb] verb` at `pos` ("has also said", "a notamment déclaré"),
   * in the order a backtracking regex would try them: with the longest auxiliary and adverb first.
   */
  private ends(text: string, pos: number, exact = false, verbs = this.verbs): number[] {
    const out: number[] = [];
    // "s’inquiète": an elided reflexive pronoun is part of the verb's word.
    const elided = skip(ELIDED, text, pos);
    for (const a of [...this.spaced(this.aux, text, pos, exact), pos, ...(elided > pos ? [elided] : [])]) {
      for (const b of [...this.spaced(this.adverbs, text, a, exact), a]) out.push(...verbs.ends(text, b, exact));
    }
    return out;
  }

  /** Where the next word starts after each phrase of `set` at `pos` that a space follows. */
  private spaced(set: Phrases, text: string, pos: number, exact: boolean): number[] {
    return set.ends(text, pos, exact).flatMap((e) => {
      const next = skip(SPACES, text, e);
      return next > e ? [next] : [];
    });
  }

  /** `”, said X` / `», a déclaré X` / `», selon X`: a cue right after the separator; the speaker follows it. */
  verbFirst(after: string): CueMatch | null {
    const at = skip(SEP, after, 0);
    let end = this.ends(after, at)[0] ?? this.reported.ends(after, at)[0];
    if (end === undefined) return null;
    // "“, so charakterisierte ihn X": a verb may follow the first cue.
    const next = skip(SPACES, after, end);
    end = (next > end && this.ends(after, next)[0]) || end;
    return { index: at, end, cue: after.slice(at, end) };
  }

  /**
   * `” Smith said` / `», le ministre a déclaré` / `” Quina Jones, 25, said`: a subject phrase (with
   * appositions between commas and parentheses), then a lower-case cue.
   */
  subjectFirst(after: string): (CueMatch & { np: string }) | null {
    const start = skip(SEP, after, 0);
    for (let at = start, n = 0; n < NP_MAX; n++) {
      let word = skip(NP_WORD, after, at);
      if (word === at) word = skip(NP_PAREN, after, at);
      word = skip(NP_COMMA, after, word);
      const next = skip(SPACES, after, word);
      if (word === at || next === word) return null;
      // "The bill, which …": a relative clause is no apposition of a subject.
      if (after[word - 1] === ',' && this.L.relatives.concat(this.L.that).includes(after.slice(next, skip(WORD, after, next)).toLowerCase())) return null;
      const end = this.ends(after, next, true)[0];
      if (end !== undefined) return { index: next, end, cue: after.slice(next, end), np: after.slice(start, word) };
      at = next;
    }
    return null;
  }

  /**
   * `», a-t-il ajouté` / `», explique-t-elle` / `», s’est-elle exclamée` / `», en a-t-il conclu`:
   * returns the pronoun and where the tag ends.
   */
  inverted(after: string): { pron: string; end: number } | null {
    const at = skip(SEP, after, 0);
    const w = skip(WORD, after, at);
    const lead = /^(?:y|en)$/i.test(after.slice(at, w)) ? skip(SPACES, after, w) : w;
    for (const start of lead > w ? [lead, at] : [at]) {
      const end = skip(WORD, after, start);
      const word = after.slice(start, end).toLowerCase();
      for (const s of /^s['’]/.test(word) ? [2, 0] : [0]) {
        const hit = this.invertedAux(after, start + s, end) ?? this.invertedVerb(after, start + s);
        if (hit) return hit;
      }
    }
    return null;
  }

  /** "a-t-il [adverb] ajouté" (the word at [start, end) is the auxiliary and pronoun). */
  private invertedAux(text: string, start: number, end: number) {
    const word = text.slice(start, end).toLowerCase();
    const aux = INVERTED_AUX.exec(word);
    const pron = aux && word.slice(aux[0].length);
    const next = skip(SPACES, text, end);
    if (!pron || !Object.hasOwn(this.L.pronouns, pron) || next === end) return null;
    for (const b of [...this.spaced(this.adverbs, text, next, false), next]) {
      const verb = this.verbs.ends(text, b)[0];
      if (verb !== undefined) return { pron: text.slice(end - pron.length, end), end: verb };
    }
    return null;
  }

  /** "explique-t-elle": the verb's last word ends at a hyphen, the pronoun ends the word. */
  private invertedVerb(text: string, start: number) {
    for (const v of this.verbs.ends(text, start, false, true)) {
      if (text[v] !== '-') continue;
      const wordEnd = skip(WORD, text, v);
      const rest = text.slice(v + 1, wordEnd).toLowerCase();
      for (const pron of rest.startsWith('t-') ? [rest.slice(2), rest] : [rest]) {
        if (Object.hasOwn(this.L.pronouns, pron)) return { pron: text.slice(wordEnd - pron.length, wordEnd), end: wordEnd };
      }
    }
    return null;
  }

  /**
   * The speech-verb cues in a text, left to right, without overlaps (as a global regex finds them);
   * with `tail`, only the first cue whose rest of the text matches it.
   */
  find(text: string, tail?: RegExp): CueMatch[] {
    const out: CueMatch[] = [];
    for (const m of text.matchAll(WORDS)) {
      const w = this.word(text, m, out[out.length - 1]?.end ?? 0);
      const end = w && this.starts.speech.has(w) ? this.ends(text, m.index).find((e) => !tail || tail.test(text.slice(e))) : undefined;
      if (end === undefined) continue;
      out.push({ index: m.index, end, cue: text.slice(m.index, end) });
      if (tail) break;
    }
    return out;
  }

  /**
   * The last cue of the given kinds in a text (on a tie, the first kind listed), in one pass over
   * the words.
   */
  last(text: string, kinds: CueKind[]): (CueMatch & { kind: CueKind }) | null {
    let out: (CueMatch & { kind: CueKind }) | null = null;
    for (const m of text.matchAll(WORDS)) {
      const w = this.word(text, m, out?.end ?? 0);
      const kind = w ? kinds.find((k) => this.starts[k].has(w)) : undefined;
      const end = kind && this.ends(text, m.index, false, this.kinds[kind])[0];
      if (kind && end) out = { index: m.index, end, cue: text.slice(m.index, end), kind };
    }
    return out;
  }

  /**
   * The lower-case word `m` when a cue may start there: past the previous cue (`from`), not a
   * cue of quotes before it only ("so genannte"), not capitalised after the start of the text (a
   * noun or a name: "die Versicherten").
   */
  private word(text: string, m: RegExpExecArray, from: number): string | null {
    const w = m[0].toLowerCase();
    if (m.index < from || this.L.afterOnly?.includes(w) || (m[0][0] !== w[0] && text.slice(0, m.index).trim())) return null;
    return w;
  }

  /** `X said` ending a text before "that" (a comma and spaces may follow the verb). */
  atEnd(text: string): CueMatch | null {
    return this.find(text, BEFORE_THAT)[0] ?? null;
  }
}
