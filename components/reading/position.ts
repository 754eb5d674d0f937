/**
 * The reading position of the article on screen, shared by every view: opens the article
 * where the reader left it (per article key, the key of its highlights) and saves the place
 * while the reader scrolls, through the background (the single writer). Loaded after the
 * article paints (Reader.tsx): it reads storage and the highlights' article identity.
 */
import { getPosition, type ReadingPosition } from '../../platform/reading-position';
import { send } from '../../platform/send';
import type { Article } from '../../utils/types';
import { identify } from '../highlights/model';
import { progressOf } from './Progress';
import { blockElement, onViewChange, topInset } from './viewport';

const SAVE_DELAY_MS = 400;

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

/** Restores `article`'s place in `root` (unless the reader has already scrolled), then saves it as it changes; returns the stop. */
export function trackPosition(article: Article, root: HTMLElement): () => void {
  const key = identify(article)?.key;
  if (!key) return () => undefined;
  let live = true;
  let ready = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    clearTimeout(timer);
    const body = root.querySelector('.article-body');
    if (!ready || !body) return;
    const top = topInset();
    const position = positionIn(root, top, progressOf(body.getBoundingClientRect(), innerHeight, top));
    // A failed save loses only the place in this article: nothing to tell the reader.
    if (position) send({ type: 'position:set', articleKey: key, position }).catch(() => undefined);
  };
  void getPosition(key).then((stored) => {
    if (!live) return;
    // A place before the text starts (progress 0) is the top of the page: nothing to restore.
    if (stored && stored.progress > 0 && scrollY < 8) restore(root, stored);
    ready = true;
  });
  const unwatch = onViewChange(() => {
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
}
