/** One highlight in the library: the passage, its note, where it comes from, and Delete. */
import { i18n } from '#i18n';
import type { Highlight } from '../../utils/highlights';
import { colourName } from './colours';

const EXCERPT = 60;

interface Props {
  highlight: Highlight;
  date: Intl.DateTimeFormat;
  onDelete: (highlight: Highlight) => void;
}

export function HighlightItem({ highlight: h, date, onDelete }: Props) {
  const excerpt = h.text.length > EXCERPT ? `${h.text.slice(0, EXCERPT).trimEnd()}…` : h.text;
  return (
    <li class="hl" data-colour={h.colour}>
      <blockquote class="hl-text" cite={h.url}>
        {h.text}
      </blockquote>
      {h.note && (
        <p class="hl-note">
          <span class="hl-note-label">{i18n.t('library.note')}</span> {h.note}
        </p>
      )}
      <p class="hl-meta">
        <span class="hl-colour">
          <span class="swatch" aria-hidden="true" />
          {colourName(h.colour)}
        </span>
        {h.speaker && <span class="hl-speaker">{h.speaker}</span>}
        <a class="hl-title" href={h.url} target="_blank" rel="noopener noreferrer">
          {h.title || h.url}
        </a>
        <span>{h.site}</span>
        {/* A date the browser cannot read is left out (it would throw "Invalid time value"). */}
        {!Number.isNaN(Date.parse(h.createdAt)) && <time dateTime={h.createdAt}>{date.format(new Date(h.createdAt))}</time>}
        <button type="button" class="quiet" aria-label={i18n.t('library.deleteLabel', [excerpt])} onClick={() => onDelete(h)}>
          {i18n.t('library.delete')}
        </button>
      </p>
    </li>
  );
}
