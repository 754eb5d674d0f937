import { isProbablyReaderable } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../cli/dom';
import { BASE, extractHtml, PROSE, refusalOf } from './helpers';

describe('a click is a request: the pipeline runs, and refuses only too little prose', () => {
  // Articles the quick check turns away: text in table cells, in spans with <br>, in list items.
  it.each([
    ['text in a table cell', `<table><tr><td>${PROSE}<br><br>${PROSE} Again.<br><br>${PROSE} Once more.</td></tr></table>`],
    ['lines in spans', `<div class="story"><span>${PROSE}</span><br><br><span>${PROSE} Again.</span><br><br><span>${PROSE} Once more.</span></div>`],
    ['a list of long items', `<ul class="post"><li>${PROSE}</li><li>${PROSE} Again.</li><li>${PROSE} Once more.</li></ul>`],
  ])('reads an article the quick check refuses: %s', (_name, body) => {
    const html = `<!doctype html><html lang="en"><head><title>Harbour</title></head><body>${body}</body></html>`;
    expect(isProbablyReaderable(parseHtml(html, BASE))).toBe(false);
    expect(extractHtml(html).text).toContain('Once more.');
  });

  it.each([
    ['a login form', '<form><label>User <input name=u></label><input type=password><button>Sign in</button></form><a href="/forgot">Forgot your password?</a>'],
    ['a gallery of images', '<div><img src="/a.jpg" width="600" height="400"><img src="/b.jpg" width="600" height="400"><p>Photo 1 of 2</p></div>'],
    ['an error page', '<h1>Page not found</h1><p>Sorry, we could not find that page.</p><a href="/">Home</a>'],
  ])('refuses %s, and Try anyway still reads it', (_name, body) => {
    const html = `<!doctype html><html lang="en"><head><title>Site</title></head><body>${body}</body></html>`;
    expect(refusalOf(() => extractHtml(html))).toBe('no-article');
    expect(() => extractHtml(html, { force: true })).not.toThrow();
  });
});

describe('customized built-ins keep their content through the sanitizer', () => {
  it.each([
    ['<section is="x-story">', (inner: string) => `<section is="x-story" class="story">${inner}</section>`],
    ['<article is="fancy-article">', (inner: string) => `<article is="fancy-article">${inner}</article>`],
    ['<p is> on each paragraph', (inner: string) => `<div>${inner.replaceAll('<p>', '<p is="x-para">')}</div>`],
  ])('%s', (_name, wrap) => {
    const inner = `<p>${PROSE}</p><p>${PROSE} Again.</p><p>${PROSE} Once more.</p>`;
    const html = `<!doctype html><html lang="en"><head><title>Harbour</title></head><body>${wrap(inner)}</body></html>`;
    expect(extractHtml(html).text.split('\n\n')).toHaveLength(3);
  });
});
