/**
 * The highlights library: every highlight across articles, newest first, with search and
 * filters, delete with undo, export and import. Reads storage directly (and watches it, so
 * highlights made in other views appear); writes go through the background.
 */
import { i18n } from '#i18n';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { deleteHighlight, getAllHighlights, putHighlight, watchLibrary } from '../../platform/highlights';
import type { Highlight } from '../../utils/highlights';
import { Filters } from './Filters';
import { HighlightItem } from './HighlightItem';
import { ItemBoundary } from './ItemBoundary';
import { NO_FILTERS, facets, filterHighlights, prepare } from './search';
import { Transfer } from './Transfer';
import { useTheme } from './useTheme';

/** Highlights rendered at first, and added by "Show more": the DOM stays small at 10,000. */
const PAGE = 100;

interface Notice {
  text: string;
  error?: boolean;
  /** The highlight that "Undo" puts back. */
  undo?: Highlight;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function Library() {
  useTheme();
  const [highlights, setHighlights] = useState<Highlight[] | null>(null);
  const [filters, setFilters] = useState(NO_FILTERS);
  const [limit, setLimit] = useState(PAGE);
  const [notice, setNotice] = useState<Notice | null>(null);
  const undoButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const load = () =>
      getAllHighlights().then(setHighlights, (err: unknown) => setNotice({ text: i18n.t('library.loadFailed', [message(err)]), error: true }));
    void load();
    return watchLibrary(() => void load());
  }, []);

  const all = highlights ?? [];
  const prepared = useMemo(() => prepare(all), [highlights]);
  const shown = useMemo(() => filterHighlights(prepared, filters), [prepared, filters]);
  const { sites, speakers } = useMemo(() => facets(all), [highlights]);
  const articles = useMemo(() => new Set(all.map((h) => h.articleKey)).size, [highlights]);
  const date = useMemo(() => new Intl.DateTimeFormat(i18n.t('@@ui_locale').replace('_', '-'), { dateStyle: 'medium' }), []);

  // After a delete, focus goes to "Undo", so the keyboard can take it back at once.
  useEffect(() => {
    if (notice?.undo) undoButton.current?.focus();
  }, [notice]);

  const onDelete = (h: Highlight) =>
    deleteHighlight(h.articleKey, h.id).then(
      (deleted) => setNotice({ text: i18n.t('library.deleted'), undo: deleted ?? h }),
      (err: unknown) => setNotice({ text: i18n.t('library.failed', [message(err)]), error: true }),
    );
  const onUndo = (h: Highlight) =>
    putHighlight(h).then(
      () => setNotice({ text: i18n.t('library.restored') }),
      (err: unknown) => setNotice({ text: i18n.t('library.failed', [message(err)]), error: true }),
    );
  const filtering = Object.values(filters).some(Boolean);

  return (
    <div class="library ui">
      <header class="top">
        <div>
          <h1>{i18n.t('library.title')}</h1>
          {highlights && (
            <p class="summary">
              {i18n.t('library.count', all.length)}
              {all.length > 0 && ` ${i18n.t('library.articles', articles)}`}
            </p>
          )}
        </div>
        <Transfer highlights={all} onNotice={(text, error) => setNotice({ text, error })} />
      </header>

      <div class="notice-area">
        {/* Both regions stay in the page, so that screen readers announce what appears in them. */}
        <div role="status" class="notice">
          {notice && !notice.error && (
            <>
              <span>{notice.text}</span>
              {notice.undo && (
                <button type="button" ref={undoButton} onClick={() => void onUndo(notice.undo!)}>
                  {i18n.t('library.undo')}
                </button>
              )}
            </>
          )}
        </div>
        <div role="alert" class="notice error">
          {notice?.error && notice.text}
        </div>
      </div>

      <Filters
        filters={filters}
        sites={sites}
        speakers={speakers}
        onChange={(next) => {
          setFilters(next);
          setLimit(PAGE);
        }}
      />

      {highlights && all.length === 0 && <p class="empty">{i18n.t('library.empty')}</p>}
      {all.length > 0 && (
        <>
          <p class="matches" aria-live="polite">
            {filtering ? i18n.t('library.matches', shown.length) : ''}
          </p>
          <ol class="highlights" aria-label={i18n.t('library.title')}>
            {shown.slice(0, limit).map((h) => (
              <ItemBoundary key={h.id} highlight={h} onDelete={(x) => void onDelete(x)}>
                <HighlightItem highlight={h} date={date} onDelete={(x) => void onDelete(x)} />
              </ItemBoundary>
            ))}
          </ol>
          {shown.length > limit && (
            <button type="button" class="more" onClick={() => setLimit(limit + PAGE)}>
              {i18n.t('library.showMore', [Math.min(PAGE, shown.length - limit)])}
            </button>
          )}
        </>
      )}
    </div>
  );
}
