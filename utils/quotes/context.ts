/**
 * What attribution reads and keeps while it walks an article: the paragraphs and their sentences,
 * the language's data, the mentions met so far, the quotes emitted and the latest speaker. The
 * tag finders (tags/) read it; the walk (attribute.ts) writes it.
 */

import type { Quote } from '../types';
import type { QuoteSegment } from './marks';
import { patterns, type Patterns } from './patterns';
import type { LangData } from './rules/types';
import { Registry, type SpeakerRec } from './registry';
import { analyzePhrase, type Mention, personNames } from './speakers';
import type { ReportedHit } from './reported';
import { sentenceEnds, upperBound } from './text';
import type { Who } from './tags/types';

export interface Unit {
  id: string;
  text: string;
}

/** A quote as emitted, with the speaker record it was given. */
export type AttributedQuote = Quote & { rec: SpeakerRec | null };

/** The latest speaker, where its tag or quote ends (pos) and where its sentence ends (from). */
export interface LastSpeaker {
  rec: SpeakerRec;
  block: number;
  pos: number;
  from: number;
  narrated?: boolean;
}

/** Pronouns look back this many sentences for their speaker (a pronoun subject on the way is a mention too). */
export const PRONOUN_WINDOW = 2;
/** A floating quote takes the previous speaker only if that quote is this many paragraphs back at most. */
export const FLOAT_BLOCKS = 2;

export class Context {
  readonly P: Patterns;
  readonly registry = new Registry();
  readonly quotes: AttributedQuote[] = [];
  readonly offsets: number[] = [];
  /** The according-to statements of each block. */
  readonly markers: ReportedHit[][] = [];
  lastSpeaker: LastSpeaker | null = null;
  private readonly ends: number[][];
  private readonly base: number[] = [];

  constructor(
    readonly units: Unit[],
    readonly L: LangData,
  ) {
    this.P = patterns(L);
    this.ends = units.map((u) => sentenceEnds(u.text, L));
    let n = 0;
    let chars = 0;
    this.ends.forEach((e, b) => {
      this.base.push(n);
      // A heading or a link line counts for no sentence: a pronoun after it looks as far back.
      n += e.length + (e.length || this.endsOnStop(b) ? 1 : 0);
      this.offsets.push(chars);
      chars += units[b].text.length + 1;
    });
  }

  sentence(block: number, pos: number) {
    return this.base[block] + upperBound(this.ends[block], pos);
  }
  sentenceStart(block: number, pos: number) {
    const k = upperBound(this.ends[block], pos);
    return k ? this.ends[block][k - 1] : 0;
  }
  sentenceEnd(block: number, pos: number) {
    const k = upperBound(this.ends[block], pos);
    return k < this.ends[block].length ? this.ends[block][k] : this.units[block].text.length;
  }

  /**
   * How many paragraphs block `b1` is after block `b0`, not counting those that end on no stop
   * between them (a heading, a "Lire aussi : …" link): they do not change the topic.
   */
  paragraphsAfter(b0: number, b1: number): number {
    let n = 0;
    for (let b = b0 + 1; b <= b1; b++) if (b === b1 || this.endsOnStop(b)) n++;
    return n;
  }

  private endsOnStop(block: number): boolean {
    return /[.!?…»”"][\s\u00a0\u202f]*$/u.test(this.units[block].text);
  }

  between(b0: number, p0: number, b1: number, p1: number): string {
    if (b0 === b1) return this.units[b0].text.slice(p0, p1);
    const parts = [this.units[b0].text.slice(p0)];
    for (let b = b0 + 1; b < b1; b++) parts.push(this.units[b].text);
    parts.push(this.units[b1].text.slice(0, p1));
    return parts.join('\n');
  }

  /** The words of the quote's sentence before its opening mark, lower-cased. */
  wordsBefore(seg: QuoteSegment): string[] {
    return this.units[seg.block].text.slice(this.sentenceStart(seg.block, seg.open), seg.open).toLowerCase().split(/[^\p{L}’']+/u);
  }

  prevClose(seg: QuoteSegment): number {
    // Set by findQuotes order: quotes of the same block before this one end before its open.
    const q = this.quotes[this.quotes.length - 1];
    if (!q || q.blockId !== this.units[seg.block].id || q.end > seg.open) return 0;
    return q.end + 1;
  }

  speakerOf(m: Mention, sentence: number, seen: number): Who {
    if (m.kind === 'unnamed') return { rec: null, unnamed: true };
    if (m.kind === 'pronoun') {
      const orgsToo = !!this.L.genderedNouns || m.gender === null;
      const rec = this.registry.pronounTarget(m.gender, sentence, PRONOUN_WINDOW, orgsToo);
      if (rec && m.gender && !rec.organisation) rec.gender ??= m.gender;
      return { rec, unnamed: false };
    }
    return { rec: this.registry.resolve(m, sentence, seen), unnamed: false };
  }

  /** The text is a person's name: two words or more read as one, or a surname met before (not "Asimismo,"). */
  namesSomeone(text: string): boolean {
    const m = analyzePhrase(text, this.L);
    if (m?.kind !== 'person') return false;
    return m.name.includes(' ') || this.registry.list.some((s) => s.name.endsWith(m.name)) || this.registry.namedSoFar().some((n) => n.endsWith(` ${m.name}`));
  }

  /** True when the text names someone other than `rec`: another known speaker or a two-word name. */
  namesOther(text: string, rec: SpeakerRec): boolean {
    const own = new Set([rec.name, ...rec.aliases].flatMap((n) => n.split(' ')));
    for (const s of this.registry.list) {
      if (s !== rec && text.includes(s.name.slice(s.name.lastIndexOf(' ') + 1))) return true;
    }
    // Any two capitalised words, sentence starts too; capitalised nouns need the stricter reading.
    const names = this.L.capitalisesNouns ? personNames(text, this.L) : [...text.matchAll(/\p{Lu}[\p{Ll}’'-]+\s+\p{Lu}[\p{Ll}’'-]+/gu)].map((m) => m[0]);
    return names.some((n) => !n.split(/\s+/).some((w) => own.has(w)));
  }
}
