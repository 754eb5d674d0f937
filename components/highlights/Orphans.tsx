/**
 * Highlights that could not be placed in the article as it is now: listed with their text and
 * note, so nothing is lost (they are never deleted, nor moved to a guessed place).
 */
import { i18n } from '#i18n';
import type { Highlight } from '../../utils/highlights/types';

/** `lang`: the article's language (the highlighted texts are in it). */
export function Orphans({ orphans, lang }: { orphans: readonly Highlight[]; lang?: string }) {
  if (!orphans.length) return null;
  return (
    <section class="orphans ui" aria-labelledby="orphans-title" lang={navigator.language}>
      <h2 id="orphans-title" class="panel-title">{i18n.t('highlight.orphans', orphans.length)}</h2>
      <ul>
        {orphans.map((h) => (
          <li key={h.id} class={`orphan ${h.colour}`}>
            <q lang={lang}>{h.text}</q>
            {h.note.trim() && <p class="orphan-note">{h.note}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
