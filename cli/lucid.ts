/**
 * Lucid Reader's command line: the extension's pipeline in Node.
 *
 *   npm run --silent cli -- extract [--url URL] [--format json|jsonl|md|text] [--timing] [--force]
 *                                   [--jobs N] [--dom linkedom|jsdom] [--encoding LABEL] FILE...
 *   npm run --silent cli -- quotes  [--lang en|fr|de|es] [--format json|jsonl] FILE...
 *
 * FILE: .html, .htm, .html.gz (extract) or plain text, paragraphs separated by blank lines
 * (quotes); "-" for stdin. Several files give one JSON object per line, in input order; with
 * several files, `extract` runs them as --jobs jobs (one per core by default): this thread and
 * worker threads beside it (cli/pool.ts).
 * Exit codes: 0 ok, 2 usage, 3 no article in at least one file, 1 other failure.
 */
import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { encodingName } from './encoding';
import { DOMS, FORMATS, type DomKind, type ExtractFileOptions, type FileResult, type FileStatus, type Format } from './options';
import { runPool } from './pool';
import { readPage } from './read-file';

const USAGE = `usage:
  lucid extract [--url URL] [--format json|jsonl|md|text] [--timing] [--force]
                [--jobs N] [--dom linkedom|jsdom] [--encoding LABEL] FILE...
  lucid quotes  [--lang en|fr|de|es] [--format json|jsonl] FILE...
extract reads .html, .htm or .html.gz, decoded by its byte-order mark or <meta charset>
(--encoding forces one, e.g. windows-1252, gbk); quotes reads plain text (paragraphs separated
by blank lines); - is standard input. Several files run as --jobs jobs (default: one per
core): the main thread and worker threads; --dom jsdom runs the reference DOM (slower, same output).`;

const EXIT = { ok: 0, failure: 1, usage: 2, noArticle: 3 } as const;

class UsageError extends Error {}

function fail(message: string): never {
  throw new UsageError(message);
}

/** The exit code of a run from its files' statuses: any failure first, then any no-article. */
function exitCode(statuses: Set<FileStatus>): number {
  return statuses.has('failure') ? EXIT.failure : statuses.has('noArticle') ? EXIT.noArticle : EXIT.ok;
}

async function runExtract(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      format: { type: 'string', default: 'json' },
      timing: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      jobs: { type: 'string' },
      dom: { type: 'string', default: 'linkedom' },
      encoding: { type: 'string' },
    },
  });
  const format = values.format as Format;
  if (!FORMATS.includes(format)) fail(`unknown format "${values.format}" (json, jsonl, md or text)`);
  if (!positionals.length) fail('no FILE given');
  if (values.url && !/^https?:\/\//.test(values.url)) fail(`--url must be an http(s) URL, not "${values.url}"`);
  if (!DOMS.includes(values.dom as DomKind)) fail(`unknown DOM "${values.dom}" (linkedom or jsdom)`);
  if (values.encoding && !encodingName(values.encoding)) fail(`unknown encoding "${values.encoding}" (a WHATWG label: utf-8, windows-1252, iso-8859-1, gbk, shift_jis, …)`);
  const jobs = values.jobs === undefined ? availableParallelism() : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) fail(`--jobs must be a whole number of 1 or more, not "${values.jobs}"`);

  const options: ExtractFileOptions = {
    url: values.url,
    format: format === 'json' && positionals.length > 1 ? 'jsonl' : format,
    timing: values.timing,
    force: values.force,
    dom: values.dom as DomKind,
    encoding: values.encoding,
  };
  const statuses = new Set<FileStatus>();
  const print = (result: FileResult) => {
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    statuses.add(result.status);
  };
  // Standard input belongs to this thread: it is read here, and its bytes sent to a worker if one runs it.
  let stdin: Buffer | undefined;
  const tasks = positionals.map((file) => ({ file, options, bytes: file === '-' ? (stdin ??= readFileSync(0)) : undefined }));
  await runPool(tasks, jobs, print);
  return exitCode(statuses);
}

const LANGS = ['en', 'fr', 'de', 'es'];

async function runQuotes(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { lang: { type: 'string' }, format: { type: 'string', default: 'json' } },
  });
  if (values.lang && !LANGS.includes(values.lang)) fail(`unknown language "${values.lang}" (en, fr, de or es)`);
  if (values.format !== 'json' && values.format !== 'jsonl') fail(`unknown format "${values.format}" (json or jsonl)`);
  if (!positionals.length) fail('no FILE given');
  const pretty = values.format === 'json' && positionals.length === 1;
  // Imported here: `extract` and `--help` do not need it before the pipeline loads it.
  const { quotesFromText } = await import('../utils/quotes');
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

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'extract') return await runExtract(rest);
    if (command === 'quotes') return await runQuotes(rest);
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

process.exitCode = await main(process.argv.slice(2));
