/**
 * The fast DOM's sanitizing: a linkedom subtree handed to the sanitizer with a jsdom window is
 * copied into jsdom and really sanitized (DOMPurify on a linkedom window sanitizes nothing, and
 * the sanitizer refuses such a window). The copy keeps nesting a parser would undo.
 */
import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { copyIntoDocument, isForeignNode } from '../../cli/foreign-node';
import { sanitizeToFragment } from '../../utils/sanitize';

const HOSTILE = `<div id="a"><p onclick="alert(1)">Hello <a href="javascript:alert(2)">link</a> <a href="https://ok.example/">ok</a>
<img src="x" onerror="alert(3)"><img src="data:text/html,<script>alert(4)</script>"></p><script>alert(5)</script>
<iframe src="https://evil.example/"></iframe><svg><circle r="1"/></svg><style>p{}</style>World</div>`;

const jsdomWindow = () => new JSDOM('').window as unknown as Window;

function serialize(fragment: DocumentFragment): string {
  const box = fragment.ownerDocument.createElement('div');
  box.append(fragment);
  return box.innerHTML;
}

describe('sanitizing a linkedom subtree on a jsdom window', () => {
  it('removes scripts, handlers, frames, SVG and javascript:/data: URLs', () => {
    const { document } = parseHTML(`<html><body>${HOSTILE}</body></html>`);
    const node = document.getElementById('a') as unknown as Node;
    const win = jsdomWindow();
    expect(isForeignNode(node, win.document)).toBe(true);
    const html = serialize(sanitizeToFragment(node, win));
    expect(html).toContain('Hello');
    expect(html).toContain('World');
    expect(html).toContain('href="https://ok.example/"');
    expect(html).not.toMatch(/script|onclick|onerror|javascript:|data:|iframe|svg|<style/i);
  });

  it('gives what sanitizing the same tree built in jsdom gives', () => {
    const win = jsdomWindow();
    const { document } = parseHTML(`<html><body>${HOSTILE}</body></html>`);
    const fast = serialize(sanitizeToFragment(document.getElementById('a') as unknown as Node, win));
    const reference = new JSDOM(`<body>${HOSTILE}</body>`).window.document.getElementById('a')!;
    expect(fast).toBe(serialize(sanitizeToFragment(reference, win)));
  });

  it('refuses a linkedom window', () => {
    const { window } = parseHTML('<html><body><p>x</p></body></html>');
    expect(() => sanitizeToFragment('<p>x</p>', window as unknown as Window)).toThrow(/full DOM/);
  });

  it('copies nesting the HTML parser would undo, lowercasing HTML names', () => {
    const { document } = parseHTML('<html><body><div id="a"></div></body></html>');
    const p = document.createElement('P');
    p.append(document.createElement('h2'));
    p.firstChild!.textContent = 'Title';
    const win = jsdomWindow();
    const copy = copyIntoDocument(p as unknown as Node, win.document) as Element;
    expect(copy.localName).toBe('p');
    expect(copy.firstElementChild!.localName).toBe('h2');
    expect(copy.textContent).toBe('Title');
  });
});
