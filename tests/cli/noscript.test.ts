/**
 * A `<noscript>` picture written as escaped markup (every DOM keeps it as text) on the fast DOM:
 * the text is parsed by the page's own DOM (linkedom), not by the jsdom window that sanitizes,
 * whose nodes linkedom cannot import (16 of the 311 corpus pages failed so). Both DOMs give the
 * same article.
 */
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../cli/extract-file';
import type { DomKind } from '../../cli/options';

const PROSE = 'The harbour works begin in spring, the council said after a long debate on the plan and its costs, which will be published in full. '.repeat(4);
const PAGE = `<!doctype html><html lang="en"><head><title>Harbour works</title></head><body><article>
<h1>Harbour works</h1><p>${PROSE}</p>
<figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" class="lazy"><noscript>&lt;img src="https://example.org/quay.jpg" alt="The quay"&gt;</noscript><figcaption>The quay in winter</figcaption></figure>
<p>${PROSE}</p></article></body></html>`;

const extract = (dom: DomKind) => extractBytes(new TextEncoder().encode(PAGE), { format: 'json', timing: false, force: true, dom, url: 'https://example.org/harbour' });

describe('a noscript picture on the fast DOM', () => {
  it('is read as on jsdom', () => {
    const fast = extract('linkedom');
    expect(JSON.stringify(fast.blocks)).toContain('https://example.org/quay.jpg');
    expect(fast.blocks).toEqual(extract('jsdom').blocks);
  });
});
