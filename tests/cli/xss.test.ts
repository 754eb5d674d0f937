/**
 * The XSS corpus (DOMPurify's "alert" fixtures, OWASP's vectors) through the CLI on its fast
 * DOM (linkedom, sanitized on jsdom): one article page per payload, read as files with two
 * worker threads: every page answered in order; the Markdown holds no raw HTML and no
 * javascript:/data: link or image; the blocks keep only http(s)/mailto links and http(s) images.
 * The JSON is compared with the reference DOM's (jsdom alone): payloads are malformed markup on
 * purpose, and linkedom's parser (htmlparser2) does not apply the HTML standard's fix-ups for
 * misnested tags (a `<form>` inside `<p>`, `<a>` inside `<a>`, `<select>` content), so a part of
 * these pages splits into blocks differently; the count is printed, and real pages are held to
 * identity by npm run eval:cli-identity.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractBytes } from '../../cli/extract-file';
import { findMarkdownDanger, haveCorpus, loadPayloads } from '../fixtures/hostile/xss-pages';

const PROSE =
  'The city council approved the new harbour plan on Tuesday after a debate that lasted well into the night, with members from every party speaking. ' +
  'Engineers said the northern breakwater would be rebuilt first, and that work could begin as early as the spring.';

/** The places an article carries page markup, one per page in turn. */
const SLOTS = [
  (p: string) => `<p>${PROSE} The payload ${p} sits in this sentence.</p>`,
  (p: string) => `<figure><img src="/img/1.png" alt="Photo">${p}<figcaption>Caption: ${p}</figcaption></figure>`,
  (p: string) => `<p>${PROSE} Read <a href="https://example.org/r">the report ${p}</a> for details.</p>`,
  (p: string) => `<blockquote><p>“${PROSE} ${p}” said the harbour master.</p></blockquote>`,
  (p: string) => `<h2>Section ${p}</h2><p>${PROSE}</p>`,
  (p: string) => `<ul><li>Point: ${p}</li><li>${PROSE}</li></ul>`,
];

function page(payload: string, i: number): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour plan ${i}</title></head>
<body><nav><a href="/">Home</a></nav><main><article><h1>Harbour plan ${i}</h1>
${`<p>${PROSE}</p>`.repeat(4)}
${SLOTS[i % SLOTS.length]!(payload)}
${`<p>${PROSE}</p>`.repeat(3)}
</article></main></body></html>`;
}

function cli(args: string[]) {
  const run = spawnSync(process.execPath, ['cli/run.mjs', ...args], { encoding: 'utf8', timeout: 600_000, maxBuffer: 1 << 28 });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe.runIf(haveCorpus())('XSS corpus through the CLI (fast DOM)', () => {
  const payloads = haveCorpus() ? loadPayloads() : [];
  let files: string[] = [];
  let pages: string[] = [];
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'lucid-cli-xss-'));
    pages = payloads.map((p, i) => page(p.payload, i));
    files = pages.map((html, i) => {
      const file = join(dir, `${payloads[i]!.id}.html`);
      writeFileSync(file, html);
      return file;
    });
  });

  it('answers every page in order, as JSON blocks of text, beside the reference DOM', () => {
    expect(payloads.length).toBeGreaterThanOrEqual(141 + 160);
    const args = ['extract', '--format', 'jsonl', '--force', '--url', 'https://news.example.com/a', '--jobs', '2'];
    const fast = cli([...args, ...files]);
    const reference = cli([...args, '--dom', 'jsdom', ...files]);
    const fastLines = fast.out.trim().split('\n');
    expect(fastLines).toHaveLength(files.length);
    expect(fastLines.map((l) => JSON.parse(l).file)).toEqual(files);
    const articles = fastLines.filter((l) => !JSON.parse(l).error).length;
    expect(articles / files.length).toBeGreaterThan(0.95);
    const referenceLines = reference.out.trim().split('\n');
    expect(referenceLines.map((l) => JSON.parse(l).file)).toEqual(files);
    const same = fastLines.filter((line, i) => line === referenceLines[i]).length;
    console.log(`[cli xss] ${files.length} pages; JSON identical to the jsdom reference on ${same}`);
    // Whatever the parser, the JSON's blocks carry their id, type and plain text only.
    for (const line of fastLines) expect(Object.keys(JSON.parse(line).blocks?.[0] ?? { id: 0, type: 0, text: 0 })).toEqual(['id', 'type', 'text']);
  }, 900_000);

  it('prints Markdown with no raw HTML and no javascript:/data: link or image', () => {
    const md = cli(['extract', '--format', 'md', '--force', '--url', 'https://news.example.com/a', '--jobs', '2', ...files]);
    expect(md.out).toContain('Harbour plan');
    expect(findMarkdownDanger(md.out)).toEqual([]);
  }, 600_000);

  it('keeps only http(s)/mailto links and http(s) images in the blocks', () => {
    const urls: string[] = [];
    for (const html of pages) {
      let article;
      try {
        article = extractBytes(Buffer.from(html), { url: 'https://news.example.com/a', format: 'json', timing: false, force: true, dom: 'linkedom' });
      } catch {
        continue;
      }
      // Every URL anywhere in the block model (links in runs, list items, captions; images).
      for (const m of JSON.stringify(article.blocks).matchAll(/"(?:href|src)":"([^"]*)"/g)) urls.push(m[1]!);
    }
    expect(urls.length).toBeGreaterThan(50);
    expect(urls.filter((u) => !/^(https?:\/\/|mailto:)/i.test(u))).toEqual([]);
  }, 600_000);
});
