/**
 * The article's contents, for articles with three or more headings: a "Contents" toggle in the
 * reader's tools row opening a list of links that jump to a section (and move the focus there),
 * the section being read marked. In a wide view the list stays open as a rail beside the text
 * (reader.css). Plain links and a native button: keyboards just work.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import { i18n } from '#i18n';
import type { Article, Fold, HeadingBlock } from '../../utils/types';
import { blockElement, onViewChange, topInset } from './viewport';

export const MIN_HEADINGS = 3;
const LIST_ID = 'contents-list';

/** The article's section headings on screen (the title is the header's; folded headings are not shown). */
export function headingsOf(article: Article, folds: ReadonlyMap<string, Fold>): HeadingBlock[] {
  return article.blocks.filter((b): b is HeadingBlock => b.type === 'heading' && b.text.trim() !== '' && !folds.has(b.id));
}

/** The id of the last heading at or above the top of the view (the section being read), or null. */
export function currentHeading(root: ParentNode, headings: readonly HeadingBlock[], top: number): string | null {
  let current: string | null = null;
  for (const h of headings) {
    const el = blockElement(root, h.id);
    if (!el || el.getBoundingClientRect().top > top) break;
    current = h.id;
  }
  return current;
}

export function useContents(article: Article, folds: ReadonlyMap<string, Fold>, root: RefObject<HTMLElement>) {
  const headings = useMemo(() => headingsOf(article, folds), [article, folds]);
  const [open, setOpen] = useState(false);
  const [current, setCurrent] = useState<string | null>(null);
  const shown = headings.length >= MIN_HEADINGS;

  useEffect(() => {
    if (!shown) return;
    // A heading a little below the bar already counts as the section being read.
    const update = () => root.current && setCurrent(currentHeading(root.current, headings, topInset() + 48));
    update();
    return onViewChange(update);
  }, [headings, shown]);

  const jump = (event: Event, id: string) => {
    const el = root.current && blockElement(root.current, id);
    if (!el) return;
    event.preventDefault();
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'start', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  };

  const toggle = shown && (
    <button type="button" class="quiet contents-toggle" aria-expanded={open} aria-controls={LIST_ID} onClick={() => setOpen(!open)}>
      {i18n.t('reading.contents')}
    </button>
  );
  const list = shown && (
    <nav id={LIST_ID} class={open ? 'contents-list open' : 'contents-list'} aria-label={i18n.t('reading.contents')}>
      <ol>
        {headings.map((h) => (
          <li key={h.id} class={`level-${Math.min(h.level, 4)}`}>
            <a href={`#${h.id}`} aria-current={h.id === current ? 'location' : undefined} onClick={(e) => jump(e, h.id)}>
              {h.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
  return { toggle, list };
}
