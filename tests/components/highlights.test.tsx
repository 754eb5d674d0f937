// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HighlightReader } from '../../components/highlights/HighlightReader';
import { articleLayout } from '../../components/highlights/layout';
import { newHighlight, identify, speakerOf } from '../../components/highlights/model';
import { rangeToArticle } from '../../components/highlights/selection';
import { Reader } from '../../components/Reader';
import type { Highlight } from '../../utils/highlights';
import type { Article } from '../../utils/types';
import { ARTICLE } from './fixtures';
import { useLocale } from './locale';

const store = vi.hoisted(() => ({
  highlights: [] as Highlight[],
  put: vi.fn(async (_h: unknown) => undefined),
}));
vi.mock('../../platform/highlights', () => ({
  getArticleHighlights: async () => store.highlights,
  watchArticle: () => () => undefined,
  putHighlight: store.put,
  deleteHighlight: async (_key: string, id: string) => store.highlights.find((h) => h.id === id) ?? null,
}));

let root: HTMLElement;
beforeEach(() => {
  useLocale('en');
  window.matchMedia ??= (() => ({ matches: false })) as never;
  Range.prototype.getBoundingClientRect ??= () => new DOMRect(10, 10, 50, 20);
  store.highlights = [];
  store.put.mockClear();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  getSelection()?.removeAllRanges();
});

const show = (node: preact.ComponentChild) => act(() => render(node, root));
const layout = articleLayout(ARTICLE);

/** The text node of `block` that contains `words`, and the offset of `words` in it. */
function point(blockId: string, words: string, after = false): [Node, number] {
  const spans = root.querySelectorAll(`span.block-text[data-block-id="${blockId}"]`);
  for (const span of spans) {
    const walker = document.createTreeWalker(span, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(words);
      if (at >= 0) return [node, at + (after ? words.length : 0)];
    }
  }
  throw new Error(`"${words}" not in ${blockId}`);
}

function range(from: [string, string], to: [string, string]): Range {
  const r = document.createRange();
  r.setStart(...point(...from));
  r.setEnd(...point(to[0], to[1], true));
  return r;
}

const selectedText = (r: Range) => {
  const found = rangeToArticle(r, root, layout);
  return found && layout.text.slice(found.start, found.end);
};

describe('article layout', () => {
  it('is the kept blocks’ text joined by blank lines: no folded block, no figure', () => {
    expect(layout.blocks.map((b) => b.id)).toEqual(['h1', 'p1', 'p3', 'l1', 'c1', 't1']);
    for (const b of layout.blocks) expect(layout.text.slice(b.start, b.start + b.text.length)).toBe(b.text);
    expect(layout.text).not.toContain('Read more');
  });
});

describe('selection → article offsets', () => {
  it('maps a selection inside a block, past the speaker label drawn by CSS and a <strong>', () => {
    show(<Reader article={ARTICLE} />);
    expect(root.querySelector('mark.quote[data-label]')).not.toBeNull();
    expect(selectedText(range(['p1', 'will stay'], ['p1', 'will stay']))).toBe('will stay');
    expect(selectedText(range(['p1', 'said'], ['p1', 'Ada Lovelace']))).toBe('said Ada Lovelace');
    const r = range(['p1', 'said'], ['p1', 'statement']);
    const found = rangeToArticle(r, root, layout)!;
    expect(found.start).toBe(layout.byId.get('p1')!.start + ARTICLE.blocks[1]!.text.indexOf('said'));
  });

  it('maps a selection across blocks, and list items, to the article text', () => {
    show(<Reader article={ARTICLE} />);
    expect(selectedText(range(['p1', 'statement'], ['p3', 'Officials said']))).toBe('statement.\n\nOfficials said');
    expect(selectedText(range(['l1', 'one'], ['l1', 'two']))).toBe('one\ntwo');
    expect(selectedText(range(['p3', 'Grace'], ['l1', 'one']))).toBe('Grace Hopper.\n\none');
  });

  it('skips a folded block shown in place: it is not part of the article text', () => {
    show(<Reader article={ARTICLE} />);
    act(() => root.querySelector<HTMLElement>('.fold-summary')!.click());
    act(() => [...root.querySelectorAll('button')].find((b) => b.textContent === 'Unfold')!.click());
    expect(root.querySelector('span.block-text[data-block-id="p2"]')).not.toBeNull();
    expect(selectedText(range(['p1', 'statement'], ['p3', 'Officials']))).toBe('statement.\n\nOfficials');
    expect(selectedText(range(['p2', 'Read'], ['p2', 'stories']))).toBeNull();
    // Starting in the folded block, the selection starts at the next kept text.
    expect(selectedText(range(['p2', 'other'], ['p3', 'Officials']))).toBe('Officials');
  });

  it('ignores selections outside the block text (header, figure caption)', () => {
    show(<Reader article={ARTICLE} />);
    const r = document.createRange();
    r.selectNodeContents(root.querySelector('h1')!);
    expect(rangeToArticle(r, root, layout)).toBeNull();
    expect(selectedText(range(['f1', 'A cat'], ['f1', 'cat.']))).toBeNull();
  });
});

