/**
 * Reading progress: a thin bar under the view's bar with the minutes left, right from the
 * first paint (measured before the browser paints, then on every scroll and resize).
 */
import { useLayoutEffect, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import { i18n } from '#i18n';
import { onViewChange, topInset } from './viewport';

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

/** How far through the article in `root` the view is, 0..1, kept up to date. */
export function useReadingProgress(root: RefObject<HTMLElement>): number {
  const [progress, setProgress] = useState(0);
  useLayoutEffect(() => {
    const measure = () => {
      const body = root.current?.querySelector('.article-body');
      if (body) setProgress(progressOf(body.getBoundingClientRect(), innerHeight, topInset()));
    };
    measure();
    return onViewChange(measure);
  }, []);
  return progress;
}

export function ReadingProgress({ progress, readingMinutes }: { progress: number; readingMinutes: number }) {
  const left = i18n.t('reading.minutesLeft', minutesLeft(readingMinutes, progress));
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
      aria-valuetext={left}
    >
      <span class="progress-track">
        <span class="progress-fill" style={{ width: `${percent}%` }} />
      </span>
      <span class="progress-left">{left}</span>
    </div>
  );
}
