/**
 * Red-team finding R2 (issue 12): Markdown injection through "Copy as Markdown" and the library
 * export. Page text, titles and URLs must not become links, fenced blocks (a `~~~dataviewjs`
 * block runs code in Obsidian), rules, math, comments or wiki links in what we write.
 */
import { describe, expect, it } from 'vitest';
import { exportMarkdown } from '../../utils/highlights';
import { articleToMarkdown } from '../../utils/markdown';
import type { Article, Block } from '../../utils/types';
import { injections, markdownArticle, storedHighlight } from '../fixtures/hostile/redteam-pages';

const FENCE = 'Harbour plan\n~~~dataviewjs\ndv.el("b", "pwned")\n~~~';
const NASTY_URL = 'https://img.example.org/a.png)[Read more](javascript:alert(1)';
const LINES = ['Before', '~~~dataviewjs', '```js', '---', '$$x$$', '%% hidden %%', '> not a quote', '[[Secret note]]', 'After'];

function article(blocks: Block[], overrides: Partial<Article> = {}): Article {
  return markdownArticle(blocks, {
    url: 'https://news.example.org/a b<c>(d)',
    title: FENCE,
    byline: 'Jo\n---\nWriter',
    siteName: 'Example %% News',
    ...overrides,
  });
}

describe('R2: "Copy as Markdown" (articleToMarkdown)', () => {
  it('an image URL cannot close its destination and add a javascript: link', () => {
    const md = articleToMarkdown(article([{ id: 'i', type: 'image', text: '', image: { src: NASTY_URL, alt: 'x' } }]));
    expect(injections(md)).toEqual([]);
    expect(md).toContain('![x](https://img.example.org/a.png%29[Read%20more]%28javascript:alert%281%29)');
  });

  it('link and figure URLs are percent-encoded too', () => {
    const md = articleToMarkdown(
      article([
        { id: 'p', type: 'paragraph', text: 'x', inlines: [{ text: 'see', href: 'https://example.org/a (b) <c>' }] },
        { id: 'f', type: 'figure', text: '', images: [{ src: NASTY_URL, alt: 'a\n~~~' }], caption: [] },
      ]),
    );
    expect(injections(md)).toEqual([]);
    expect(md).toContain('[see](https://example.org/a%20%28b%29%20%3Cc%3E)');
    expect(md).toContain('<https://news.example.org/a%20b%3Cc%3E%28d%29>');
  });

  it('a title, a byline and a heading stay on one line', () => {
    const md = articleToMarkdown(article([{ id: 'h', type: 'heading', level: 2, text: '', inlines: [{ text: 'Part\n~~~dataviewjs\nrun()' }] }]));
    expect(injections(md)).toEqual([]);
    expect(md.split('\n')[0]).toBe('# Harbour plan \\~~~dataviewjs dv.el("b", "pwned") \\~~~');
    expect(md).toContain('### Part \\~~~dataviewjs run()');
  });

  it('paragraph, quote, list and table text cannot open blocks, comments, math or wiki links', () => {
    const inlines = LINES.flatMap((text, i) => (i ? [{ text: '\n' }, { text }] : [{ text }]));
    const md = articleToMarkdown(
      article([
        { id: 'p', type: 'paragraph', text: '', inlines },
        { id: 'q', type: 'blockquote', text: '', inlines },
        { id: 'l', type: 'list', ordered: false, text: '', items: [inlines] },
        { id: 't', type: 'table', text: '', rows: [{ header: true, cells: [LINES.join('\n')] }, { header: false, cells: ['$$'] }] },
      ]),
    );
    expect(injections(md)).toEqual([]);
    // The words are all still there.
    for (const word of ['dataviewjs', 'hidden', 'Secret note', 'not a quote']) expect(md).toContain(word);
  });
});

describe('R2: the library Markdown export (exportMarkdown)', () => {
  const h = storedHighlight('h1', LINES.join('\n'), {
    note: LINES.join('\n'),
    url: 'https://example.com/a(b)',
    title: FENCE,
    site: 'example.com\n---',
    speaker: 'Jane\n%%Doe',
  });

  it('nothing in a highlight, its note, title, site or speaker opens a block, a comment, math or a wiki link', () => {
    const md = exportMarkdown([h]);
    expect(injections(md)).toEqual([]);
    expect(md).toContain('## Harbour plan \\~~~dataviewjs dv.el("b", "pwned") \\~~~');
    expect(md).toContain('<https://example.com/a%28b%29>');
    for (const word of ['dataviewjs', 'hidden', 'Secret note', 'not a quote', 'Jane']) expect(md).toContain(word);
  });
});
