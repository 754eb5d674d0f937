/**
 * The quotes step applied to an article that was read without it (the content script leaves it
 * to the extension page, to keep the script injected into pages small).
 */
import type { Article } from '../types';
import { attributeQuotes } from './index';

export function withQuotes(article: Article): Article {
  const t0 = performance.now();
  const folded = new Set(article.folded.map((f) => f.blockId));
  const { quotes, speakers } = attributeQuotes(
    article.blocks.filter((b) => !folded.has(b.id)),
    { lang: article.lang },
  );
  const quotesMs = performance.now() - t0;
  const timing = article.timing && { ...article.timing, quotesMs, totalMs: article.timing.totalMs + quotesMs };
  return { ...article, quotes, speakers, ...(timing ? { timing } : {}) };
}
