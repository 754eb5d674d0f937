/** Export downloads and import batches for the library page. */
import type { Highlight } from '../../utils/highlights';

/** Saves `text` as a file through a blob URL and a download link. */
export function download(filename: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  // Revoked later: some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** "lucid-highlights-2024-03-12.md" (local date). */
export function exportName(extension: string, now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `lucid-highlights-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.${extension}`;
}

/**
 * Splits an import into messages under `maxBytes` (as JSON), keeping each article's highlights
 * together: each message is one all-or-nothing write of whole articles.
 */
export function importBatches(highlights: readonly Highlight[], maxBytes: number): Highlight[][] {
  const byArticle = new Map<string, Highlight[]>();
  for (const h of highlights) {
    const list = byArticle.get(h.articleKey);
    if (list) list.push(h);
    else byArticle.set(h.articleKey, [h]);
  }
  const batches: Highlight[][] = [];
  let batch: Highlight[] = [];
  let bytes = 0;
  for (const list of byArticle.values()) {
    const size = JSON.stringify(list).length;
    if (batch.length && bytes + size > maxBytes) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(...list);
    bytes += size;
  }
  if (batch.length) batches.push(batch);
  return batches;
}
