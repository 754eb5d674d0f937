// @vitest-environment jsdom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BlockView } from '../../components/BlockView';
import { blockRange, markSpoken, renderedBlocks } from '../../components/speech/marking';
import type { Block } from '../../utils/types';

const PARAGRAPH: Block = {
  id: 'p1',
  type: 'paragraph',
  text: '“We will stay,” said Ada Lovelace, in a statement.',
  inlines: [{ text: '“We will stay,” said ' }, { text: 'Ada Lovelace', strong: true }, { text: ', in a ' }, { text: 'statement', href: 'https://example.org/s' }, { text: '.' }],
};
const LIST: Block = { id: 'l1', type: 'list', ordered: false, text: 'one\ntwo words', items: [[{ text: 'one' }], [{ text: 'two words' }]] };

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  render(
    <>
      {[PARAGRAPH, LIST].map((b) => <div key={b.id} class="block" data-block-id={b.id}><BlockView block={b} marks={b === PARAGRAPH ? [{ start: 1, end: 14, class: 'quote', label: 'Ada Lovelace' }] : []} /></div>)}
    </>,
    root,
  );
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('blockRange', () => {
  it('covers exactly the offsets of the block text, across formatting and marks', () => {
    expect(blockRange(root, 'p1', { start: 16, end: 33 })?.toString()).toBe('said Ada Lovelace');
    expect(blockRange(root, 'p1', { start: 0, end: PARAGRAPH.text.length })?.toString()).toBe(PARAGRAPH.text);
    expect(blockRange(root, 'p1', { start: 40, end: 49 })?.toString()).toBe('statement');
  });

  it('finds words in list items after the first (their offsets count the line break)', () => {
    expect(blockRange(root, 'l1', { start: 4, end: 7 })?.toString()).toBe('two');
    expect(blockRange(root, 'l1', { start: 8, end: 13 })?.toString()).toBe('words');
  });

  it('is null for a block that is not rendered', () => {
    expect(blockRange(root, 'gone', { start: 0, end: 3 })).toBeNull();
  });
});

describe('markSpoken', () => {
  it('marks the spoken block alone, and clears it', () => {
    markSpoken(root, { blockId: 'p1', sentence: { start: 0, end: 10 }, word: { start: 1, end: 3 } });
    expect([...root.querySelectorAll('.speaking')].map((el) => (el as HTMLElement).dataset.blockId)).toEqual(['p1']);
    markSpoken(root, { blockId: 'l1', sentence: null, word: null });
    expect([...root.querySelectorAll('.speaking')].map((el) => (el as HTMLElement).dataset.blockId)).toEqual(['l1']);
    markSpoken(root, { blockId: null, sentence: null, word: null });
    expect(root.querySelectorAll('.speaking')).toHaveLength(0);
  });

  it('lists the blocks whose text is on the page', () => {
    expect(renderedBlocks(root)).toEqual(new Set(['p1', 'l1']));
  });
});
