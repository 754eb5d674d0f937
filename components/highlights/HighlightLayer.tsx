/**
 * Highlighting over the Reader (loaded lazily, see HighlightReader): the article's stored
 * highlights placed as marks (live: a highlight made in another view shows here too), the
 * toolbar by a selection or a highlight, the "h" key, and undo after a delete.
 */
import type { RefObject } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { deleteHighlight, getArticleHighlights, putHighlight, watchArticle } from '../../platform/highlights';
import { COLOURS, type Colour, type Highlight } from '../../utils/highlights/types';
import type { Article } from '../../utils/types';
import { articleLayout } from './layout';
import { identify, newHighlight, place, type Placement } from './model';
import { selectionToArticle } from './selection';
import { HighlightToolbar, SelectionToolbar, type Anchor } from './Toolbar';

export { Orphans } from './Orphans';

export interface HighlightLayerProps {
  article: Article;
  /** The page's URL, for an article that carries none. */
  url?: string | null;
  /** The element the Reader is rendered in. */
  root: RefObject<HTMLElement>;
  /** Receives the marks and orphans each time the highlights or the article change. */
  onPlacement: (placement: Placement) => void;
}

const COLOUR_KEY = 'lucid-highlight-colour';

/** The colour last used (the "h" key highlights in it). */
function lastColour(): Colour {
  const stored = localStorage.getItem(COLOUR_KEY);
  return COLOURS.find((c) => c === stored) ?? COLOURS[0];
}

const SHORT = 80;
const markName = (h: Highlight) => i18n.t('highlight.mark', [h.text.length > SHORT ? `${h.text.slice(0, SHORT)}…` : h.text]);

/** The marks of a highlight (several when it is cut by formatting or spans blocks). */
const marksOf = (root: HTMLElement | null, id: string) =>
  [...(root?.querySelectorAll<HTMLElement>('mark[data-highlight-id]') ?? [])].filter((m) => m.dataset.highlightId === id);

/** The highlight mark an event happened in, if any. */
const markOf = (target: EventTarget | null) => (target instanceof Element ? target.closest<HTMLElement>('mark[data-highlight-id]') : null);

const isTyping = (target: EventTarget | null) => target instanceof Element && !!target.closest('input, textarea, select, [contenteditable]');

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** The box of a highlight's marks (from its first piece to its last). */
function markBox(root: HTMLElement | null, id: string): Anchor | null {
  const marks = marksOf(root, id);
  if (!marks.length) return null;
  const first = marks[0]!.getBoundingClientRect();
  return { top: first.top, left: first.left, bottom: marks.at(-1)!.getBoundingClientRect().bottom };
}

function selectionBox(): Anchor | null {
  const selection = getSelection();
  if (!selection?.rangeCount) return null;
  const { top, bottom, left } = selection.getRangeAt(0).getBoundingClientRect();
  return { top, bottom, left };
}

/** Re-renders on scroll and resize (rAF-throttled), so the toolbar follows its text. */
function useViewportChanges(): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    let frame = 0;
    const onChange = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setTick((t) => t + 1));
    };
    addEventListener('scroll', onChange, { passive: true, capture: true });
    addEventListener('resize', onChange);
    return () => {
      cancelAnimationFrame(frame);
      removeEventListener('scroll', onChange, { capture: true });
      removeEventListener('resize', onChange);
    };
  }, []);
}

/** The article's highlights: read once, then followed as any view changes them. */
function useArticleHighlights(key: string | undefined) {
  const [highlights, setHighlights] = useState<Highlight[]>([]);
  useEffect(() => {
    if (!key) return;
    let watched = false;
    void getArticleHighlights(key).then((list) => watched || setHighlights(list));
    const unwatch = watchArticle(key, (list) => {
      watched = true;
      setHighlights(list);
    });
    return unwatch;
  }, [key]);
  return [highlights, setHighlights] as const;
}

interface Status {
  text: string;
  /** A deleted highlight, for undo. */
  undo?: Highlight;
}