describe('making a highlight', () => {
  const identity = identify(ARTICLE)!;

  it('keeps the canonical URL, title, site, and the speaker of an attributed quote', () => {
    const p1 = layout.byId.get('p1')!;
    // The quote marks are outside the quote's offsets, inside the highlight.
    const h = newHighlight(ARTICLE, layout, identity, { start: p1.start, end: p1.start + 15 }, 'green', new Date('2024-05-01T00:00:00Z'));
    expect(h).toMatchObject({
      text: '“We will stay,”',
      colour: 'green',
      note: '',
      url: 'https://news.example.org/a',
      title: 'A test article',
      site: 'Example News',
      speaker: 'Ada Lovelace',
      createdAt: '2024-05-01T00:00:00.000Z',
    });
    expect(h.selectors.position).toEqual({ start: p1.start, end: p1.start + 15 });
    // Mostly narration: no speaker. An unsure attribution (Grace Hopper, 0.75) is not kept.
    expect(speakerOf(ARTICLE, layout, p1.start, p1.start + p1.text.length)).toBeUndefined();
    const p3 = layout.byId.get('p3')!;
    expect(speakerOf(ARTICLE, layout, p3.start + 16, p3.start + 26)).toBeUndefined();
  });

  it('uses the page URL (cleaned) when the article has none, and refuses non-web pages', () => {
    expect(identify({ ...ARTICLE, url: null }, 'https://x.example/a?utm_source=t#top')?.url).toBe('https://x.example/a');
    expect(identify({ ...ARTICLE, url: null }, 'file:///tmp/a.html')).toBeNull();
  });
});

