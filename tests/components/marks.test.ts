import { describe, expect, it } from 'vitest';
import { itemOffsets, pieces } from '../../components/marks';

describe('pieces', () => {
  const runs = [{ text: 'Hello ' }, { text: 'brave', em: true }, { text: ' world' }];

  it('cuts runs at mark boundaries and keeps the text exact', () => {
    const marks = [{ start: 3, end: 8, class: 'a' }];
    const out = pieces(runs, marks);
    expect(out.map((p) => p.text).join('')).toBe('Hello brave world');
    expect(out.map((p) => [p.text, p.marks.length])).toEqual([
      ['Hel', 0], ['lo ', 1], ['br', 1], ['ave', 0], [' world', 0],
    ]);
    expect(out[2].run.em).toBe(true);
  });

  it('handles overlapping marks and offsets of later list items', () => {
    const out = pieces([{ text: 'abcdef' }], [{ start: 10, end: 13, class: 'a' }, { start: 12, end: 20, class: 'b' }], 10);
    expect(out.map((p) => [p.text, p.marks.map((m) => m.class).join()])).toEqual([
      ['ab', 'a'], ['c', 'a,b'], ['def', 'b'],
    ]);
  });

  it('skips empty runs', () => {
    expect(pieces([{ text: '' }, { text: 'x' }], [])).toHaveLength(1);
  });
});

describe('itemOffsets', () => {
  it('follows the "\\n" joins of list items', () => {
    expect(itemOffsets([[{ text: 'one' }], [{ text: 't' }, { text: 'wo' }], [{ text: 'x' }]])).toEqual([0, 4, 8]);
  });
});
