import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../cli/dom';
import { extractArticle } from '../../utils/extract';
import type { Block } from '../../utils/types';
import { BASE, PROSE } from './helpers';

const images = (blocks: Block[]) => blocks.flatMap((b) => (b.type === 'image' ? [b.image.src] : b.type === 'figure' ? b.images.map((i) => i.src) : []));

function article(pictures: string): string {
  return `<!doctype html><html lang="en"><head><title>Harbour</title></head><body><article>
    <p>${PROSE}</p>${pictures}<p>${PROSE} Again.</p><p>${PROSE} Once more.</p></article></body></html>`;
}

/** A browser with scripts on keeps `<noscript>` as text; jsdom (scripts off) parses it. */
function asBrowserParsesIt(doc: Document): Document {
  for (const noscript of Array.from(doc.getElementsByTagName('noscript'))) {
    const markup = Array.from(noscript.childNodes, (n) => (n.nodeType === 1 ? (n as Element).outerHTML : n.textContent)).join('');
    noscript.replaceChildren(doc.createTextNode(markup));
  }
  return doc;
}

describe('lazy images are resolved, the same in a browser as in Node', () => {
  it.each([
    ['data-src over an SVG placeholder', '<figure><img src="data:image/svg+xml,%3Csvg%3E%3C/svg%3E" data-src="/photos/harbour.jpg" alt="Harbour"><figcaption>The harbour at dawn.</figcaption></figure>'],
    ['data-lazy-src over a placeholder file', '<p><img src="/img/blank.gif" data-lazy-src="/photos/harbour.jpg" alt="Harbour" width="800" height="600"></p>'],
    ['data-original without src', '<div><img data-original="/photos/harbour.jpg" alt="Harbour"></div>'],
    ['data-srcset in a picture', '<picture><source data-srcset="/photos/harbour.webp 800w"><img data-srcset="/photos/harbour.jpg 800w, /photos/small.jpg 400w" alt="Harbour"></picture>'],
    ['a noscript image after a placeholder', '<figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" class="js-lazy" alt=""><noscript><img src="/photos/harbour.jpg" alt="Harbour"></noscript><figcaption>The harbour at dawn.</figcaption></figure>'],
    ['a noscript image alone', '<p><noscript><img src="/photos/harbour.jpg" alt="Harbour"></noscript></p>'],
  ])('%s', (_name, pictures) => {
    const html = article(pictures);
    const node = extractArticle(parseHtml(html, BASE), { url: BASE });
    const browser = extractArticle(asBrowserParsesIt(parseHtml(html, BASE)), { url: BASE });
    expect(images(node.blocks)).toHaveLength(1);
    expect(images(node.blocks)[0]).toMatch(/^https:\/\/news\.example\/photos\/harbour\.(jpg|webp)$/);
    expect(browser.blocks).toEqual(node.blocks);
  });
});
