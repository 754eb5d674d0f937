import { describe, expect, it } from 'vitest';
import { anchor, describe as describeRange } from '../../utils/anchoring';
import type { BlockText } from '../../utils/anchoring';
import { blocksOf } from './sim/harness';

const paragraphs = [
  'The council met on Tuesday to discuss the new cycling plan for the city centre.',
  'Residents said the plan would make streets safer for children walking to school.',
  'The mayor said “we will not back down” when asked about the cost of the scheme.',
  'Opponents argued that shops would lose customers if parking spaces disappeared.',
];
const text = paragraphs.join('\n\n');

function highlight(quote: string, from = 0) {
  const start = text.indexOf(quote, from);
  return { start, end: start + quote.length, selectors: describeRange(text, start, start + quote.length, blocksOf(text)) };
}

describe('describe', () => {
  it('records quote, context, position and block', () => {
    const { selectors } = highlight('safer for children');
    expect(selectors.quote.exact).toBe('safer for children');
    expect(selectors.quote.prefix).toBe(text.slice(text.indexOf('safer') - 32, text.indexOf('safer')));
    expect(selectors.quote.suffix).toHaveLength(32);
    expect(selectors.block?.start.offset).toBe(paragraphs[1]!.indexOf('safer'));
    expect(selectors.block?.start.id).toBe(selectors.block?.end.id);
  });

  it('rejects an empty or out-of-range range', () => {
    expect(() => describeRange(text, 5, 5)).toThrow(RangeError);
    expect(() => describeRange(text, 0, text.length + 1)).toThrow(RangeError);
  });
});

describe('anchor', () => {
  it('position: unchanged text', () => {
    const h = highlight('cycling plan');
    expect(anchor(text, h.selectors, blocksOf(text))).toEqual({ start: h.start, end: h.end, method: 'position' });
    expect(anchor(text, h.selectors)).toEqual({ start: h.start, end: h.end, method: 'position' });
  });

  it('position within an unchanged block after a paragraph was inserted above', () => {
    const h = highlight('make streets safer');
    const edited = ['Breaking: a new paragraph.', ...paragraphs].join('\n\n');
    const at = edited.indexOf('make streets safer');
    expect(anchor(edited, h.selectors, blocksOf(edited))).toEqual({ start: at, end: h.end + 28, method: 'position' });
  });

  it('quote: text moved, found by exact quote and context (no blocks)', () => {
    const h = highlight('make streets safer');
    const edited = ['Breaking: a new paragraph.', ...paragraphs].join('\n\n');
    const at = edited.indexOf('make streets safer');
    expect(anchor(edited, h.selectors)).toEqual({ start: at, end: at + 18, method: 'quote' });
  });

  it('fuzzy: a typo fixed inside the highlight', () => {
    const typoText = text.replace('customers', 'custmoers');
    const start = typoText.indexOf('shops would lose custmoers if parking');
    const selectors = describeRange(typoText, start, start + 'shops would lose custmoers if parking'.length);
    const result = anchor(text, selectors, blocksOf(text));
    const at = text.indexOf('shops would lose customers if parking');
    expect(result).toEqual({ start: at, end: at + 'shops would lose customers if parking'.length, method: 'fuzzy' });
  });

  it('fuzzy: curly quotes straightened', () => {
    const h = highlight('said “we will not back down” when');
    const edited = text.replace('“we will not back down”', '"we will not back down"');
    expect(anchor(edited, h.selectors, blocksOf(edited))).toEqual({ start: h.start, end: h.end, method: 'fuzzy' });
  });

  it('orphan: the sentence was reworded', () => {
    const h = highlight('Opponents argued that shops would lose customers');
    const edited = text.replace('Opponents argued that shops would lose customers', 'Critics claim retailers may see fewer buyers');
    expect(anchor(edited, h.selectors, blocksOf(edited))).toMatchObject({ orphan: true });
  });

  it('orphan: a word replaced is not a typo', () => {
    const h = highlight('The council met on Tuesday to discuss');
    const edited = text.replace('met on Tuesday', 'met on Thursday');
    expect(anchor(edited, h.selectors, blocksOf(edited))).toMatchObject({ orphan: true, reason: 'too-different' });
  });

  it('orphan: the paragraph was deleted', () => {
    const h = highlight('the cost of the scheme');
    const edited = paragraphs.filter((_, i) => i !== 2).join('\n\n');
    expect(anchor(edited, h.selectors, blocksOf(edited))).toEqual({ orphan: true, reason: 'not-found' });
  });

  it('orphan: a short quote whose passage went, still present elsewhere without its context', () => {
    const h = highlight('the plan', text.indexOf('Residents'));
    const edited = paragraphs.filter((_, i) => i !== 1).join('\n\n').replace('new cycling plan', 'the plan');
    expect(anchor(edited, h.selectors, blocksOf(edited))).toMatchObject({ orphan: true });
  });

  it('ambiguous → orphan: two copies with the same context', () => {
    const para = 'He said the deal was done and nobody objected at the time.';
    const original = [para, 'Middle paragraph one.', para].join('\n\n');
    const start = original.lastIndexOf('the deal was done');
    const selectors = describeRange(original, start, start + 17, blocksOf(original));
    // The paragraph before both copies grows, so neither position nor blocks pin it.
    const edited = ['Intro.', para, 'Middle paragraph one, edited.', para].join('\n\n');
    expect(anchor(edited, selectors, blocksOf(edited))).toEqual({ orphan: true, reason: 'ambiguous' });
  });

  it('orphan when one of two recorded copies went (cannot tell which)', () => {
    const para = 'He said the deal was done and nobody objected at the time.';
    const original = [para, 'Middle.', para].join('\n\n');
    const start = original.indexOf('the deal was done');
    const selectors = describeRange(original, start, start + 17);
    expect(selectors.quote.count).toBe(2);
    const edited = ['New intro paragraph here.', 'Middle.', para].join('\n\n');
    expect(anchor(edited, selectors)).toEqual({ orphan: true, reason: 'ambiguous' });
  });

  it('orphan on an empty quote', () => {
    const { selectors } = highlight('cycling');
    expect(anchor(text, { ...selectors, quote: { ...selectors.quote, exact: '' } })).toEqual({
      orphan: true,
      reason: 'empty-quote',
    });
  });

  it('uses blocks that are not all in the text (folded blocks are skipped)', () => {
    const blocks: BlockText[] = [{ id: 'folded', text: 'Not in the article text.' }, ...blocksOf(text)];
    const h = highlight('safer for children');
    expect(anchor(text, h.selectors, blocks)).toEqual({ start: h.start, end: h.end, method: 'position' });
  });
});
