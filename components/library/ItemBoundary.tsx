/**
 * One library item that failed to render (a record the code does not expect) becomes a notice
 * with its Delete button, so that it cannot hide the rest of the library.
 */
import { i18n } from '#i18n';
import { Component, type ComponentChildren } from 'preact';
import type { Highlight } from '../../utils/highlights';

interface Props {
  highlight: Highlight;
  onDelete: (highlight: Highlight) => void;
  children: ComponentChildren;
}

export class ItemBoundary extends Component<Props, { error: string | null }> {
  override state = { error: null as string | null };

  static override getDerivedStateFromError(err: unknown) {
    return { error: err instanceof Error ? err.message : String(err) };
  }

  render({ highlight, onDelete, children }: Props) {
    if (this.state.error === null) return children;
    const excerpt = String(highlight.text ?? '').slice(0, 60);
    return (
      <li class="hl hl-broken">
        <p role="alert">{i18n.t('libraryItem.broken', [this.state.error])}</p>
        <button type="button" class="quiet" aria-label={i18n.t('library.deleteLabel', [excerpt])} onClick={() => onDelete(highlight)}>
          {i18n.t('library.delete')}
        </button>
      </li>
    );
  }
}
