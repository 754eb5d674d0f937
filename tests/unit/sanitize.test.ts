import { existsSync, readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { sanitizeToFragment, sanitizeToString } from '../../utils/sanitize';

const win = new JSDOM('').window as unknown as Window;
const XSS = '../shared/corpus/xss';

// MathML is kept (utils/math.ts) but never its HTML-carrying or interactive parts.
const FORBIDDEN = /^(script|iframe|frame|object|embed|form|input|button|style|svg|base|meta|link|template|noscript|annotation-xml|maction|mglyph)$/i;

/** Parses the sanitized output and checks every element: nothing that can run or navigate. */
function assertInert(html: string): void {
  const doc = new JSDOM(`<body>${html}</body>`).window.document;
  for (const el of Array.from(doc.body.querySelectorAll('*'))) {
    expect(el.localName).not.toMatch(FORBIDDEN);
    for (const attr of Array.from(el.attributes)) {
      expect(attr.name).not.toMatch(/^on/i);
      if (/^(href|src|srcset|action|formaction|xlink:href|background|poster)$/i.test(attr.name)) {
        expect(attr.value.replace(/[\s\u0000-\u001f]/g, '')).not.toMatch(/^(javascript|vbscript|data:(?!image\/(png|gif|jpeg|webp|avif);))/i);
      }
    }
  }
}

describe('the sanitizer (DOMPurify under jsdom)', () => {
  it('really sanitizes in Node: scripts, handlers and javascript: URLs are removed', () => {
    const out = sanitizeToString(
      '<p onclick="alert(1)">Hi<script>alert(2)</script><img src=x onerror=alert(3)><a href="javascript:alert(4)">x</a><a href="java&#x09;script:alert(5)">y</a></p>',
      win,
    );
    expect(out).toBe('<p>Hi<img src="x"><a>x</a><a>y</a></p>');
  });

  it('keeps article structure, safe links, images and its own signal attributes', () => {
    const out = sanitizeToString(
      '<article><h2 class="x" style="color:red">T</h2><p data-lucid-hint="related" data-evil="1">a <a href="https://e.com/" target="_blank">b</a></p><figure><img src="https://e.com/i.jpg" alt="i"><figcaption>c</figcaption></figure><form><input></form><iframe src="https://e.com"></iframe></article>',
      win,
    );
    expect(out).toBe(
      '<article><h2>T</h2><p data-lucid-hint="related">a <a href="https://e.com/">b</a></p><figure><img src="https://e.com/i.jpg" alt="i"><figcaption>c</figcaption></figure></article>',
    );
  });

  it('returns a fragment from a node without modifying it', () => {
    const doc = new JSDOM('<div id=a><p onclick="x()">t</p></div>').window.document;
    const before = doc.body.innerHTML;
    const fragment = sanitizeToFragment(doc.getElementById('a')!, win);
    expect(fragment.textContent).toBe('t');
    expect(doc.body.innerHTML).toBe(before);
  });

  it('refuses a DOM on which DOMPurify cannot work (linkedom returns input unsanitized)', () => {
    const { window } = parseHTML('<html><body></body></html>');
    expect(() => sanitizeToString('<img src=x onerror=alert(1)>', window as unknown as Window)).toThrow(/full DOM/);
  });

  it.runIf(existsSync(XSS))('neutralises every DOMPurify XSS fixture and OWASP vector', () => {
    const fixtures = JSON.parse(readFileSync(`${XSS}/dompurify-expect.json`, 'utf8')) as { payload: string }[];
    const vectors = readFileSync(`${XSS}/owasp-xss-filter-evasion-vectors.txt`, 'utf8').split('\n').filter(Boolean);
    const payloads = [...fixtures.map((f) => f.payload), ...vectors];
    expect(payloads.length).toBeGreaterThan(380);
    for (const payload of payloads) assertInert(sanitizeToString(payload, win));
  });
});
