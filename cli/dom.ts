/** Node-side DOM: jsdom parses pages for the pipeline (DOMPurify works on it; linkedom it does not). */
import { JSDOM, VirtualConsole } from 'jsdom';
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';

const quiet = new VirtualConsole();

/** Parses HTML into a scriptless jsdom document; `url` sets the base for relative links. */
export function parseHtml(html: string, url?: string | null): Document {
  const dom = new JSDOM(html, { url: url ?? undefined, virtualConsole: quiet, contentType: 'text/html' });
  return dom.window.document;
}

/** Reads a page file (.html, .htm, .html.gz) or stdin ("-") as text. */
export function readPage(file: string): string {
  const bytes = file === '-' ? readFileSync(0) : readFileSync(file);
  if (file.endsWith('.gz')) {
    try {
      return gunzipSync(bytes).toString('utf8');
    } catch (err) {
      throw new Error(`${file}: corrupt gzip (${(err as Error).message})`);
    }
  }
  return bytes.toString('utf8');
}
