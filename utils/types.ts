/**
 * The article data model: plain, serialisable data that the pure core produces and every
 * view (popup, clean view, library, CLI) consumes. No DOM nodes, no functions.
 */

/** A run of inline text with its formatting; the runs of a block concatenate to `block.text`. */
export interface Inline {
  text: string;
  /** http(s) or mailto link target (already vetted by the sanitizer and the block builder). */
  href?: string;
  em?: boolean;
  strong?: boolean;
  code?: boolean;
  /** A formula (utils/math.ts): `text` is then its plain text. */
  math?: MathFormula;
}

/** One node of a formula: a MathML Core element name, layout attributes, children (text or nodes). */
export interface MathNode {
  tag: string;
  attrs?: Record<string, string>;
  children?: (MathNode | string)[];
}

/** A MathML formula, as serialisable data (never markup). */
export interface MathFormula {
  tree: MathNode;
  /** A display (block) formula rather than one in the run of text. */
  display: boolean;
  /** The TeX source the page carried (`<annotation encoding="application/x-tex">`). */
  tex?: string;
}

export interface ImageRef {
  /** Absolute http(s) URL: the block builder drops data: and every other scheme. */
  src: string;
  alt: string;
  width?: number;
  height?: number;
}

/**
 * Structural hints about where a block came from, recorded before Readability strips them
 * (landmarks, class/id words, hidden state, position). Folding uses them; views ignore them.
 */
export interface BlockSignals {
  /** Clutter hints from ancestors' roles, landmarks, class names and ids (e.g. "related", "share"). */
  hints?: string[];
  /** The share of the block's text that sits inside links (0..1). */
  linkDensity?: number;
  /** Number of links in the block. */
  links?: number;
}

interface BlockBase {
  /** Stable id: derived from the block's position and a hash of its text ("b12-3f9a"). */
  id: string;
  /** Plain text of the block (list items and table rows joined by "\n"). */
  text: string;
  signals?: BlockSignals;
}

export interface HeadingBlock extends BlockBase {
  type: 'heading';
  level: 1 | 2 | 3 | 4 | 5 | 6;
  inlines: Inline[];
}
export interface ParagraphBlock extends BlockBase {
  type: 'paragraph';
  inlines: Inline[];
}
export interface BlockquoteBlock extends BlockBase {
  type: 'blockquote';
  inlines: Inline[];
}
export interface ListBlock extends BlockBase {
  type: 'list';
  ordered: boolean;
  items: Inline[][];
}
export interface FigureBlock extends BlockBase {
  type: 'figure';
  images: ImageRef[];
  /** Caption text (may be empty); `text` is the caption plus credit. */
  caption: Inline[];
  credit?: string;
}
export interface ImageBlock extends BlockBase {
  type: 'image';
  image: ImageRef;
}
export interface CodeBlock extends BlockBase {
  type: 'code';
}
export interface TableBlock extends BlockBase {
  type: 'table';
  rows: { header: boolean; cells: string[] }[];
}

export type Block =
  | HeadingBlock
  | ParagraphBlock
  | BlockquoteBlock
  | ListBlock
  | FigureBlock
  | ImageBlock
  | CodeBlock
  | TableBlock;

export type BlockType = Block['type'];

/** Why a block was folded away. `duplicate` folds carry the id of the kept twin in `of`. */
export type FoldReason =
  | 'duplicate'
  | 'boilerplate:skip-link'
  | 'boilerplate:related'
  | 'boilerplate:share'
  | 'boilerplate:ad'
  | 'boilerplate:comments'
  | 'boilerplate:latest'
  | 'boilerplate:cookie'
  | 'boilerplate:byline'
  | 'boilerplate:bio'
  | 'boilerplate:credit'
  | 'boilerplate:caption'
  | 'boilerplate:cta'
  | 'boilerplate:navigation'
  | 'boilerplate:hidden'
  | 'user-rule';

/**
 * What a fold is, for code to act on (the view's wording, a label folding with its links):
 * - headline: a duplicate of the headline shown above the text (no `of`);
 * - repeat: a duplicate of a kept block (`of` names it); image: the same picture again;
 * - label: a line that only introduces what follows ("Read more", "Latest news");
 * - links: related links (a list of links to the same site, linked headlines);
 * - promo: a paragraph wholly linking to another story of the same site, in the text;
 * - breadcrumb: the short list of links to the page's sections, starting at the home page;
 * - notice: a short notice dominated by sign-in / subscribe links (paywall, comments);
 * - text: a whole line that reads as furniture (advertisement, share, byline, credit…);
 * - hint: a short block under an element marked as furniture (landmark, role, class words);
 * - user-rule: the reader's own rule.
 */
export type FoldCode = 'headline' | 'repeat' | 'image' | 'label' | 'links' | 'promo' | 'breadcrumb' | 'notice' | 'text' | 'hint' | 'user-rule';

export interface Fold {
  blockId: string;
  reason: FoldReason;
  code: FoldCode;
  /** For duplicates: the id of the kept block this one repeats. */
  of?: string;
  /** Human-readable detail for people, e.g. "repeats the headline" (never read by code). */
  detail?: string;
}

export type QuoteKind = 'direct' | 'reported';

export interface Quote {
  id: string;
  /** The quoted words without the quote marks. */
  text: string;
  kind: QuoteKind;
  /** Canonical speaker name (a Speaker's `name`), or null when unnamed/unknown. */
  speaker: string | null;
  /** True for "selon les sources", "officials said": an unnamed source. */
  unnamed?: boolean;
  role?: string;
  /** The speech cue as it appears ("a commenté", "said", "according to"). */
  cue?: string;
  /** The rule tier that produced the attribution; higher tiers are more precise. */
  tier: string;
  /** 0..1, the measured precision of the tier (see `npm run eval:quotes`). */
  confidence: number;
  blockId: string;
  /** Offsets of `text` within the block's text. */
  start: number;
  end: number;
}

export interface Speaker {
  name: string;
  role?: string;
  aliases: string[];
  /** True when the speaker is an organisation ("the Pentagon"). */
  organisation?: boolean;
  /**
   * True when the article gives no name, only a description ("the expert", "la rédaction", "a
   * source close to the case"): its quotes are labelled with it, "Who is quoted" does not list it.
   */
  described?: boolean;
  quoteIds: string[];
}

export interface Timing {
  parseMs?: number;
  readabilityMs: number;
  /** Marking clutter signals on the page before Readability (for folding). */
  signalsMs?: number;
  /** Finding the article's lead before Readability and putting back what it dropped (extraction). */
  leadMs?: number;
  sanitizeMs: number;
  blocksMs: number;
  foldMs?: number;
  quotesMs?: number;
  totalMs: number;
}

export interface Article {
  url: string | null;
  /** The page's own name for itself: `<link rel=canonical>` and `og:url`, as written (unvetted). */
  canonical?: { link: string | null; og: string | null };
  title: string;
  byline: string | null;
  siteName: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl';
  publishedTime: string | null;
  excerpt: string | null;
  wordCount: number;
  readingMinutes: number;
  blocks: Block[];
  /** The plain text of the kept (not folded, not figure) blocks, joined by blank lines. */
  text: string;
  folded: Fold[];
  quotes: Quote[];
  speakers: Speaker[];
  timing?: Timing;
}

/** Why extraction gave no article. */
export type ExtractionErrorCode = 'no-article' | 'too-large' | 'not-html' | 'empty';

export class ExtractionError extends Error {
  constructor(
    readonly code: ExtractionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ExtractionError';
  }
}