export function HighlightLayer({ article, url, root, onPlacement }: HighlightLayerProps) {
  const layout = useMemo(() => articleLayout(article), [article]);
  const identity = useMemo(() => identify(article, url), [article, url]);
  const [highlights, setHighlights] = useArticleHighlights(identity?.key);
  /** The selected range of the article text. */
  const [selected, setSelected] = useState<{ start: number; end: number } | null>(null);
  /** The highlight whose toolbar is open; `fallback` places it until its mark is drawn. */
  const [open, setOpen] = useState<{ id: string; note: boolean; fallback: Anchor | null } | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  useViewportChanges();

  const placement = useMemo(() => place(highlights, layout, markName), [highlights, layout]);
  useEffect(() => onPlacement(placement), [placement]);

  // Follow the selection: only text of the article's kept blocks can be highlighted.
  useEffect(() => {
    let frame = 0;
    const onChange = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setSelected(root.current && identity ? selectionToArticle(root.current, layout) : null));
    };
    document.addEventListener('selectionchange', onChange);
    // A selection made before this effect ran (the text paints before effects run) counts too.
    onChange();
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', onChange);
    };
  }, [layout, identity]);

  // A notice stays a while (longer while its Undo button has the focus).
  useEffect(() => {
    if (!status) return;
    let timer = 0;
    const later = () => {
      timer = window.setTimeout(() => (statusRef.current?.contains(document.activeElement) ? later() : setStatus(null)), 8000);
    };
    later();
    return () => clearTimeout(timer);
  }, [status]);

  /** Saves optimistically; false (the stored list back, the reason shown) when it failed. */
  const save = async (h: Highlight): Promise<boolean> => {
    setHighlights((list) => (list.some((x) => x.id === h.id) ? list.map((x) => (x.id === h.id ? h : x)) : [...list, h]));
    try {
      await putHighlight(h);
      return true;
    } catch (err) {
      setStatus({ text: i18n.t('highlight.saveFailed', [errorText(err)]) });
      if (identity) setHighlights(await getArticleHighlights(identity.key));
      return false;
    }
  };

  const create = (colour: Colour, withNote = false) => {
    if (!selected || !identity) return;
    const h = newHighlight(article, layout, identity, selected, colour);
    localStorage.setItem(COLOUR_KEY, colour);
    const fallback = selectionBox();
    getSelection()?.removeAllRanges();
    setSelected(null);
    void save(h);
    if (withNote) setOpen({ id: h.id, note: true, fallback });
  };

  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus({ text: i18n.t('highlight.copied') });
    } catch {
      setStatus({ text: i18n.t('highlight.copyFailed') });
    }
  };

  /** Closes the highlight's toolbar, with the focus back on its mark. */
  const close = () => {
    if (open) marksOf(root.current, open.id).find((m) => m.tabIndex === 0)?.focus();
    setOpen(null);
  };

  const remove = async (h: Highlight) => {
    setOpen(null);
    setHighlights((list) => list.filter((x) => x.id !== h.id));
    try {
      const deleted = await deleteHighlight(h.articleKey, h.id);
      setStatus({ text: i18n.t('highlight.deleted'), undo: deleted ?? h });
      requestAnimationFrame(() => statusRef.current?.querySelector('button')?.focus());
    } catch (err) {
      setStatus({ text: i18n.t('highlight.saveFailed', [errorText(err)]) });
    }
  };

  const openMark = (mark: HTMLElement) => setOpen({ id: mark.dataset.highlightId!, note: false, fallback: null });

  const update = (h: Highlight, change: Partial<Highlight>) => save({ ...h, ...change, updatedAt: new Date().toISOString() });

  // The "h" key, Escape, and Enter or Space on a highlight. The listener is added once and
  // reads this render's state through a ref: re-adding it in an effect after each render
  // would leave a stale one (without the new selection) between a paint and its effects.
  const onKey = useRef<(e: KeyboardEvent) => void>();
  onKey.current = (e) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
    const mark = markOf(e.target);
    if (e.key === 'h' && selected) create(lastColour());
    else if (e.key === 'Escape' && (selected || open)) {
      if (open) close();
      else getSelection()?.removeAllRanges();
    } else if ((e.key === 'Enter' || e.key === ' ') && mark) openMark(mark);
    else return;
    e.preventDefault();
  };
  useEffect(() => {
    const keydown = (e: KeyboardEvent) => onKey.current?.(e);
    // A click on a highlight opens its toolbar; the end of a drag that selects text is a click
    // too, and that one is for the selection.
    const click = (e: MouseEvent) => {
      const mark = markOf(e.target);
      if (mark && root.current?.contains(mark) && getSelection()?.isCollapsed !== false) openMark(mark);
    };
    document.addEventListener('keydown', keydown);
    document.addEventListener('click', click);
    return () => {
      document.removeEventListener('keydown', keydown);
      document.removeEventListener('click', click);
    };
  }, []);

  const current = open && highlights.find((h) => h.id === open.id);
  const openAt = current ? (markBox(root.current, current.id) ?? open.fallback) : null;
  const selectionAt = selected && !current ? selectionBox() : null;

  return (
    <>
      {selected && selectionAt && (
        <SelectionToolbar
          at={selectionAt}
          onColour={(c) => create(c)}
          onNote={() => create(lastColour(), true)}
          onCopy={() => void copy(layout.text.slice(selected.start, selected.end))}
          onClose={() => getSelection()?.removeAllRanges()}
        />
      )}
      {current && openAt && (
        <HighlightToolbar
          key={current.id}
          at={openAt}
          colour={current.colour}
          note={current.note}
          editing={open.note}
          onColour={(colour) => {
            localStorage.setItem(COLOUR_KEY, colour);
            update(current, { colour });
          }}
          onNote={(note) => {
            // A note that was not saved (a full store) stays in its editor with the reason (R7).
            void update(current, { note }).then((saved) => saved && close());
          }}
          onCopy={() => void copy(current.text)}
          onDelete={() => void remove(current)}
          onClose={close}
        />
      )}
      <div ref={statusRef} class={status ? 'highlight-status ui shown' : 'highlight-status ui'} aria-live="polite" aria-atomic="true" lang={navigator.language}>
        {status?.text}
        {status?.undo && (
          <button
            type="button"
            class="quiet"
            onClick={() => {
              void save(status.undo!);
              setStatus(null);
            }}
          >
            {i18n.t('highlight.undo')}
          </button>
        )}
      </div>
    </>
  );
}
