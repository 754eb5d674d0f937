/**
 * Node-side DOMs for the pipeline. Two arrangements give the same article:
 * - `linkedom` (the CLI's default, about 4× faster): linkedom parses the page and runs
 *   Readability, the signals and the lead; DOMPurify, which sanitizes nothing on a linkedom
 *   window, runs on one reused jsdom window, to which the sanitizer copies the article subtree
 *   (cli/foreign-node.ts); the block model reads that sanitized jsdom fragment.
 * - `jsdom` (the reference): jsdom does everything.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';
import type { DomKind } from './options';

/** A parsed page: its document, the window that sanitizes its article, and how to free it. */
export interface Page {
  doc: Document;
  window: Window;
  close(): void;
}

/** Parses HTML into a scriptless jsdom document; `url` sets the base for relative links. */
export function parseHtml(html: string, url?: string | null): Document {
  // A console per page: a shared one keeps a listener, and so the whole window, of every page alive.
  const dom = new JSDOM(html, { url: url ?? undefined, virtualConsole: new VirtualConsole(), contentType: 'text/html' });
  return dom.window.document;
}

let sanitizerWindow: Window | undefined;

/** One empty jsdom window per thread, reused for every page's sanitizing. */
function jsdomSanitizerWindow(): Window {
  sanitizerWindow ??= new JSDOM('', { virtualConsole: new VirtualConsole() }).window as unknown as Window;
  return sanitizerWindow;
}

/**
 * Parses HTML with linkedom. linkedom leaves a document's URL and base unset; Readability
 * resolves the article's links against `baseURI` (a `<base href>` first) and keeps `#…` links
 * when it equals `documentURI`, as it does under jsdom, so both are set the way jsdom sets them.
 */
function parseHtmlFast(html: string, url?: string | null): Document {
  const doc = parseHTML(html).document as unknown as Document;
  const documentURI = url ?? 'about:blank';
  let baseURI = documentURI;
  const base = doc.querySelector('base[href]')?.getAttribute('href');
  if (base != null) {
    try {
      baseURI = new URL(base, documentURI).href;
    } catch {
      // An unusable <base href> is ignored, as a browser ignores it.
    }
  }
  for (const [key, value] of [['URL', documentURI], ['documentURI', documentURI], ['baseURI', baseURI], ['contentType', 'text/html']]) {
    Object.defineProperty(doc, key, { value, configurable: true });
  }
  return doc;
}

/** Parses a page with the chosen DOM. Close it when done: jsdom windows hold their memory until closed. */
export function openPage(html: string, url: string | null | undefined, dom: DomKind = 'jsdom'): Page {
  if (dom === 'linkedom') return { doc: parseHtmlFast(html, url), window: jsdomSanitizerWindow(), close() {} };
  const doc = parseHtml(html, url);
  const window = doc.defaultView!;
  return { doc, window, close: () => window.close() };
}

/**
 * Parses a page, hands its document to `read`, then closes the window: jsdom windows hold
 * their memory until closed, and a run over a corpus would otherwise grow by gigabytes.
 */
export function withPage<T>(html: string, url: string | null | undefined, read: (doc: Document, window: Window) => T, dom: DomKind = 'jsdom'): T {
  const page = openPage(html, url, dom);
  try {
    return read(page.doc, page.window);
  } finally {
    page.close();
  }
}
