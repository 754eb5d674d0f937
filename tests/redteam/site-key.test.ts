/**
 * Red-team finding R8 (issue 12): a page's rel=canonical / og:url is trusted only on the page's
 * own host, so one tenant of a shared host cannot claim another tenant's article key (and with
 * it read, edit and delete the reader's highlights for that article).
 */
import { describe, expect, it } from 'vitest';
import { canonicalUrl } from '../../utils/highlights';

describe('R8: tenants of shared hosts', () => {
  const cases: [string, string][] = [
    ['https://mallory.github.io/post', 'https://alice.github.io/diary'],
    ['https://mallory.substack.com/p/x', 'https://alice.substack.com/p/diary'],
    ['https://mallory.vercel.app/x', 'https://alice.vercel.app/diary'],
    ['https://mallory.blogspot.co.uk/x', 'https://alice.blogspot.co.uk/diary'],
    ['https://news.example.com/x', 'https://shop.example.com/x'],
  ];
  for (const [page, claimed] of cases) {
    it(`${new URL(page).host} cannot claim ${new URL(claimed).host}`, () => {
      expect(canonicalUrl(page, { canonical: claimed })).toBe(page);
      expect(canonicalUrl(page, { ogUrl: claimed })).toBe(page);
    });
  }

  it('a page may still name itself, or its www. / m. twin on the same host', () => {
    expect(canonicalUrl('https://alice.github.io/diary?utm_source=x', { canonical: 'https://alice.github.io/diary' })).toBe('https://alice.github.io/diary');
    expect(canonicalUrl('https://m.example.co.uk/news/1', { canonical: 'https://www.example.co.uk/news/1' })).toBe('https://www.example.co.uk/news/1');
    expect(canonicalUrl('https://www.example.com/a', { ogUrl: 'https://example.com/a' })).toBe('https://example.com/a');
    expect(canonicalUrl('https://example.com/a', { canonical: 'https://EXAMPLE.com/b' })).toBe('https://example.com/b');
  });
});