describe('HighlightReader', () => {
  const ready = async () => {
    await vi.waitFor(() => expect(root.querySelector('.highlight-status')).not.toBeNull());
    await act(() => new Promise((ok) => setTimeout(ok, 20)));
  };
  const stored = (article: Article, start: number, end: number, extra: Partial<Highlight> = {}) =>
    ({ ...newHighlight(article, articleLayout(article), identify(article)!, { start, end }, 'blue'), ...extra });

  it('shows placed highlights as focusable marks and lists orphans with their text', async () => {
    const p3 = layout.byId.get('p3')!;
    const placed = stored(ARTICLE, p3.start, p3.start + 14, { note: 'check' });
    const gone = { ...stored(ARTICLE, p3.start, p3.start + 14), id: 'gone', text: 'A sentence since removed', selectors: { quote: { exact: 'A sentence since removed', prefix: 'x', suffix: 'y' }, position: { start: 3, end: 27 } } };
    store.highlights = [placed, gone];
    show(<HighlightReader article={ARTICLE} />);
    await ready();
    const marks = [...root.querySelectorAll<HTMLElement>('mark.highlight')];
    expect(marks.map((m) => m.textContent).join('')).toBe('Officials said');
    expect(marks[0]!.className).toBe('highlight blue noted');
    expect([marks[0]!.tabIndex, marks[0]!.getAttribute('role'), marks[0]!.getAttribute('aria-label')]).toEqual([0, 'button', 'Highlight: Officials said']);
    const orphans = root.querySelector('section.orphans')!;
    expect(orphans.querySelector('h2')?.textContent).toBe('1 highlight could not be placed — this passage changed since you highlighted it');
    expect(orphans.querySelector('q')?.textContent).toBe('A sentence since removed');
  });

  it('marks a highlight spanning blocks in each block, one tab stop', async () => {
    const p1 = layout.byId.get('p1')!;
    const p3 = layout.byId.get('p3')!;
    store.highlights = [stored(ARTICLE, p1.start + 40, p3.start + 9)];
    show(<HighlightReader article={ARTICLE} />);
    await ready();
    const marks = [...root.querySelectorAll<HTMLElement>('mark.highlight')];
    expect(marks.map((m) => m.closest('[data-block-id]')?.getAttribute('data-block-id'))).toEqual(['p1', 'p1', 'p3']);
    expect(marks.filter((m) => m.tabIndex === 0)).toHaveLength(1);
  });

  it('highlights the selection with the last colour on "h", and opens the toolbar on Enter', async () => {
    localStorage.setItem('lucid-highlight-colour', 'pink');
    show(<HighlightReader article={ARTICLE} />);
    await ready();
    const selection = getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range(['p1', 'We will'], ['p1', 'stay']));
    await act(async () => {
      document.dispatchEvent(new Event('selectionchange'));
      await new Promise((ok) => setTimeout(ok, 50));
    });
    const toolbar = root.querySelector('[role=toolbar]')!;
    expect([...toolbar.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? b.textContent)).toEqual([
      'Highlight in yellow', 'Highlight in green', 'Highlight in blue', 'Highlight in pink', 'Highlight and add a note', 'Copy the text',
    ]);
    await act(() => void document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'h', bubbles: true })));
    expect(store.put).toHaveBeenCalledTimes(1);
    const made = store.put.mock.calls[0]![0] as Highlight;
    expect([made.text, made.colour, made.speaker]).toEqual(['We will stay', 'pink', 'Ada Lovelace']);
    await act(() => new Promise((ok) => setTimeout(ok, 20)));
    const mark = root.querySelector<HTMLElement>('mark.highlight[tabindex="0"]')!;
    expect(mark.textContent).toBe('We will stay');
    mark.focus();
    await act(() => void mark.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    const edit = root.querySelector('[role=toolbar]')!;
    expect(edit.querySelector('[aria-pressed="true"]')?.getAttribute('aria-label')).toBe('Highlight in pink');
    expect(document.activeElement).toBe(edit.querySelector('[aria-pressed="true"]'));
    await act(() => void edit.querySelector<HTMLElement>('[aria-label="Highlight in green"]')!.click());
    expect((store.put.mock.calls[1]![0] as Highlight).colour).toBe('green');
  });

  it('deletes a highlight from its toolbar, with undo', async () => {
    const p3 = layout.byId.get('p3')!;
    const h = stored(ARTICLE, p3.start, p3.start + 14);
    store.highlights = [h];
    show(<HighlightReader article={ARTICLE} />);
    await ready();
    await act(() => root.querySelector<HTMLElement>('mark.highlight')!.click());
    await act(async () => {
      root.querySelector<HTMLElement>('[aria-label="Delete the highlight"]')!.click();
      await new Promise((ok) => setTimeout(ok, 20));
    });
    expect(root.querySelector('mark.highlight')).toBeNull();
    const status = root.querySelector('.highlight-status')!;
    expect(status.textContent).toBe('Highlight deleted.Undo');
    await act(() => status.querySelector('button')!.click());
    expect(store.put).toHaveBeenCalledWith(h);
    expect(root.querySelector('mark.highlight')?.textContent).toBe('Officials said');
  });
});
