import type { Context } from '../context';
import type { QuoteSegment } from '../marks';
import type { SpeakerRec } from '../registry';
import type { Mention } from '../speakers';
import type { Rule } from '../tiers';

/** The speaker a tag resolved to; `unnamed` when the tag names an unnamed source ("a source"). */
export type Who = { rec: SpeakerRec | null; unnamed: boolean };

/** A tag found for a quote: who (as written), the cue, the tier, and where the tag ends. */
export interface Tag {
  mention: Mention;
  cue: string;
  tier: Rule;
  block: number;
  end: number;
  /** The speaker the tag resolved to (kept for the second part of a split quote). */
  who?: Who | null;
}

/** A direct quote (its segments' first and last, its text), with its neighbours' tags. */
export interface DirectQuote {
  first: QuoteSegment;
  last: QuoteSegment;
  text: string;
  /** The tag of the quote before, for a split quote's second part. */
  prevTag: Tag | null;
  /** The next quote's segments, whose tag may be this one's too. */
  next?: QuoteSegment[];
}

/** A strategy that finds a quote's tag, or null when its form does not apply. */
export type TagFinder = (ctx: Context, quote: DirectQuote) => Tag | null;

/** The tag and speaker a fallback gives a quote no finder tagged; `far` when the speaker was named paragraphs back. */
export interface Resolved {
  tag: Tag;
  who: Who;
  far?: boolean;
}

/** A fallback for a quote no finder tagged, or null when it does not apply. */
export type Fallback = (ctx: Context, quote: DirectQuote) => Resolved | null;
