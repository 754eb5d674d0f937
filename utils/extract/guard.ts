/**
 * Clear refusals, before and after the heavy work: documents that cannot hold an article
 * (checked first, cheaply), and results with too little prose to be one (checked last: a
 * toolbar click is a request, so the pipeline runs before it may say "nothing to read").
 */
import { ExtractionError, type Block } from '../types';

export const DEFAULT_MAX_ELEMENTS = 150_000;
/** About 300,000 words: far beyond any article, and Readability's cost grows with it. */
const MAX_TEXT_CHARS = 2_000_000;

export function guardDocument(doc: Document, maxElements: number): void {
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

/**
 * The least running text an article has: Readability's own bar for a page to be an article
 * (`isProbablyReaderable` wants 140 characters in a paragraph-like node) over the whole kept
 * text. A login form, a gallery or an error page stays under it.
 */
const MIN_PROSE_CHARS = 140;
/** Blocks that hold running text; headings, captions and images do not count. */
const PROSE_BLOCKS = new Set<Block['type']>(['paragraph', 'blockquote', 'list', 'table', 'code']);

/** Refuses a result whose kept prose is too short to be an article. */
export function guardProse(blocks: Block[], folded: Set<string>): void {
  let chars = 0;
  for (const b of blocks) {
    if (PROSE_BLOCKS.has(b.type) && !folded.has(b.id)) chars += b.text.length;
    if (chars >= MIN_PROSE_CHARS) return;
  }
  throw new ExtractionError('no-article', 'This page has too little text to be an article.');
}
