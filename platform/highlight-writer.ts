/**
 * The background's side of the highlight store: every write to highlights happens here, in
 * order. Writes to one article are queued on its key; the index is patched under its own lock
 * after the article records are written, and a failed write puts the records back, so the
 * index and the article keys never disagree and a full store leaves nothing half-written.
 */
import { browser, storage } from '#imports';
import { mergeHighlights, type Highlight } from '../utils/highlights';
import {
  ARTICLE_PREFIX,
  HIGHLIGHTS_VERSION,
  INDEX_KEY,
  entryOf,
  indexItem,
  type ArticleIndex,
  type ArticleRecord,
  type ImportSummary,
} from './highlights';
import { KeyedLock } from './keyed-lock';

/** Refused up front: the write would not fit in the browser's storage. Nothing was written. */
export class StorageFullError extends Error {
  constructor(neededBytes: number, freeBytes: number) {
    super(
      `Your browser storage for Lucid Reader is full: this needs ${Math.ceil(neededBytes / 1024)} KB and ` +
        `${Math.floor(Math.max(0, freeBytes) / 1024)} KB are free. ` +
        'Nothing was saved. Export and delete old highlights to make room.',
    );
    this.name = 'StorageFullError';
  }
}

type Records = Map<string, ArticleRecord | null>;

const lock = new KeyedLock();
const INDEX_LOCK = '#index';

const storageKey = (articleKey: string) => `local:${ARTICLE_PREFIX}${articleKey}` as const;
// @wxt-dev/storage keeps an item's version in "<key>$"; written in the same call as the value.
const metaKey = (key: `local:${string}`) => `${key}$` as const;

/** Creates a highlight, or replaces the one with the same id. */
export function put(highlight: Highlight): Promise<void> {
  const key = highlight.articleKey;
  return lock.run([key], async () => {
    const before = await readRecords([key]);
    const old = before.get(key);
    const highlights = old?.highlights.some((h) => h.id === highlight.id)
      ? old.highlights.map((h) => (h.id === highlight.id ? highlight : h))
      : [...(old?.highlights ?? []), highlight];
    const { url, title, site } = highlight;
    await commit(before, new Map([[key, { url, title, site, updatedAt: now(), highlights }]]));
  });
}

/** Deletes a highlight; returns it (for undo), or null when there was none. */
export function remove(articleKey: string, id: string): Promise<Highlight | null> {
  return lock.run([articleKey], async () => {
    const before = await readRecords([articleKey]);
    const old = before.get(articleKey);
    const deleted = old?.highlights.find((h) => h.id === id);
    if (!old || !deleted) return null;
    const highlights = old.highlights.filter((h) => h !== deleted);
    await commit(before, new Map([[articleKey, highlights.length ? { ...old, updatedAt: now(), highlights } : null]]));
    return deleted;
  });
}

/** Merges highlights into their articles without duplicates (see mergeHighlights), all or nothing. */
export function importAll(incoming: readonly Highlight[]): Promise<ImportSummary> {
  const byArticle = new Map<string, Highlight[]>();
  for (const h of incoming) {
    const list = byArticle.get(h.articleKey);
    if (list) list.push(h);
    else byArticle.set(h.articleKey, [h]);
  }
  const keys = [...byArticle.keys()];
  return lock.run(keys, async () => {
    const before = await readRecords(keys);
    const after: Records = new Map();
    const summary = { added: 0, updated: 0 };
    for (const [key, list] of byArticle) {
      const old = before.get(key);
      const merged = mergeHighlights(old?.highlights ?? [], list);
      if (!merged.added && !merged.updated) continue;
      summary.added += merged.added;
      summary.updated += merged.updated;
      const { url, title, site } = old ?? list[0]!;
      after.set(key, { url, title, site, updatedAt: now(), highlights: merged.highlights });
    }
    if (after.size) await commit(before, after);
    return summary;
  });
}

const now = () => new Date().toISOString();

async function readRecords(keys: readonly string[]): Promise<Records> {
  const values = await storage.getItems(keys.map(storageKey));
  return new Map(keys.map((key, i) => [key, (values[i]!.value as ArticleRecord | null) ?? null]));
}

/**
 * Writes the article records `after` (null: remove), then the index. On any failure the
 * records are put back as they were (`before`) and the error is rethrown.
 */
async function commit(before: Records, after: Records): Promise<void> {
  await lock.run([INDEX_LOCK], async () => {
    const index = await indexItem.getValue();
    const nextIndex: ArticleIndex = { ...index };
    for (const [key, record] of after) {
      if (record) nextIndex[key] = entryOf(key, record);
      else delete nextIndex[key];
    }
    await checkRoom([...after].map(([key, record]) => [key, before.get(key) ?? null, record]), index, nextIndex);
    try {
      await writeRecords(after);
      await storage.setItems([
        { key: `local:${INDEX_KEY}`, value: nextIndex },
        { key: metaKey(`local:${INDEX_KEY}`), value: { v: HIGHLIGHTS_VERSION } },
      ]);
    } catch (err) {
      await writeRecords(new Map([...after.keys()].map((key) => [key, before.get(key) ?? null]))).catch(() => undefined);
      throw err;
    }
  });
}

async function writeRecords(records: Records): Promise<void> {
  const sets = [...records].filter(([, r]) => r).flatMap(([key, value]) => [
    { key: storageKey(key), value },
    { key: metaKey(storageKey(key)), value: { v: HIGHLIGHTS_VERSION } },
  ]);
  const removals = [...records].filter(([, r]) => !r).map(([key]) => ({ key: storageKey(key), options: { removeMeta: true } }));
  if (sets.length) await storage.setItems(sets);
  if (removals.length) await storage.removeItems(removals);
}

const encoder = new TextEncoder();
/** Bytes a value takes in storage.local, as Chrome counts them (key + JSON), in UTF-8. */
const sizeOf = (key: string, value: unknown) => (value == null ? 0 : key.length + encoder.encode(JSON.stringify(value)).length);

interface QuotaArea {
  getBytesInUse?: (keys: null) => Promise<number>;
  QUOTA_BYTES?: number;
}

/** Free bytes in storage.local, or null when unlimited or when the browser does not tell. */
async function freeBytes(): Promise<number | null> {
  try {
    if (browser.runtime.getManifest().permissions?.includes('unlimitedStorage')) return null;
    const area = browser.storage.local as unknown as QuotaArea;
    if (typeof area.getBytesInUse !== 'function' || !area.QUOTA_BYTES) return null;
    return area.QUOTA_BYTES - (await area.getBytesInUse(null));
  } catch {
    return null; // e.g. Firefox before 131: a quota error from the write itself is rolled back
  }
}

/** Refuses, before anything is written, a write that would not fit. */
async function checkRoom(changes: [string, ArticleRecord | null, ArticleRecord | null][], index: ArticleIndex, nextIndex: ArticleIndex) {
  let growth = sizeOf(INDEX_KEY, nextIndex) - sizeOf(INDEX_KEY, index);
  for (const [key, old, next] of changes) growth += sizeOf(ARTICLE_PREFIX + key, next) - sizeOf(ARTICLE_PREFIX + key, old);
  if (growth <= 0) return;
  const free = await freeBytes();
  if (free !== null && growth > free) throw new StorageFullError(growth, free);
}
