/**
 * One FILE through `lucid extract`: read, decode, parse, run the pipeline, format. Returns what
 * to print rather than printing, so the main thread can print worker results in input order.
 */
import { openPage } from './dom';
import { decodeHtml } from './encoding';
import { extractArticle } from '../utils/extract';
import { adoptInto } from './foreign-node';
import type { ExtractFileOptions, FileResult } from './options';
import { readPageBytes } from './read-file';
import { articleToMarkdown } from '../utils/markdown';
import { attributeQuotes } from '../utils/quotes';
import { ExtractionError, type Article } from '../utils/types';

/** The CLI's JSON shape: blocks reduced to id, type and text. */
function toJson(file: string, article: Article, timing: boolean): Record<string, unknown> {
  return {
    file,
    url: article.url,
    title: article.title,
    byline: article.byline,
    siteName: article.siteName,
    lang: article.lang,
    publishedTime: article.publishedTime,
    excerpt: article.excerpt,
    readingMinutes: article.readingMinutes,
    wordCount: article.wordCount,
    blocks: article.blocks.map((b) => ({ id: b.id, type: b.type, text: b.text })),
    text: article.text,
    folded: article.folded,
    quotes: article.quotes,
    speakers: article.speakers,
    ...(timing ? { timing: article.timing } : {}),
  };
}

/** Extracts the article of a page's bytes (`bytes` already read: standard input, or a file). */
export function extractBytes(bytes: Uint8Array, options: ExtractFileOptions): Article {
  const html = decodeHtml(bytes, options.encoding);
  if (!html.trim()) throw new ExtractionError('empty', 'the file is empty');
  if (/[\u0000-\u0008\u000e-\u001f]/.test(html.slice(0, 1024))) {
    throw new ExtractionError('not-html', 'the file is binary, not HTML');
  }
  const t0 = performance.now();
  const page = openPage(html, options.url, options.dom);
  const parseMs = performance.now() - t0;
  try {
    const article = extractArticle(page.doc, { url: options.url ?? null, force: options.force, quotes: attributeQuotes, consume: true, window: page.window, adopt: adoptInto });
    if (article.timing) {
      article.timing = { parseMs, ...article.timing, totalMs: article.timing.totalMs + parseMs };
    }
    return article;
  } finally {
    page.close();
  }
}

/** Runs one file and formats its output; `bytes` is given for standard input. */
export function extractFile(file: string, options: ExtractFileOptions, bytes?: Uint8Array): FileResult {
  const json = options.format === 'json' || options.format === 'jsonl';
  try {
    const article = extractBytes(bytes ?? readPageBytes(file), options);
    let stdout: string;
    if (options.format === 'json') stdout = JSON.stringify(toJson(file, article, options.timing), null, 2) + '\n';
    else if (options.format === 'jsonl') stdout = JSON.stringify(toJson(file, article, options.timing)) + '\n';
    else if (options.format === 'md') stdout = articleToMarkdown(article) + '\n';
    else stdout = `${article.title}\n\n${article.text}\n\n`;
    return { stdout, stderr: '', status: 'ok' };
  } catch (err) {
    const noArticle = err instanceof ExtractionError;
    const message = err instanceof Error ? err.message : String(err);
    // "error" is what scripts branch on; "reason" says which kind of no-article it was.
    const detail = noArticle ? { error: 'no-article', reason: err.code } : { error: 'failure' };
    return {
      stdout: json ? JSON.stringify({ file, ...detail, message }) + '\n' : '',
      stderr: `lucid: ${file}: ${message}\n`,
      status: noArticle ? 'noArticle' : 'failure',
    };
  }
}
