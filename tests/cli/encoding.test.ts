/**
 * Pages in legacy encodings (issue 16, item 3): the CLI decodes a file by its byte-order mark,
 * `<meta charset>` or `http-equiv` Content-Type (bytes that are valid UTF-8 are read as UTF-8), falls back to windows-1252 for bytes that are
 * not UTF-8, and `--encoding` forces one. The fixtures were written in those encodings with
 * iconv (tests/fixtures/encodings); read as UTF-8 they come out garbled.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../cli/encoding';

const DIR = 'tests/fixtures/encodings';
const GERMAN = 'Die Bürgermeisterin der Stadt Köln eröffnete am Dienstag die neue Brücke über den Rhein.';
const CHINESE = '北京市政府星期二宣布，新的地铁线路将于明年春天开通。';

function cli(args: string[]) {
  const run = spawnSync(process.execPath, ['cli/run.mjs', ...args], { encoding: 'utf8', timeout: 300_000 });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

const bytes = (name: string) => readFileSync(`${DIR}/${name}`);

describe('decoding pages', () => {
  it('follows <meta charset>, http-equiv Content-Type and a byte-order mark', () => {
    expect(decodeHtml(bytes('de-windows-1252-meta-charset.html'))).toContain('5 € – „Grüße“');
    expect(decodeHtml(bytes('de-iso-8859-1-http-equiv.html'))).toContain(GERMAN);
    expect(decodeHtml(bytes('zh-gbk-meta-charset.html'))).toContain(CHINESE);
    // The BOM wins over the page's own (wrong) meta charset.
    expect(decodeHtml(bytes('de-utf-16le-bom.html'))).toContain(GERMAN);
    expect(decodeHtml(Buffer.from('\ufeff<p>Köln €</p>'))).toBe('<p>Köln €</p>');
  });

  it('reads valid UTF-8 as UTF-8, whatever it declares, and undeclared other bytes as windows-1252', () => {
    expect(decodeHtml(Buffer.from('<p>Köln, 北京</p>'))).toBe('<p>Köln, 北京</p>');
    // Re-saved pages keep their old declaration (Readability's qq test page: UTF-8 that says GBK).
    expect(decodeHtml(Buffer.from('<meta charset="gbk"><p>Köln, 北京</p>'))).toContain('Köln, 北京');
    expect(decodeHtml(bytes('de-windows-1252-undeclared.html'))).toContain(GERMAN);
  });

  it('lets a forced encoding win over the page', () => {
    expect(decodeHtml(bytes('zh-gbk-meta-charset.html'), 'windows-1252')).not.toContain(CHINESE);
    expect(decodeHtml(Buffer.from('<meta charset="utf-8"><p>K\xf6ln</p>', 'latin1'), 'iso-8859-1')).toContain('Köln');
  });
});

describe('the CLI on legacy encodings', () => {
  it('extracts every fixture with its accents and characters intact', () => {
    const files = ['de-windows-1252-meta-charset.html', 'de-iso-8859-1-http-equiv.html', 'de-windows-1252-undeclared.html', 'de-utf-16le-bom.html', 'zh-gbk-meta-charset.html'];
    const { code, out } = cli(['extract', '--force', '--format', 'jsonl', ...files.map((f) => `${DIR}/${f}`)]);
    expect(code).toBe(0);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.title)).toEqual([...Array(4).fill('Neue Brücke in Köln'), '北京新地铁线路明年开通']);
    for (const line of lines.slice(0, 4)) expect(line.text).toContain(GERMAN);
    expect(lines[0].text).toContain('5 € – „Grüße“');
    expect(lines[4].text).toContain(CHINESE);
  }, 300_000);

  it('forces an encoding with --encoding and refuses an unknown one', () => {
    const forced = cli(['extract', '--force', '--format', 'text', '--encoding', 'windows-1252', `${DIR}/zh-gbk-meta-charset.html`]);
    expect(forced.code).toBe(0);
    expect(forced.out).not.toContain('北京');
    const bad = cli(['extract', '--encoding', 'klingon', `${DIR}/zh-gbk-meta-charset.html`]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/unknown encoding "klingon"/);
  }, 300_000);
});
