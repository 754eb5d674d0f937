import type { Selectors } from '../anchoring/types';

export const COLOURS = ['yellow', 'green', 'blue', 'pink'] as const;
export type Colour = (typeof COLOURS)[number];

/** A highlight on an article's clean text. Timestamps are ISO 8601 strings (UTC). */
export interface Highlight {
  id: string;
  /** `articleKey(canonicalUrl(...))`: groups the highlights of one article. */
  articleKey: string;
  selectors: Selectors;
  /** The highlighted text when it was made (also `selectors.quote.exact`). */
  text: string;
  colour: Colour;
  /** The reader's note ("" when none). */
  note: string;
  createdAt: string;
  updatedAt: string;
  /** The article's canonical URL. */
  url: string;
  title: string;
  /** The site's name (or host). */
  site: string;
  /** Who is speaking in the highlighted passage, when it is an attributed quote. */
  speaker?: string;
}
