/**
 * Lazy-loaded images made real before Readability reads the page, the same in a browser and in
 * Node. Pages ship a placeholder in `src` (a blank GIF, an SVG, nothing) and the picture in a
 * data attribute that their script swaps in on scroll; or they put the picture in `<noscript>`,
 * which a browser with scripts on keeps as unparsed text and jsdom parses into elements.
 */
import { byTag } from './dom';

/** Where lazy-loading scripts keep the real picture, most specific first. */
const LAZY_SRC = ['data-lazy-src', 'data-src', 'data-original', 'data-orig-file', 'data-hi-res-src', 'data-actualsrc', 'data-url', 'data-lazy'];
const LAZY_SRCSET = ['data-lazy-srcset', 'data-srcset', 'data-original-srcset'];

export function resolveLazyImages(doc: Document, win: Window): void {
  for (const noscript of byTag(doc, 'noscript')) {
    parseNoscript(noscript, win);
    unwrapLoneImage(noscript);
  }
  for (const img of byTag(doc, 'img')) {
    swapIn(img, 'src', LAZY_SRC);
    swapIn(img, 'srcset', LAZY_SRCSET);
  }
  for (const source of byTag(doc, 'source')) swapIn(source, 'srcset', LAZY_SRCSET);
}

/** Puts the first lazy attribute that holds a URL (not a data: placeholder) into `target`. */
function swapIn(el: Element, target: 'src' | 'srcset', lazy: string[]): void {
  for (const name of lazy) {
    const value = el.getAttribute(name)?.trim();
    if (value && !/^data:/i.test(value) && /[./]/.test(value)) {
      if (el.getAttribute(target) !== value) el.setAttribute(target, value);
      return;
    }
  }
}

/**
 * Gives a `<noscript>` whose images are plain text (a browser with scripts on) the parsed
 * elements jsdom would have made, so Readability unwraps its images on either path. The text is
 * parsed in an inert document (no scripts run, nothing loads) and sanitized later like the rest.
 */
function parseNoscript(noscript: Element, win: Window): void {
  if (noscript.firstElementChild) return;
  const text = noscript.textContent ?? '';
  if (!/<img\b/i.test(text)) return;
  // A DOMParser document is inert, and no HTML is written into a live one (no innerHTML sink).
  // The page's own DOM parses it (its nodes are imported into the page): the sanitizing window
  // may be another DOM implementation (the CLI's linkedom page, sanitized on jsdom).
  const own = noscript.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  const Parser = own?.DOMParser ?? (win as Window & typeof globalThis).DOMParser;
  const inert = new Parser().parseFromString(`<!doctype html><html><body>${text}</body></html>`, 'text/html');
  noscript.replaceChildren(...Array.from(inert.body.childNodes, (node) => noscript.ownerDocument.importNode(node, true)));
}

/**
 * A `<noscript>` holding only a picture with no placeholder before it becomes that picture.
 * After a placeholder image it is left to Readability, which puts the picture in its place.
 */
function unwrapLoneImage(noscript: Element): void {
  const children = Array.from(noscript.children);
  if (!children.length || !children.every((el) => el.localName === 'img' || el.localName === 'picture')) return;
  if ((noscript.textContent ?? '').trim()) return;
  const before = noscript.previousElementSibling;
  if (before && (before.localName === 'img' || before.localName === 'picture')) return;
  noscript.replaceWith(...children);
}
