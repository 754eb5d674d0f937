/** Node-side DOM: jsdom parses pages for the pipeline (DOMPurify works on it; linkedom it does not). */
import { JSDOM, VirtualConsole } from 'jsdom';
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';

/** Parses HTML into a scriptless jsdom document; `url` sets the base for relative links. */
export function parseHtml(html: string, url?: string | null): Document {
  // A console per page: a shared one keeps a listener, and so the whole window, of every page alive.
  const dom = new JSDOM(html, { url: url ?? undefined, virtualConsole: new VirtualConsole(), contentType: 'text/html' });
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

/**
 * Parses a page, hands its document to `read`, then closes the window: jsdom windows hold
 * their memory until closed, and a run over a corpus would otherwise grow by gigabytes.
 */
export function withPage<T>(html: string, url: string | null | undefined, read: (doc: Document) => T): T {
  const doc = parseHtml(html, url);
  try {
    return read(doc);
  } finally {
    doc.defaultView?.close();
  }
}
