/**
 * The article pipeline: Document in, plain serialisable `Article` out. A sequence of small
 * steps over a clone of the page (the caller's document is never touched):
 *   guard → readerable check → clone → Readability → sanitize → blocks → fold → quotes → assemble.
 * Runs unchanged in the content script (browser DOM), in Node (jsdom) and in tests.
 */
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { buildBlocks } from './blocks';
import { cloneDocument } from './clone';
import { foldBlocks, type FoldRules } from './fold';
import { markLead, restoreLead } from './fold/lead';
import { markSignals } from './fold/signals';
import { attributeQuotes } from './quotes';
import { sanitizeToFragment } from './sanitize';
import { countWords, readingMinutes } from './text';
import { ExtractionError, type Article, type Block, type Timing } from './types';

export interface ExtractOptions {
  /** The page URL (for relative links and images; defaults to the document's URL). */
  url?: string | null;
  /** Skip the quick "is this an article?" check and extract anyway. */
  force?: boolean;
  /** Refuse pages with more elements than this (default 150,000). */
  maxElements?: number;
  /** Window whose DOM runs the sanitizer; defaults to the document's window. */
  window?: Window;
  /** The reader's per-site corrections: fingerprints of blocks that are clutter / content. */
  rules?: FoldRules;
}

export const DEFAULT_MAX_ELEMENTS = 150_000;
/** About 300,000 words: far beyond any article, and Readability's cost grows with it. */
const MAX_TEXT_CHARS = 2_000_000;
const RTL_LANGS = new Set(['ar', 'he', 'fa', 'ur', 'yi', 'ps', 'sd', 'ug', 'dv', 'ckb']);

const now = (): number => performance.now();

export function extractArticle(doc: Document, options: ExtractOptions = {}): Article {
  const t0 = now();
  const win = options.window ?? doc.defaultView;
  if (!win) throw new Error('extractArticle needs a window to sanitize with (pass options.window).');
  guardDocument(doc, options.maxElements ?? DEFAULT_MAX_ELEMENTS);
  if (!options.force && !isProbablyReaderable(doc)) {
    throw new ExtractionError('no-article', 'This page does not look like an article.');
  }
  const url = options.url ?? (/^https?:/.test(doc.URL) ? doc.URL : null);

  const tRead = now();
  const clone = cloneDocument(doc);
  // Clutter signals and the article's lead, noted before Readability strips or drops them.
  markSignals(clone);
  const lead = markLead(clone);
  const parsed = new Readability<Element>(clone, { serializer: (el) => el as Element }).parse();
  if (!parsed?.content) throw new ExtractionError('no-article', 'No article text was found on this page.');
  restoreLead(parsed.content, lead);

  const tSanitize = now();
  const fragment = sanitizeToFragment(parsed.content, win);

  const tBlocks = now();
  const blocks = buildBlocks(fragment, { baseUrl: url });
  if (!blocks.some((b) => b.text)) throw new ExtractionError('no-article', 'The article has no text.');

  const tFold = now();
  const title = (parsed.title || doc.title || '').trim();
  const byline = clean(parsed.byline);
  const folded = foldBlocks(blocks, { title, byline, excerpt: parsed.excerpt, rules: options.rules });

  const tQuotes = now();
  const foldedIds = new Set(folded.map((f) => f.blockId));
  const lang = parsed.lang || pageLanguage(doc);
  // Quotes are read from the kept text only: a folded duplicate would repeat its quotes.
  const { quotes, speakers } = attributeQuotes(blocks.filter((b) => !foldedIds.has(b.id)), { lang });

  const tEnd = now();
  const text = articleText(blocks, foldedIds);
  const wordCount = countWords(text);
  const timing: Timing = {
    readabilityMs: tSanitize - tRead,
    sanitizeMs: tBlocks - tSanitize,
    blocksMs: tFold - tBlocks,
    foldMs: tQuotes - tFold,
    quotesMs: tEnd - tQuotes,
    totalMs: tEnd - t0,
  };
  return {
    url,
    title,
    byline,
    siteName: clean(parsed.siteName),
    lang: lang || null,
    dir: direction(parsed.dir, lang),
    publishedTime: clean(parsed.publishedTime),
    excerpt: clean(parsed.excerpt),
    wordCount,
    readingMinutes: readingMinutes(wordCount),
    blocks,
    text,
    folded,
    quotes,
    speakers,
    timing,
  };
}

/** Clear errors for documents that cannot hold an article, before any heavy work. */
function guardDocument(doc: Document, maxElements: number): void {
  const type = doc.contentType || 'text/html';
  if (!/html/.test(type)) {
    throw new ExtractionError('not-html', `This is a ${type} document, not a web page.`);
  }
  if (!doc.body || !doc.documentElement) {
    throw new ExtractionError('empty', 'The page is empty.');
  }
  const chars = doc.body.textContent?.length ?? 0;
  if (chars > MAX_TEXT_CHARS) {
    throw new ExtractionError(
      'too-large',
      `The page is too large to read (${(chars / 1e6).toFixed(1)} million characters of text; the limit is ${MAX_TEXT_CHARS / 1e6} million).`,
    );
  }
  const elements = doc.getElementsByTagName('*').length;
  if (elements > maxElements) {
    throw new ExtractionError(
      'too-large',
      `The page is too large to read (${elements.toLocaleString('en')} elements; the limit is ${maxElements.toLocaleString('en')}).`,
    );
  }
}

/** The plain text of the running article: kept text blocks (not folded, not figures or images). */
export function articleText(blocks: Block[], folded: Set<string>): string {
  return blocks
    .filter((b) => b.text && b.type !== 'figure' && b.type !== 'image' && !folded.has(b.id))
    .map((b) => b.text)
    .join('\n\n');
}

function pageLanguage(doc: Document): string {
  const meta = doc.querySelector('meta[http-equiv="content-language" i], meta[property="og:locale"]');
  return (doc.documentElement.getAttribute('lang') || meta?.getAttribute('content') || '').replace('_', '-').trim();
}

function direction(dir: string | null | undefined, lang: string): 'ltr' | 'rtl' {
  if (dir === 'rtl' || dir === 'ltr') return dir;
  return RTL_LANGS.has(lang.toLowerCase().split('-')[0]) ? 'rtl' : 'ltr';
}

function clean(value: string | null | undefined): string | null {
  const v = value?.replace(/\s+/g, ' ').trim();
  return v ? v : null;
}
