/**
 * Reading position and progress for the article on screen, shared by every view: opens the
 * article where the reader left it (per article key, the key of its highlights), saves the
 * place while the reader scrolls (through the background, the single writer), and shows a
 * thin progress bar with the minutes left. Loaded after the article paints (Reader.tsx).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import { i18n } from '#i18n';
import { getPosition, type ReadingPosition } from '../../platform/reading-position';
import { send } from '../../platform/send';
import type { Article } from '../../utils/types';
import { identify } from '../highlights/model';
import { blockElement, onViewChange, topInset } from './viewport';

const SAVE_DELAY_MS = 400;

/** How far the view is through the article body, 0..1 (1 once its end is in view). */
export function progressOf(body: DOMRect, viewHeight: number, top: number): number {
  const span = body.height - (viewHeight - top);
  if (span <= 0) return 1;
  return Math.min(1, Math.max(0, (top - body.top) / span));
}

/** Minutes left at `progress`, from the article's reading time (at least 1 until the end). */
export function minutesLeft(readingMinutes: number, progress: number): number {
  return progress >= 1 ? 0 : Math.max(1, Math.ceil(readingMinutes * (1 - progress)));
}

/** The block at the top of the view and how far into it the view is. */
function positionIn(root: HTMLElement, top: number, progress: number): ReadingPosition | null {
  for (const el of root.querySelectorAll<HTMLElement>('.article-body [data-block-id]')) {
    const box = el.getBoundingClientRect();
    if (box.bottom <= top) continue;
    const offset = box.height > 0 ? Math.min(1, Math.max(0, (top - box.top) / box.height)) : 0;
    return { block: el.dataset.blockId!, offset, progress };
  }
  return null;
}

/** Scrolls to a stored position: its block if it is still there, else the same share of the article. */
export function restore(root: HTMLElement, position: ReadingPosition): void {
  const top = topInset();
  const el = blockElement(root, position.block);
  const body = root.querySelector('.article-body')?.getBoundingClientRect();
  let y: number | null = null;
  if (el) {
    const box = el.getBoundingClientRect();
    y = scrollY + box.top + position.offset * box.height - top;
  } else if (body) {
    y = scrollY + body.top + position.progress * Math.max(0, body.height - (innerHeight - top)) - top;
  }
  if (y !== null) scrollTo({ top: Math.max(0, y), behavior: 'instant' });
}

export interface ReadingTrackerProps {
  article: Article;
  root: RefObject<HTMLElement>;
}

export function ReadingTracker({ article, root }: ReadingTrackerProps) {
  const [progress, setProgress] = useState(0);
  const key = identify(article)?.key ?? null;
  const ready = useRef(false);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const measure = () => {
      const body = root.current?.querySelector('.article-body');
      if (!body) return null;
      const top = topInset();
      const value = progressOf(body.getBoundingClientRect(), innerHeight, top);
      setProgress(value);
      return { top, value };
    };
    const save = () => {
      clearTimeout(timer);
      const m = measure();
      if (!key || !ready.current || !m || !root.current) return;
      const position = positionIn(root.current, m.top, m.value);
      // A failed save loses only the place in this article: nothing to tell the reader.
      if (position) send({ type: 'position:set', articleKey: key, position }).catch(() => undefined);
    };
    // Restore first (unless the reader has already scrolled), then save what follows.
    void (key ? getPosition(key) : Promise.resolve(null)).then((stored) => {
      if (!live) return;
      // A place before the text starts (progress 0) is the top of the page: nothing to restore.
      if (stored && stored.progress > 0 && root.current && scrollY < 8) restore(root.current, stored);
      ready.current = true;
      measure();
    });
    const unwatch = onViewChange(() => {
      measure();
      clearTimeout(timer);
      timer = setTimeout(save, SAVE_DELAY_MS);
    });
    // Closing the view (the popup on an outside click) saves at once.
    addEventListener('pagehide', save);
    return () => {
      live = false;
      clearTimeout(timer);
      unwatch();
      removeEventListener('pagehide', save);
    };
  }, [article, key]);

  const left = minutesLeft(article.readingMinutes, progress);
  const percent = Math.round(progress * 100);
  return (
    <div
      class="reading-progress ui"
      style={{ top: `${topInset()}px` }}
      role="progressbar"
      aria-label={i18n.t('reading.progress')}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={i18n.t('reading.minutesLeft', left)}
    >
      <span class="progress-track">
        <span class="progress-fill" style={{ width: `${percent}%` }} />
      </span>
      <span class="progress-left">{i18n.t('reading.minutesLeft', left)}</span>
    </div>
  );
}
