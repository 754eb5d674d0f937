import { describe, expect, it } from 'vitest';
import { describe as describeRange } from '../../utils/anchoring';
import {
  articleKey,
  canonicalUrl,
  exportJson,
  exportMarkdown,
  mergeHighlights,
  parseImport,
  type Highlight,
} from '../../utils/highlights';

describe('canonicalUrl', () => {
  it('drops the fragment and tracking parameters, keeps the others', () => {
    expect(
      canonicalUrl('https://example.com/a?id=3&utm_source=x&utm_medium=y&fbclid=1&gclid=2&mc_cid=3&mc_eid=4&ref_src=t&igshid=z#section'),
    ).toBe('https://example.com/a?id=3');
    expect(canonicalUrl('https://example.com/a?utm_campaign=x')).toBe('https://example.com/a');
  });

  it('prefers a same-site canonical link, then og:url', () => {
    const page = 'https://m.example.co.uk/news/1?utm_source=tw';
    expect(canonicalUrl(page, { canonical: 'https://www.example.co.uk/news/1' })).toBe('https://www.example.co.uk/news/1');
    expect(canonicalUrl(page, { canonical: '/news/1#top' })).toBe('https://m.example.co.uk/news/1');
    expect(canonicalUrl(page, { ogUrl: 'https://example.co.uk/news/1?utm_medium=x' })).toBe('https://example.co.uk/news/1');
  });

  it('ignores canonical links to other sites or non-http(s) schemes', () => {
    const page = 'https://blog.example.com/post';
    expect(canonicalUrl(page, { canonical: 'https://partner.org/post' })).toBe(page);
    expect(canonicalUrl(page, { canonical: 'javascript:alert(1)', ogUrl: 'ftp://example.com/post' })).toBe(page);
    expect(canonicalUrl(page, { canonical: 'https://other.co.uk/post' })).toBe(page);
  });

  it('leaves non-http(s) URLs alone', () => {
    expect(canonicalUrl('file:///tmp/a.html#x')).toBe('file:///tmp/a.html#x');
  });

  it('articleKey is short, stable and distinguishes URLs', () => {
    const a = articleKey('https://example.com/a');
    expect(a).toMatch(/^a-[0-9a-z]{11}$/);
    expect(articleKey('https://example.com/a')).toBe(a);
    expect(articleKey('https://example.com/b')).not.toBe(a);
  });
});

const text = 'First paragraph of the article.\n\nSecond paragraph, with the highlighted words in it.';

function make(overrides: Partial<Highlight> = {}): Highlight {
  const start = text.indexOf('highlighted words');
  return {
    id: 'h1',
    articleKey: articleKey('https://example.com/a'),
    selectors: describeRange(text, start, start + 17),
    text: 'highlighted words',
    colour: 'yellow',
    note: '',
    createdAt: '2024-03-12T10:00:00.000Z',
    updatedAt: '2024-03-12T10:00:00.000Z',
    url: 'https://example.com/a',
    title: 'An article',
    site: 'Example',
    ...overrides,
  };
}

const EXPORTED_AT = '2024-04-01T00:00:00.000Z';

describe('export and import', () => {
  it('export → import → export is identical', () => {
    const highlights = [
      make(),
      make({ id: 'h2', colour: 'pink', note: 'Check this.\nSecond line.', speaker: 'Jane Doe', articleKey: 'a-other' }),
    ];
    const json = exportJson(highlights, EXPORTED_AT);
    const parsed = parseImport(json);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.highlights).toHaveLength(2);
    expect(exportJson(parsed.highlights, EXPORTED_AT)).toBe(json);
  });

  it('rejects corrupt JSON with a clear message', () => {
    const result = parseImport('{"format": "lucid-reader-highlights", ');
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.error).toMatch(/not valid JSON/);
  });

  it('rejects another file format', () => {
    const result = parseImport(JSON.stringify([make()]));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/not a Lucid Reader highlights file/);
  });

  it('rejects another version', () => {
    const file = JSON.parse(exportJson([make()], EXPORTED_AT));
    file.version = 2;
    const result = parseImport(JSON.stringify(file));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/Unsupported file version 2/);
  });

  it('rejects the whole file when one highlight is malformed, naming where', () => {
    const file = JSON.parse(exportJson([make(), make({ id: 'h2' })], EXPORTED_AT));
    file.highlights[1].colour = 'red';
    const result = parseImport(JSON.stringify(file));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/highlights\[1\]\.colour/);
    file.highlights[1].colour = 'blue';
    file.highlights[0].selectors.position = { start: 9, end: 3 };
    const second = parseImport(JSON.stringify(file));
    expect(second.ok).toBe(false);
    if (!second.ok) expect(second.error).toMatch(/highlights\[0\]\.selectors\.position/);
  });

  it('exports citable Markdown with the note below', () => {
    const md = exportMarkdown([make({ speaker: 'Jane Doe', note: 'Worth quoting.' })]);
    expect(md).toContain('## An article');
    expect(md).toContain('> “highlighted words” — Jane Doe, Example, 2024-03-12');
    expect(md).toContain('> <https://example.com/a>');
    expect(md.indexOf('Worth quoting.')).toBeGreaterThan(md.indexOf('“highlighted words”'));
  });
});

describe('mergeHighlights', () => {
  it('keeps one highlight per id, newest updatedAt wins', () => {
    const old = make();
    const edited = make({ note: 'new note', updatedAt: '2024-03-13T00:00:00.000Z' });
    const { highlights, added, updated } = mergeHighlights([old], [edited]);
    expect(highlights).toEqual([edited]);
    expect([added, updated]).toEqual([0, 1]);
    expect(mergeHighlights([edited], [old]).highlights).toEqual([edited]);
  });

  it('treats the same article, quote and position as the same highlight', () => {
    const mine = make({ id: 'mine', updatedAt: '2024-03-14T00:00:00.000Z' });
    const theirs = make({ id: 'theirs' });
    expect(mergeHighlights([mine], [theirs]).highlights).toEqual([mine]);
  });

  it('adds new highlights after the existing ones', () => {
    const other = make({ id: 'h9', articleKey: 'a-other' });
    const { highlights, added } = mergeHighlights([make()], [other, other]);
    expect(highlights.map((h) => h.id)).toEqual(['h1', 'h9']);
    expect(added).toBe(1);
  });
});
