/** Test helpers for the extraction steps: jsdom pages, the block model of a snippet. */
import { parseHtml } from '../../cli/dom';
import { buildBlocks } from '../../utils/blocks';
import { extractArticle, type ExtractOptions } from '../../utils/extract';
import { sanitizeToFragment } from '../../utils/sanitize';
import { ExtractionError, type Article, type Block } from '../../utils/types';

export const BASE = 'https://news.example/2024/05/story';

/** The block model of an article body snippet, as the pipeline builds it after Readability. */
export function blocksOf(body: string): Block[] {
  const doc = parseHtml(`<!doctype html><body><div>${body}</div></body>`, BASE);
  return buildBlocks(sanitizeToFragment(doc.body.firstElementChild!, doc.defaultView!), { baseUrl: BASE });
}

export function extractHtml(html: string, options: ExtractOptions = {}): Article {
  return extractArticle(parseHtml(html, BASE), { url: BASE, ...options });
}

/** Type and text of each block, for compact expectations. */
export const shape = (blocks: Block[]): string[] => blocks.map((b) => `${b.type}${b.type === 'heading' ? b.level : ''}: ${b.type === 'image' ? b.image.src : b.text}`);

export const PROSE =
  'The council met on Tuesday evening to discuss the new budget, and members argued for hours about the library before a vote was finally taken.';

/** The code of the ExtractionError `fn` throws, or undefined when it returns. */
export function refusalOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof ExtractionError) return err.code;
    throw err;
  }
  return undefined;
}
