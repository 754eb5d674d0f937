/**
 * The article pipeline: Document in, plain serialisable `Article` out. A sequence of small
 * steps over a clone of the page (the caller's document is never touched):
 *   guard → readerable check → clone → Readability → sanitize → blocks → fold → quotes → assemble.
 * Runs unchanged in the content script (browser DOM), in Node (jsdom) and in tests.
 */
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { buildBlocks } from './blocks';
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
}

export const DEFAULT_MAX_ELEMENTS = 150_000;
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
  const clone = doc.cloneNode(true) as Document;
  const parsed = new Readability<Element>(clone, { serializer: (el) => el as Element }).parse();
  if (!parsed?.content) throw new ExtractionError('no-article', 'No article text was found on this page.');

  const tSanitize = now();
  const fragment = sanitizeToFragment(parsed.content, win);

  const tBlocks = now();
  const blocks = buildBlocks(fragment, { baseUrl: url });
  if (!blocks.some((b) => b.text)) throw new ExtractionError('no-article', 'The article has no text.');

  const tEnd = now();
  const lang = parsed.lang || pageLanguage(doc);
  const text = articleText(blocks, new Set());
  const wordCount = countWords(text);
  const timing: Timing = {
    readabilityMs: tSanitize - tRead,
    sanitizeMs: tBlocks - tSanitize,
    blocksMs: tEnd - tBlocks,
    totalMs: tEnd - t0,
  };
  return {
    url,
    title: (parsed.title || doc.title || '').trim(),
    byline: clean(parsed.byline),
    siteName: clean(parsed.siteName),
    lang: lang || null,
    dir: direction(parsed.dir, lang),
    publishedTime: clean(parsed.publishedTime),
    excerpt: clean(parsed.excerpt),
    wordCount,
    readingMinutes: readingMinutes(wordCount),
    blocks,
    text,
    folded: [],
    quotes: [],
    speakers: [],
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
