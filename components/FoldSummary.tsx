/** The quiet "N lines folded" control: shows the folded lines in place, and hides them again. */
import { i18n } from '#i18n';

export function FoldSummary({ count, open, onToggle }: { count: number; open: boolean; onToggle: () => void }) {
  return (
    <button
      type="button"
      class="fold-summary quiet"
      data-testid="folded-summary"
      aria-expanded={open}
      title={i18n.t('fold.summaryHint')}
      onClick={onToggle}
    >
      {i18n.t('fold.summary', count)}
    </button>
  );
}
