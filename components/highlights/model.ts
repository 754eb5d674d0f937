/**
 * Highlights of the article on screen: making one from a range of the article text, and
 * placing the stored ones again (each either placed, or an orphan that is listed, never moved).
 */
import { anchor, describe } from '../../utils/anchoring';
import type { Colour, Highlight } from '../../utils/highlights/types';
import { articleKey, canonicalUrl } from '../../utils/highlights/url';
import { DEFAULT_MIN_CONFIDENCE } from '../../utils/quotes/tiers';
import type { Article } from '../../utils/types';
import type { TextMark } from '../marks';
import { addMark, type ArticleLayout } from './layout';

/** Where the article's highlights are kept: its canonical URL and the key derived from it. */
export interface ArticleIdentity {
  url: string;
  key: string;
}

/**
 * The article's identity: its `<link rel=canonical>` or `og:url` when on the same site, else its
 * URL (or the page's, when the article has none), cleaned of fragments and tracking parameters.
 */
export function identify(article: Article, pageUrl?: string | null): ArticleIdentity | null {
  const raw = article.url ?? pageUrl;
  if (!raw || !/^https?:/i.test(raw)) return null;
  const url = canonicalUrl(raw, { canonical: article.canonical?.link, ogUrl: article.canonical?.og });
  return { url, key: articleKey(url) };
}

/**
 * The speaker of the passage `start..end`: the one speaker whose (surely attributed) quotes
 * cover at least half of it. A highlight usually takes the quote marks or a word around the
 * quote too, so it need not lie strictly inside.
 */
export function speakerOf(article: Article, layout: ArticleLayout, start: number, end: number): string | undefined {
  const covered = new Map<string, number>();
  for (const q of article.quotes) {
    const block = layout.byId.get(q.blockId);
    if (!block || q.speaker === null || q.confidence < DEFAULT_MIN_CONFIDENCE) continue;
    const overlap = Math.min(end, block.start + q.end) - Math.max(start, block.start + q.start);
    if (overlap > 0) covered.set(q.speaker, (covered.get(q.speaker) ?? 0) + overlap);
  }
  if (covered.size !== 1) return undefined;
  const [[speaker, length]] = [...covered];
  return length * 2 >= end - start ? speaker : undefined;
}

export function newHighlight(
  article: Article,
  layout: ArticleLayout,
  identity: ArticleIdentity,
  range: { start: number; end: number },
  colour: Colour,
  now = new Date(),
): Highlight {
  const { start, end } = range;
  const selectors = describe(layout.text, start, end, layout.blocks);
  const speaker = speakerOf(article, layout, start, end);
  const at = now.toISOString();
  return {
    id: crypto.randomUUID(),
    articleKey: identity.key,
    selectors,
    text: selectors.quote.exact,
    colour,
    note: '',
    createdAt: at,
    updatedAt: at,
    url: identity.url,
    title: article.title,
    site: article.siteName || new URL(identity.url).hostname,
    ...(speaker ? { speaker } : {}),
  };
}

export interface Placement {
  /** Marks per block id for the Reader. */
  marks: Map<string, TextMark[]>;
  /** Highlights whose passage is no longer in the article. */
  orphans: Highlight[];
}

/** Anchors each highlight in the current article text; `nameOf` gives a mark's accessible name. */
export function place(highlights: readonly Highlight[], layout: ArticleLayout, nameOf: (h: Highlight) => string): Placement {
  const marks = new Map<string, TextMark[]>();
  const orphans: Highlight[] = [];
  for (const h of highlights) {
    const found = anchor(layout.text, h.selectors, layout.blocks);
    if ('orphan' in found) {
      orphans.push(h);
      continue;
    }
    const classes = ['highlight', h.colour];
    if (h.note.trim()) classes.push('noted');
    addMark(marks, layout, found.start, found.end, { class: classes.join(' '), data: { 'highlight-id': h.id }, name: nameOf(h) });
  }
  return { marks, orphans };
}
