/**
 * Who is quoted, and how sure we are. A quote's `confidence` is the measured precision of
 * its rule tier: at or above the threshold the attribution is shown plainly, below it only
 * as "probably X", and such speakers are listed apart.
 */
import { DEFAULT_MIN_CONFIDENCE } from '../utils/quotes/tiers';
import type { Article, Quote } from '../utils/types';
import type { TextMark } from './marks';

export { DEFAULT_MIN_CONFIDENCE };

export interface SpeakerSummary {
  name: string;
  role?: string;
  /** Quotes attributed at or above the confidence threshold. */
  sure: number;
  /** Quotes attributed below it. */
  unsure: number;
}

export interface SpeakerGroups {
  /** Persons with at least one sure quote. */
  sure: SpeakerSummary[];
  /** Persons with only unsure quotes. */
  unsure: SpeakerSummary[];
  /** Organisations, listed apart from people. */
  bodies: SpeakerSummary[];
}

/**
 * The persons and bodies the article names, most quoted first: persons with a sure quote, then
 * bodies, then persons with only unsure quotes. Speakers known by a description only ("the
 * expert") are no entry: their quotes carry the description as their label.
 */
export function summariseSpeakers(article: Article, min = DEFAULT_MIN_CONFIDENCE): SpeakerGroups {
  const byName = new Map<string, SpeakerSummary>();
  const bodies = new Set<string>();
  for (const s of article.speakers) {
    if (s.described) continue;
    byName.set(s.name, { name: s.name, role: s.role, sure: 0, unsure: 0 });
    if (s.organisation) bodies.add(s.name);
  }
  for (const q of article.quotes) {
    const s = q.speaker === null ? undefined : byName.get(q.speaker);
    if (s) q.confidence >= min ? s.sure++ : s.unsure++;
  }
  const all = [...byName.values()].filter((s) => s.sure + s.unsure > 0);
  const order = (a: SpeakerSummary, b: SpeakerSummary) => b.sure - a.sure || b.unsure - a.unsure;
  const people = all.filter((s) => !bodies.has(s.name));
  return {
    sure: people.filter((s) => s.sure).sort(order),
    unsure: people.filter((s) => !s.sure).sort(order),
    bodies: all.filter((s) => bodies.has(s.name)).sort(order),
  };
}

/** The quotes of one speaker in reading order. */
export function quotesOf(article: Article, speaker: string): Quote[] {
  const order = new Map(article.blocks.map((b, i) => [b.id, i]));
  return article.quotes
    .filter((q) => q.speaker === speaker)
    .sort((a, b) => (order.get(a.blockId) ?? 0) - (order.get(b.blockId) ?? 0) || a.start - b.start);
}

export interface QuoteMarkOptions {
  /** The speaker whose quotes are marked in the text. */
  selected: string | null;
  /** The quote stepped to. */
  current: string | null;
  min?: number;
  /** The label of an unsure attribution ("probably X"). */
  unsureLabel: (name: string) => string;
  /**
   * The label of a quote the article gives to nobody by name: an unnamed source ("selon les
   * sources"), or a pronoun with no speaker in reach. Without it such quotes are not marked.
   */
  nobodyLabel?: (unnamed: boolean) => string;
}

/** Marks for the attributed quotes, per block: each labelled with its speaker. */
export function quoteMarks(quotes: readonly Quote[], opts: QuoteMarkOptions): Map<string, TextMark[]> {
  const min = opts.min ?? DEFAULT_MIN_CONFIDENCE;
  const marks = new Map<string, TextMark[]>();
  const add = (q: Quote, mark: TextMark) => marks.set(q.blockId, [...(marks.get(q.blockId) ?? []), mark]);
  for (const q of quotes) {
    if (q.end <= q.start) continue;
    const sure = q.confidence >= min;
    if (q.speaker === null) {
      // A quote of nobody named is marked only when its tier is sure: a guess about nobody says nothing.
      if (sure && opts.nobodyLabel) add(q, { start: q.start, end: q.end, class: 'quote nobody', data: { 'quote-id': q.id }, label: opts.nobodyLabel(!!q.unnamed) });
      continue;
    }
    const classes = ['quote'];
    if (!sure) classes.push('unsure');
    if (q.speaker === opts.selected) classes.push('chosen');
    if (q.id === opts.current) classes.push('current');
    const mark: TextMark = {
      start: q.start,
      end: q.end,
      class: classes.join(' '),
      data: { 'quote-id': q.id },
      label: sure ? q.speaker : opts.unsureLabel(q.speaker),
    };
    add(q, mark);
  }
  return marks;
}
