/**
 * One comparison tool of `npm run bench` as a whole process over a batch of pages, the way a
 * user would run it: node scripts/lib/bench-tool.mjs readability-jsdom|readability-linkedom|defuddle FILE...
 * Reads each .html(.gz) file, parses it, extracts the article and prints one JSON line (file and
 * text length). Plain JavaScript, so no TypeScript loader is timed. FILE may be `url=…` to set
 * the URL of the files after it.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';

const [tool, ...args] = process.argv.slice(2);

async function extractor() {
  if (tool === 'readability-jsdom') {
    const { JSDOM, VirtualConsole } = await import('jsdom');
    return (html, url) => {
      const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole(), contentType: 'text/html' });
      try {
        return new Readability(dom.window.document).parse()?.textContent ?? '';
      } finally {
        dom.window.close();
      }
    };
  }
  if (tool === 'readability-linkedom') {
    const { parseHTML } = await import('linkedom');
    return (html) => new Readability(parseHTML(html).document).parse()?.textContent ?? '';
  }
  if (tool === 'defuddle') {
    const { parseHTML } = await import('linkedom');
    const { Defuddle } = await import('defuddle/node');
    return async (html, url) => (await Defuddle(parseHTML(html).document, url)).content ?? '';
  }
  throw new Error(`unknown tool ${tool}`);
}

const extract = await extractor();
let url;
for (const arg of args) {
  if (arg.startsWith('url=')) {
    url = arg.slice(4) || undefined;
    continue;
  }
  const bytes = readFileSync(arg);
  const html = (arg.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  try {
    const text = await extract(html, url);
    process.stdout.write(JSON.stringify({ file: arg, chars: text.length }) + '\n');
  } catch (err) {
    process.stdout.write(JSON.stringify({ file: arg, error: err.message }) + '\n');
  }
}
