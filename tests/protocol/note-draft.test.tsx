// @vitest-environment jsdom
/**
 * R7: a note that cannot be saved (the browser's storage is full) stays in its open editor,
 * with the reason shown, instead of being discarded.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { HighlightReader } from '../../components/highlights/HighlightReader';
import { articleLayout } from '../../components/highlights/layout';
import { identify, newHighlight } from '../../components/highlights/model';
import type { Highlight } from '../../utils/highlights';
import { ARTICLE } from '../components/fixtures';
import { useLocale } from '../components/locale';

const FULL = 'Your browser storage for Lucid Reader is full: nothing was saved.';
const store = vi.hoisted(() => ({ highlights: [] as Highlight[], put: vi.fn(async (_h: unknown): Promise<void> => undefined) }));
vi.mock('../../platform/highlights', () => ({
  getArticleHighlights: async () => store.highlights,
  watchArticle: () => () => undefined,
  putHighlight: store.put,
  deleteHighlight: async () => null,
}));

let root: HTMLElement;
beforeEach(() => {
  useLocale('en');
  window.matchMedia ??= (() => ({ matches: false })) as never;
  Range.prototype.getBoundingClientRect ??= () => new DOMRect(10, 10, 50, 20);
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

it('keeps the note being typed, in its open editor, when the store is full', async () => {
  const layout = articleLayout(ARTICLE);
  const p3 = layout.byId.get('p3')!;
  store.highlights = [newHighlight(ARTICLE, layout, identify(ARTICLE)!, { start: p3.start, end: p3.start + 14 }, 'blue')];
  store.put.mockRejectedValue(new Error(FULL));
  act(() => render(<HighlightReader article={ARTICLE} />, root));
  await vi.waitFor(() => expect(root.querySelector('mark.highlight')).not.toBeNull());

  await act(() => root.querySelector<HTMLElement>('mark.highlight')!.click());
  const noteButton = [...root.querySelectorAll<HTMLButtonElement>('[role=toolbar] button')].find((b) => b.textContent === 'Note')!;
  await act(() => noteButton.click());
  const field = root.querySelector<HTMLTextAreaElement>('.note-editor textarea')!;
  field.value = 'A long thought the reader would hate to lose';
  await act(() => void field.dispatchEvent(new Event('input', { bubbles: true })));
  await act(async () => {
    root.querySelector<HTMLFormElement>('.note-editor')!.requestSubmit();
    await new Promise((ok) => setTimeout(ok, 30));
  });

  expect(store.put).toHaveBeenCalledTimes(1);
  expect(root.querySelector('.highlight-status')?.textContent).toBe(`The highlight was not saved: ${FULL}`);
  expect(root.querySelector<HTMLTextAreaElement>('.note-editor textarea')?.value).toBe('A long thought the reader would hate to lose');
});
