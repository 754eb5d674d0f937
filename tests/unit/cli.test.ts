import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { FILES_PER_WORKER, workerCount } from '../../cli/pool';
import { LONG, articlePage, parseHtml } from './page';

function cli(args: string[], input?: string) {
  const run = spawnSync(process.execPath, ['cli/run.mjs', ...args], { encoding: 'utf8', input, timeout: 120_000 });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('the CLI', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lucid-cli-'));
    writeFileSync(join(dir, 'good.html'), articlePage(Array.from({ length: 8 }, () => LONG)));
    writeFileSync(join(dir, 'good.html.gz'), gzipSync(articlePage(Array.from({ length: 8 }, () => LONG))));
    writeFileSync(join(dir, 'empty.html'), '');
    writeFileSync(join(dir, 'junk.html'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    writeFileSync(join(dir, 'truncated.html'), articlePage(Array.from({ length: 8 }, () => LONG)).slice(0, 900));
    writeFileSync(join(dir, 'login.html'), readFileSync('tests/fixtures/login.html'));
    writeFileSync(join(dir, 'corrupt.html.gz'), Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7]));
  });

  it('extracts the sample page as JSON with the documented shape', () => {
    const { code, out } = cli(['extract', '--url', 'https://lequotidien.example/a', '--timing', 'tests/fixtures/sample-fr.html']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual([
      'file', 'url', 'title', 'byline', 'siteName', 'lang', 'publishedTime', 'excerpt', 'readingMinutes',
      'wordCount', 'blocks', 'text', 'folded', 'quotes', 'speakers', 'timing',
    ]);
    expect(json.url).toBe('https://lequotidien.example/a');
    expect(Object.keys(json.blocks[0])).toEqual(['id', 'type', 'text']);
    expect(json.timing.parseMs).toBeGreaterThan(0);
    expect(json.timing.totalMs).toBeGreaterThanOrEqual(json.timing.readabilityMs);
  });

  it('keeps going over bad files, one JSON line each, and exits 1 when one failed', () => {
    const files = ['good.html', 'empty.html', 'junk.html', 'truncated.html', 'login.html', 'corrupt.html.gz', 'good.html.gz'].map((f) => join(dir, f));
    const { code, out, err } = cli(['extract', ...files]);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.file)).toEqual(files);
    expect(lines.map((l) => l.error ?? 'ok')).toEqual(['ok', 'no-article', 'no-article', 'ok', 'no-article', 'failure', 'ok']);
    expect(lines.map((l) => l.reason ?? '')).toEqual(['', 'empty', 'not-html', '', 'no-article', '', '']);
    expect(code).toBe(1);
    expect(err).toMatch(/corrupt\.html\.gz: corrupt gzip/);
    expect(err.trim().split('\n')).toHaveLength(4); // one clear line per bad file
  });

  it('prints the same lines in input order whatever the number of jobs, standard input included', () => {
    const six = ['good.html', 'login.html', '-', 'corrupt.html.gz', 'good.html.gz', 'truncated.html'].map((f) => (f === '-' ? f : join(dir, f)));
    // Enough files for two workers beside the main thread (a smaller batch starts none).
    const files = Array.from({ length: Math.ceil((2 * FILES_PER_WORKER) / six.length) }, () => six).flat();
    expect(workerCount(3, files.length)).toBe(2);
    const page = articlePage(Array.from({ length: 6 }, () => LONG));
    const one = cli(['extract', '--jobs', '1', ...files], page);
    const three = cli(['extract', '--jobs', '3', ...files], page);
    expect(one.out.trim().split('\n').map((l) => JSON.parse(l).file)).toEqual(files);
    expect(three.out).toBe(one.out);
    expect(three.err).toBe(one.err);
    expect(three.code).toBe(1);
    expect(JSON.parse(three.out.split('\n')[2]).title).toBe('Test article');
  });

  it('starts no worker for a batch too small to repay one, and never more than jobs − 1', () => {
    expect(workerCount(2, 2)).toBe(0);
    expect(workerCount(8, FILES_PER_WORKER - 1)).toBe(0);
    expect(workerCount(2, FILES_PER_WORKER)).toBe(1);
    expect(workerCount(2, 100 * FILES_PER_WORKER)).toBe(1);
    expect(workerCount(1, 100 * FILES_PER_WORKER)).toBe(0);
    expect(workerCount(8, 3 * FILES_PER_WORKER)).toBe(3);
  });

  it('gives the reference DOM\'s output with --dom jsdom', () => {
    const fast = cli(['extract', 'tests/fixtures/sample-fr.html']);
    const reference = cli(['extract', '--dom', 'jsdom', 'tests/fixtures/sample-fr.html']);
    expect(fast.code).toBe(0);
    expect(fast.out).toBe(reference.out);
  });

  it('exits 3 when a file has no article and nothing else failed', () => {
    const { code, out } = cli(['extract', '--format', 'jsonl', join(dir, 'good.html'), join(dir, 'login.html')]);
    expect(code).toBe(3);
    expect(JSON.parse(out.trim().split('\n')[1]).error).toBe('no-article');
  });

  it('reads stdin and prints Markdown or text', () => {
    const page = articlePage(['A <em>short</em> but <a href="https://x.example/">linked</a> intro. ' + LONG.repeat(6)]);
    const md = cli(['extract', '--format', 'md', '-'], page);
    expect(md.code).toBe(0);
    expect(md.out).toMatch(/^# Test article\n/);
    expect(md.out).toContain('A *short* but [linked](https://x.example/) intro.');
    const text = cli(['extract', '--format', 'text', '-'], page);
    expect(text.out).toContain('A short but linked intro.');
  });

  it('attributes the quotes of plain text (the sample article\'s paragraphs)', () => {
    const page = parseHtml(readFileSync('tests/fixtures/sample-fr.html', 'utf8'));
    const seed = Array.from(page.querySelectorAll('.article-body > p'), (p) => p.textContent).join('\n\n');
    const { code, out } = cli(['quotes', '--lang', 'fr', '-'], seed);
    expect(code).toBe(0);
    const { lang, quotes, speakers } = JSON.parse(out);
    expect(lang).toBe('fr');
    const peskov = quotes.find((q: { kind: string }) => q.kind === 'direct');
    expect(peskov).toMatchObject({ speaker: 'Dmitry Peskov', role: 'porte-parole du Kremlin' });
    expect(peskov.text).toMatch(/^Il est clair que .* impuni$/);
    expect(speakers.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(['Pat Ryder', 'Dmitry Peskov']));
    expect(cli(['quotes', '--lang', 'xx', '-'], seed).code).toBe(2);
  });

  it('exits 2 with usage on bad arguments', () => {
    expect(cli([]).code).toBe(2);
    expect(cli(['extract']).code).toBe(2);
    expect(cli(['extract', '--format', 'xml', 'a.html']).code).toBe(2);
    expect(cli(['extract', '--bogus', 'a.html']).code).toBe(2);
    expect(cli(['frobnicate']).err).toMatch(/unknown command/);
    expect(cli(['extract', '--jobs', '0', 'a.html']).err).toMatch(/--jobs must be a whole number/);
    expect(cli(['extract', '--dom', 'happy', 'a.html']).code).toBe(2);
  });
});
