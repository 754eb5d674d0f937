/**
 * Red-team findings R1 and R9 (issue 12): a crafted import must not brick the library, and
 * strings that chrome.storage would change (lone surrogates → U+FFFD) are refused.
 */
import { describe, expect, it } from 'vitest';
import { allStringsWellFormed, exportJson, exportMarkdown, mergeHighlights, parseImport, type Highlight } from '../../utils/highlights';
import { storedHighlight } from '../fixtures/hostile/redteam-pages';

const make = (overrides: Partial<Highlight> = {}) => storedHighlight('h1', 'highlighted words', overrides);

const file = (highlights: unknown[]) => JSON.stringify({ format: 'lucid-reader-highlights', version: 1, exportedAt: '2024-03-12T10:00:00.000Z', highlights });

describe('R1: timestamps in an import', () => {
  it('refuses a timestamp the browser cannot read (an offset without minutes), saying where', () => {
    // valibot's isoTimestamp accepts it; Date.parse gives NaN.
    expect(Number.isNaN(Date.parse('9999-01-01T00:00:00+05'))).toBe(true);
    const result = parseImport(file([make({ updatedAt: '9999-01-01T00:00:00+05' })]));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/highlights\[0\]\.updatedAt/);
  });

  it('stores every timestamp normalised (UTC, milliseconds, Z)', () => {
    const result = parseImport(file([make({ createdAt: '2024-03-12T12:00:00+02:00', updatedAt: '2024-03-12T10:00:00Z' })]));
    expect(result.ok && result.highlights[0]).toMatchObject({ createdAt: '2024-03-12T10:00:00.000Z', updatedAt: '2024-03-12T10:00:00.000Z' });
  });

  it('a stored record with an unreadable date loses to any dated version in a merge', () => {
    const broken = make({ updatedAt: '9999-01-01T00:00:00+05', note: 'broken' });
    const fixed = make({ updatedAt: '2024-03-13T10:00:00.000Z', note: 'fixed' });
    const { highlights, updated } = mergeHighlights([broken], [fixed]);
    expect(updated).toBe(1);
    expect(highlights).toEqual([fixed]);
    // And an unreadable incoming date never replaces a dated record.
    expect(mergeHighlights([fixed], [broken]).highlights).toEqual([fixed]);
  });

  it('exports a stored record with an unreadable date instead of throwing', () => {
    const broken = make({ createdAt: 'not a date' });
    expect(() => exportMarkdown([broken])).not.toThrow();
    expect(exportMarkdown([broken])).toContain('highlighted words');
  });
});

describe('R9: strings that are not well-formed UTF-16', () => {
  const lone = ['\uD800', '\uDC00', 'a\uDBFFb'];
  it('refuses them anywhere in an imported highlight, saying where', () => {
    for (const s of lone) {
      for (const field of ['id', 'text', 'note', 'title', 'site', 'speaker'] as const) {
        const result = parseImport(file([make({ [field]: `Passage ${s}` })]));
        expect(result.ok, `${field} ${JSON.stringify(s)}`).toBe(false);
        expect(!result.ok && result.error).toMatch(new RegExp(`highlights\\[0\\]\\.${field}: .*well-formed`));
      }
    }
    const quote = make();
    quote.selectors.quote.exact = 'Passage \uD800';
    expect(parseImport(file([quote])).ok).toBe(false);
  });

  it('two ids that differ only in a lone surrogate cannot both be imported', () => {
    const result = parseImport(file([make({ id: 'p-\uD800', text: 'Passage A' }), make({ id: 'p-\uD801', text: 'Passage B' })]));
    expect(result.ok).toBe(false);
  });

  it('keeps well-formed text, astral characters included', () => {
    const result = parseImport(file([make({ note: 'Emoji 😀 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢', title: 'Τίτλος — 标题' })]));
    expect(result.ok).toBe(true);
    expect(exportJson(result.ok ? result.highlights : [], '2024-03-12T10:00:00.000Z')).toContain('😀');
  });

  it('allStringsWellFormed checks every string and key of a value (for messages too)', () => {
    expect(allStringsWellFormed({ a: ['x', { b: 'y' }], n: 1, z: null })).toBe(true);
    expect(allStringsWellFormed({ a: ['x', { b: 'y\uD800' }] })).toBe(false);
    expect(allStringsWellFormed({ ['k\uDC00']: 1 })).toBe(false);
    expect(allStringsWellFormed('\uD83D\uDE00')).toBe(true);
  });
});
