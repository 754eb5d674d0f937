/**
 * The quotes step applied to an article that was read without it (the content script leaves it
 * to the extension page, to keep the script injected into pages small). Only the article's
 * language's rules are loaded, each its own chunk.
 */
import type { Article } from '../types';
import { attributeWith, quotedBlocks } from './engine';
import { langCode } from './lang';
import { loadRules } from './rules/load';

export async function withQuotes(article: Article): Promise<Article> {
  const folded = new Set(article.folded.map((f) => f.blockId));
  const blocks = article.blocks.filter((b) => !folded.has(b.id));
  const code = langCode(article.lang, quotedBlocks(blocks).map((b) => b.text));
  if (!code) return { ...article, quotes: [], speakers: [] };
  const L = await loadRules(code);
  const t0 = performance.now();
  const { quotes, speakers } = attributeWith(blocks, L);
  const quotesMs = performance.now() - t0;
  const timing = article.timing && { ...article.timing, quotesMs, totalMs: article.timing.totalMs + quotesMs };
  return { ...article, quotes, speakers, ...(timing ? { timing } : {}) };
}
