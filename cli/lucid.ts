/**
 * Lucid Reader's command line: the extension's pipeline in Node.
 *
 *   npm run --silent cli -- extract [--url URL] [--format json|jsonl|md|text] [--timing] [--force] FILE...
 *   npm run --silent cli -- quotes  [--lang en|fr|de|es] [--format json|jsonl] FILE...
 *
 * FILE: .html, .htm, .html.gz (extract) or plain text, paragraphs separated by blank lines
 * (quotes); "-" for stdin. Several files give one JSON object per line.
 * Exit codes: 0 ok, 2 usage, 3 no article in at least one file, 1 other failure.
 */
import { parseArgs } from 'node:util';
import { parseHtml, readPage } from './dom';
import { extractArticle } from '../utils/extract';
import { articleToMarkdown } from '../utils/markdown';
import { attributeQuotes, quotesFromText } from '../utils/quotes';
import { ExtractionError, type Article } from '../utils/types';

const USAGE = `usage:
  lucid extract [--url URL] [--format json|jsonl|md|text] [--timing] [--force] FILE...
  lucid quotes  [--lang en|fr|de|es] [--format json|jsonl] FILE...
extract reads .html, .htm or .html.gz; quotes reads plain text (paragraphs separated by blank
lines); - is standard input.`;

const EXIT = { ok: 0, failure: 1, usage: 2, noArticle: 3 } as const;
const FORMATS = ['json', 'jsonl', 'md', 'text'] as const;
type Format = (typeof FORMATS)[number];

class UsageError extends Error {}

function fail(message: string): never {
  throw new UsageError(message);
}

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

function extractFile(file: string, url: string | undefined, force: boolean): Article {
  const html = readPage(file);
  if (!html.trim()) throw new ExtractionError('empty', 'the file is empty');
  if (/[\u0000-\u0008\u000e-\u001f]/.test(html.slice(0, 1024))) {
    throw new ExtractionError('not-html', 'the file is binary, not HTML');
  }
  const t0 = performance.now();
  const doc = parseHtml(html, url);
  const parseMs = performance.now() - t0;
  const article = extractArticle(doc, { url: url ?? null, force, quotes: attributeQuotes, consume: true });
  if (article.timing) {
    article.timing = { parseMs, ...article.timing, totalMs: article.timing.totalMs + parseMs };
  }
  return article;
}

function runExtract(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      format: { type: 'string', default: 'json' },
      timing: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
    },
  });
  const format = values.format as Format;
  if (!FORMATS.includes(format)) fail(`unknown format "${values.format}" (json, jsonl, md or text)`);
  if (!positionals.length) fail('no FILE given');
  if (values.url && !/^https?:\/\//.test(values.url)) fail(`--url must be an http(s) URL, not "${values.url}"`);
  const lines = format === 'json' && positionals.length > 1 ? 'jsonl' : format;

  let sawNoArticle = false;
  let sawFailure = false;
  for (const file of positionals) {
    try {
      const article = extractFile(file, values.url, values.force);
      if (lines === 'json') process.stdout.write(JSON.stringify(toJson(file, article, values.timing), null, 2) + '\n');
      else if (lines === 'jsonl') process.stdout.write(JSON.stringify(toJson(file, article, values.timing)) + '\n');
      else if (lines === 'md') process.stdout.write(articleToMarkdown(article) + '\n');
      else process.stdout.write(`${article.title}\n\n${article.text}\n\n`);
    } catch (err) {
      const noArticle = err instanceof ExtractionError;
      const message = err instanceof Error ? err.message : String(err);
      process.stderr.write(`lucid: ${file}: ${message}\n`);
      if (lines === 'json' || lines === 'jsonl') {
        // "error" is what scripts branch on; "reason" says which kind of no-article it was.
        const detail = noArticle ? { error: 'no-article', reason: err.code } : { error: 'failure' };
        process.stdout.write(JSON.stringify({ file, ...detail, message }) + '\n');
      }
      if (noArticle) sawNoArticle = true;
      else sawFailure = true;
    }
  }
  return sawFailure ? EXIT.failure : sawNoArticle ? EXIT.noArticle : EXIT.ok;
}

const LANGS = ['en', 'fr', 'de', 'es'];

function runQuotes(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { lang: { type: 'string' }, format: { type: 'string', default: 'json' } },
  });
  if (values.lang && !LANGS.includes(values.lang)) fail(`unknown language "${values.lang}" (en, fr, de or es)`);
  if (values.format !== 'json' && values.format !== 'jsonl') fail(`unknown format "${values.format}" (json or jsonl)`);
  if (!positionals.length) fail('no FILE given');
  const pretty = values.format === 'json' && positionals.length === 1;
  let failed = false;
  for (const file of positionals) {
    try {
      const { quotes, speakers, lang } = quotesFromText(readPage(file), { lang: values.lang });
      process.stdout.write(JSON.stringify({ file, lang, quotes, speakers }, null, pretty ? 2 : undefined) + '\n');
    } catch (err) {
      failed = true;
      const message = err instanceof Error ? err.message : String(err);
      process.stderr.write(`lucid: ${file}: ${message}\n`);
      process.stdout.write(JSON.stringify({ file, error: 'failure', message }) + '\n');
    }
  }
  return failed ? EXIT.failure : EXIT.ok;
}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  try {
    if (command === 'extract') return runExtract(rest);
    if (command === 'quotes') return runQuotes(rest);
    if (command === '--help' || command === '-h' || command === 'help') {
      process.stdout.write(USAGE + '\n');
      return EXIT.ok;
    }
    fail(command ? `unknown command "${command}"` : 'no command given');
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`lucid: ${(err as Error).message}\n${USAGE}\n`);
      return EXIT.usage;
    }
    process.stderr.write(`lucid: ${(err as Error).message}\n`);
    return EXIT.failure;
  }
}

process.exitCode = main(process.argv.slice(2));
