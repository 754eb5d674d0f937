/**
 * Export (Markdown, JSON) and import (JSON). An import file is validated as a whole before
 * anything is sent: a bad file changes nothing and the message says what is wrong.
 */
import { i18n } from '#i18n';
import { importHighlights } from '../../platform/highlights';
import { MAX_MESSAGE_BYTES } from '../../platform/messages';
import { exportJson, exportMarkdown, parseImport, type Highlight } from '../../utils/highlights';
import { download, exportName, importBatches } from './files';

/** Room left in a message for its envelope. */
const BATCH_BYTES = MAX_MESSAGE_BYTES - 64 * 1024;

interface Props {
  highlights: Highlight[];
  onNotice: (text: string, isError?: boolean) => void;
}

export function Transfer({ highlights, onNotice }: Props) {
  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = ''; // the same file can be chosen again
    if (!file) return;
    const parsed = parseImport(await file.text());
    if (!parsed.ok) return onNotice(i18n.t('library.importRefused', [file.name, parsed.error]), true);
    let done = 0;
    let added = 0;
    let updated = 0;
    try {
      for (const batch of importBatches(parsed.highlights, BATCH_BYTES)) {
        const summary = await importHighlights(batch);
        done += batch.length;
        added += summary.added;
        updated += summary.updated;
      }
      onNotice(i18n.t('library.imported', [file.name, added, updated]));
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      if (done === 0) onNotice(i18n.t('library.importRefused', [file.name, reason]), true);
      else onNotice(i18n.t('library.importPartial', [done, parsed.highlights.length, reason]), true);
    }
  };

  return (
    <section class="transfer" aria-labelledby="transfer-title">
      <h2 id="transfer-title" class="visually-hidden">
        {i18n.t('library.transfer')}
      </h2>
      <button type="button" disabled={!highlights.length} onClick={() => download(exportName('md'), 'text/markdown', exportMarkdown(highlights))}>
        {i18n.t('library.exportMarkdown')}
      </button>
      <button
        type="button"
        disabled={!highlights.length}
        onClick={() => download(exportName('json'), 'application/json', exportJson(highlights, new Date().toISOString()))}
      >
        {i18n.t('library.exportJson')}
      </button>
      <input id="import" class="visually-hidden" type="file" accept=".json,application/json" onChange={(e) => void onFile(e.currentTarget)} />
      <label for="import" class="button">
        {i18n.t('library.importJson')}
      </label>
    </section>
  );
}
