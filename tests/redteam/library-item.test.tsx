// @vitest-environment jsdom
/**
 * Red-team finding R1 (issue 12): one bad record must not hide the others. A highlight whose
 * date the browser cannot read still shows (without its date); an item that fails to render
 * for any other reason shows a notice with its Delete button, and the rest of the list shows.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HighlightItem } from '../../components/library/HighlightItem';
import { ItemBoundary } from '../../components/library/ItemBoundary';
import type { Highlight } from '../../utils/highlights';
import { useLocale } from '../components/locale';
import { storedHighlight } from '../fixtures/hostile/redteam-pages';

const h = (id: string, overrides: Partial<Highlight> = {}) => storedHighlight(id, `Passage ${id}`, overrides);

const date = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });
let root: HTMLElement;
beforeEach(() => {
  useLocale('en');
  root = document.createElement('div');
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

function Broken(): never {
  throw new Error('Invalid time value');
}

describe('R1: library items', () => {
  it('a highlight with an unreadable date shows, without its date', () => {
    act(() => render(<ol><HighlightItem highlight={h('A', { createdAt: '9999-01-01T00:00:00+05' })} date={date} onDelete={() => undefined} /></ol>, root));
    expect(root.textContent).toContain('Passage A');
    expect(root.querySelector('time')).toBeNull();
  });

  it('an item that throws shows a notice with Delete; the others show', () => {
    const onDelete = vi.fn();
    const bad = h('A');
    act(() =>
      render(
        <ol>
          <ItemBoundary highlight={bad} onDelete={onDelete}>
            <Broken />
          </ItemBoundary>
          <ItemBoundary highlight={h('B')} onDelete={onDelete}>
            <HighlightItem highlight={h('B')} date={date} onDelete={onDelete} />
          </ItemBoundary>
        </ol>,
        root,
      ),
    );
    const items = [...root.querySelectorAll('ol > li')];
    expect(items).toHaveLength(2);
    expect(items[0]!.textContent).toMatch(/could not be shown.*Invalid time value/);
    expect(items[1]!.textContent).toContain('Passage B');
    act(() => items[0]!.querySelector('button')!.click());
    expect(onDelete).toHaveBeenCalledWith(bad);
  });
});
