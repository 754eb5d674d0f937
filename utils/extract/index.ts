/**
 * The article pipeline: Document in, plain serialisable `Article` out. A sequence of small
 * steps, each a module of this folder, over a clone of the page (the caller's document is never
 * touched):
 *   guard → metadata → clone → clobbering defence → lazy images → formulas → signals → lead → Readability
 *   → sanitize → blocks → fold → prose guard → quotes → assemble.
 * Each runs through `step(name, fn)`, which records its time. Runs unchanged in the content
 * script (browser DOM), in Node (jsdom) and in tests.
 */
import { buildBlocks } from '../blocks';
import { foldBlocks, type FoldRules } from '../fold';
import { markLead, restoreLead } from './lead';
import { markSignals } from './signals';
import { selfAddress } from './address';
import { sanitizeToFragment } from '../sanitize';
import { countWords, readingMinutes } from '../text';
import { ExtractionError, type Article, type Block, type Timing } from '../types';
import { cloneDocument } from './clone';
import { defuseClobbering } from './clobbering';
import { liftFormulas } from '../math';
import { DEFAULT_MAX_ELEMENTS, guardDocument, guardProse } from './guard';
import { resolveLazyImages } from './images';
import { bylineWithoutDate, chooseTitle, clean, direction, readMetadata, siteNameOf } from './metadata';
import { readArticle } from './readability';
import { stepTimer } from './step';


export interface ExtractOptions {
  /** The page URL (for relative links and images; defaults to the document's URL). */
  url?: string | null;
  /**
   * Return whatever text was found, even too little to be an article ("Try anyway"). Without
   * it the pipeline still runs in full, and refuses only a result with too little prose.
   */
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
  /**
   * When the document and `window` are of two DOM implementations (the CLI's linkedom page and its
   * jsdom sanitizing window): copies Readability's article into the window's document, where the
   * sanitizer works (cli/foreign-node.ts). Kept out of the pipeline so pages never load it.
   */
  adopt?: (node: Node, into: Document) => Node;
  /** Attribute quotes to speakers (leave out to skip the step). */
  quotes?: QuotesStep;
}

/**
 * The quotes step (utils/quotes `attributeQuotes`). Passed in rather than imported: the content
 * script leaves it to the extension page, which keeps the script injected into pages small.
 */
export type QuotesStep = (blocks: Block[], options: { lang: string | null }) => Pick<Article, 'quotes' | 'speakers'>;
const NO_QUOTES: Pick<Article, 'quotes' | 'speakers'> = { quotes: [], speakers: [] };

/** The steps as `Timing` reports them (the CLI's `--timing` prints these names). */
type StepName = 'readability' | 'signals' | 'lead' | 'sanitize' | 'blocks' | 'fold' | 'quotes';

export function extractArticle(doc: Document, options: ExtractOptions = {}): Article {
  const t0 = performance.now();
  const { step, times } = stepTimer<StepName>();
  const win = options.window ?? doc.defaultView;
  if (!win) throw new Error('extractArticle needs a window to sanitize with (pass options.window).');
  guardDocument(doc, options.maxElements ?? DEFAULT_MAX_ELEMENTS);
  const url = options.url ?? (/^https?:/.test(doc.URL) ? doc.URL : null);
  // What the page says of itself, read before Readability rewrites a handed-over document.
  const page = readMetadata(doc);

  // Readability rewrites the tree it reads: it gets a copy unless the caller handed the page over.
  // The copy, its defusing and its images are Readability's cost.
  const clone = step('readability', () => {
    const copy = options.consume ? doc : cloneDocument(doc);
    defuseClobbering(copy);
    resolveLazyImages(copy, win);
    // Formulas out of the wrappers Readability would drop them with (utils/math.ts).
    liftFormulas(copy);
    return copy;
  });
  // Clutter signals and the article's lead, noted before Readability strips or drops them.
  const scan = step('signals', () => markSignals(clone));
  const lead = step('lead', () => markLead(scan));
  const parsed = step('readability', () => readArticle(clone));
  step('lead', () => restoreLead(parsed.content, lead));
  const fragment = step('sanitize', () => sanitizeToFragment(options.adopt ? options.adopt(parsed.content, win.document) : parsed.content, win));
  const blocks = step('blocks', () => buildBlocks(fragment, { baseUrl: url ?? selfAddress(page.canonical) }));
  if (!blocks.some((b) => b.text)) throw new ExtractionError('no-article', 'The article has no text.');

  const siteName = siteNameOf(parsed.siteName);
  const title = chooseTitle(parsed.title || page.title || '', page.titles, { name: siteName, url });
  const byline = bylineWithoutDate(clean(parsed.byline));
  const addresses = [url ?? selfAddress(page.canonical), page.canonical.link, page.canonical.og].filter((a): a is string => !!a);
  const folded = step('fold', () => foldBlocks(blocks, { title, byline, addresses, rules: options.rules }));
  const foldedIds = new Set(folded.map((f) => f.blockId));
  if (!options.force) guardProse(blocks, foldedIds);

  const lang = parsed.lang || page.lang;
  // Quotes are read from the kept text only: a folded duplicate would repeat its quotes.
  const quoted = options.quotes;
  const { quotes, speakers } = quoted ? step('quotes', () => quoted(blocks.filter((b) => !foldedIds.has(b.id)), { lang })) : NO_QUOTES;

  const text = articleText(blocks, foldedIds);
  const wordCount = countWords(text);
  const timing: Timing = {
    readabilityMs: times.readability ?? 0,
    signalsMs: times.signals ?? 0,
    leadMs: times.lead ?? 0,
    sanitizeMs: times.sanitize ?? 0,
    blocksMs: times.blocks ?? 0,
    foldMs: times.fold ?? 0,
    ...(quoted ? { quotesMs: times.quotes ?? 0 } : {}),
    totalMs: performance.now() - t0,
  };
  return {
    url,
    canonical: page.canonical,
    title,
    byline,
    siteName,
    lang: lang || null,
    dir: direction(parsed.dir, lang),
    publishedTime: page.published ?? clean(parsed.publishedTime),
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

/** The plain text of the running article: kept text blocks (not folded, not figures or images). */
export function articleText(blocks: Block[], folded: Set<string>): string {
  return blocks
    .filter((b) => b.text && b.type !== 'figure' && b.type !== 'image' && !folded.has(b.id))
    .map((b) => b.text)
    .join('\n\n');
}
