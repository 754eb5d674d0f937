/**
 * Where the reader is, measured on the page: the document scrolls in every view (popup, clean
 * view, side panel) under a sticky bar. Shared by the progress tracker and the contents list.
 */

/** The height the sticky bar takes at the top of the view (0 without one). */
export function topInset(): number {
  const bar = document.querySelector<HTMLElement>('.bar');
  return bar && getComputedStyle(bar).position === 'sticky' ? bar.getBoundingClientRect().height : 0;
}

/** The element of block `id` inside `root`, or null. */
export function blockElement(root: ParentNode, id: string): HTMLElement | null {
  return root.querySelector<HTMLElement>(`[data-block-id="${id.replace(/["\\]/g, '\\$&')}"]`);
}

/** Calls `onChange` at most once a frame while the view scrolls or resizes; returns the unsubscribe. */
export function onViewChange(onChange: () => void): () => void {
  let frame = 0;
  const schedule = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      onChange();
    });
  };
  addEventListener('scroll', schedule, { passive: true });
  addEventListener('resize', schedule, { passive: true });
  return () => {
    cancelAnimationFrame(frame);
    removeEventListener('scroll', schedule);
    removeEventListener('resize', schedule);
  };
}
