/**
 * The article pipeline: Document in, plain serialisable `Article` out. A sequence of small
 * steps over a clone of the page (the caller's document is never touched):
 *   guard → readerable check → clone → signals → Readability → sanitize → blocks → fold → quotes
 *   → assemble.
 * Runs unchanged in the content script (browser DOM), in Node (jsdom) and in tests.
 */
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { buildBlocks } from './blocks';
import { cloneDocument } from './clone';
import { foldBlocks, type FoldRules } from './fold';
import { markLead, restoreLead } from './fold/lead';
import { markSignals } from './fold/signals';
import { liftFormulas } from './math';
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
  /**
   * The caller hands the document over (it was parsed for this call alone, as in the CLI): the
   * pipeline works on it directly instead of on a copy, and leaves it modified.
   */
  consume?: boolean;
  /** Attribute quotes to speakers (leave out to skip the step). */
  quotes?: QuotesStep;
}

/**
 * The quotes step (utils/quotes `attributeQuotes`). Passed in rather than imported: the content
 * script leaves it to the extension page, which keeps the script injected into pages small.
 */
export type QuotesStep = (blocks: Block[], options: { lang: string | null }) => Pick<Article, 'quotes' | 'speakers'>;
const NO_QUOTES: Pick<Article, 'quotes' | 'speakers'> = { quotes: [], speakers: [] };

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
  // What the page says of itself, read before Readability rewrites a handed-over document.
  const head = headElements(doc);
  const page = {
    title: doc.title,
    lang: pageLanguage(doc, head.language),
    canonical: {
      link: head.canonical?.getAttribute('href')?.trim() || null,
      og: head.ogUrl?.getAttribute('content')?.trim() || null,
    },
  };

  const tClone = now();
  // Readability rewrites the tree it reads: it gets a copy unless the caller handed the page over.
  const clone = options.consume ? doc : cloneDocument(doc);
  defuseClobbering(clone);
  liftFormulas(clone);

  const tSignals = now();
  // Clutter signals and the article's lead, noted before Readability strips or drops them.
  const scan = markSignals(clone);
  const tLead = now();
  const lead = markLead(scan);

  const tRead = now();
  const parsed = new Readability<Element>(clone, { serializer: (el) => el as Element }).parse();
  if (!parsed?.content) throw new ExtractionError('no-article', 'No article text was found on this page.');

  const tRestore = now();
  restoreLead(parsed.content, lead);

  const tSanitize = now();
  const fragment = sanitizeToFragment(parsed.content, win);

  const tBlocks = now();
  const blocks = buildBlocks(fragment, { baseUrl: url });
  if (!blocks.some((b) => b.text)) throw new ExtractionError('no-article', 'The article has no text.');

  const tFold = now();
  const title = (parsed.title || page.title || '').trim();
  const byline = clean(parsed.byline);
  const folded = foldBlocks(blocks, { title, byline, excerpt: parsed.excerpt, rules: options.rules });

  const tQuotes = now();
  const foldedIds = new Set(folded.map((f) => f.blockId));
  const lang = parsed.lang || page.lang;
  // Quotes are read from the kept text only: a folded duplicate would repeat its quotes.
  const { quotes, speakers } = options.quotes?.(blocks.filter((b) => !foldedIds.has(b.id)), { lang }) ?? NO_QUOTES;

  const tEnd = now();
  const text = articleText(blocks, foldedIds);
  const wordCount = countWords(text);
  const timing: Timing = {
    // The clone is Readability's cost (it rewrites the tree it is given); marking is folding's.
    readabilityMs: tSignals - tClone + (tRestore - tRead),
    signalsMs: tLead - tSignals,
    leadMs: tRead - tLead + (tSanitize - tRestore),
    sanitizeMs: tBlocks - tSanitize,
    blocksMs: tFold - tBlocks,
    foldMs: tQuotes - tFold,
    ...(options.quotes ? { quotesMs: tEnd - tQuotes } : {}),
    totalMs: tEnd - t0,
  };
  return {
    url,
    canonical: page.canonical,
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

/**
 * A DOM method or getter read from the prototype chain, past any element that a page named like
 * it (DOM clobbering: `<img name=body>` shadows `document.body`, `<input name=parentNode>`
 * shadows a form's `parentNode`).
 */
function real<T>(obj: object, key: string): T {
  for (let p = Object.getPrototypeOf(obj) as object | null; p; p = Object.getPrototypeOf(p) as object | null) {
    const d = Object.getOwnPropertyDescriptor(p, key);
    if (d) return (d.get ? d.get.call(obj) : (d.value as (...a: unknown[]) => unknown).bind(obj)) as T;
  }
  throw new Error(`DOM property ${key} not found`);
}

/**
 * Undoes DOM clobbering in the clone before Readability walks it: a form control named
 * `parentNode` shadows the form's own `parentNode`, and a parent walk then goes round in a
 * circle for ever (a frozen tab); `<img name=body>` shadows `document.body`. Only names and ids
 * that collide with a property of the document or of a form are dropped (the sanitizer drops
 * names anyway), so ordinary pages reach Readability unchanged. The candidates are gathered by
 * tag, not with a selector: jsdom's selector engine costs more than Readability's own clone.
 */
const CLOBBERING_TAGS = ['form', 'img', 'embed', 'object', 'iframe'];

function defuseClobbering(doc: Document): void {
  const byTag = (root: Document | Element, tag: string) => Array.from(real<(tag: string) => HTMLCollectionOf<Element>>(root, 'getElementsByTagName')(tag));
  const formProto = Object.getPrototypeOf(real<(tag: string) => Element>(doc, 'createElement')('form')) as object;
  const docProto = Object.getPrototypeOf(doc) as object;
  const collides = (value: string) => hasProperty(docProto, value) || hasProperty(formProto, value);
  const defuse = (el: Element) => {
    for (const attr of ['name', 'id']) {
      const value = real<(name: string) => string | null>(el, 'getAttribute')(attr);
      if (value && collides(value)) real<(name: string) => void>(el, 'removeAttribute')(attr);
    }
  };
  for (const tag of CLOBBERING_TAGS) byTag(doc, tag).forEach(defuse);
  for (const form of byTag(doc, 'form')) byTag(form, '*').forEach(defuse);
}

/** Whether `key` is a property defined anywhere on a prototype chain (not a clobbered name). */
function hasProperty(proto: object | null, key: string): boolean {
  for (let p = proto; p; p = Object.getPrototypeOf(p) as object | null) {
    if (Object.prototype.hasOwnProperty.call(p, key)) return true;
  }
  return false;
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

/**
 * The first `<link rel=canonical>`, `og:url` meta and language meta (Content-Language or
 * og:locale) in document order. A loop, not selectors: jsdom's selector engine takes longer
 * over a case-insensitive attribute selector than all the rest of the page's metadata.
 */
function headElements(doc: Document): { canonical?: Element; ogUrl?: Element; language?: Element } {
  const found: { canonical?: Element; ogUrl?: Element; language?: Element } = {};
  const byTag = real<(tag: string) => HTMLCollectionOf<Element>>(doc, 'getElementsByTagName');
  for (const link of Array.from(byTag('link'))) {
    const rel = link.getAttribute('rel');
    if (rel && rel.toLowerCase().split(/\s+/).includes('canonical')) {
      found.canonical = link;
      break;
    }
  }
  for (const meta of Array.from(byTag('meta'))) {
    const property = meta.getAttribute('property');
    if (property === 'og:url') found.ogUrl ??= meta;
    if (property === 'og:locale' || meta.getAttribute('http-equiv')?.toLowerCase() === 'content-language') found.language ??= meta;
  }
  return found;
}

function pageLanguage(doc: Document, meta: Element | undefined): string {
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
