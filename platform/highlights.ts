/**
 * Stored highlights: one `storage.local` key per article, plus an index listing the articles,
 * so a view reads only the article it shows and the library lists without reading every key.
 * Extension pages read here directly; every write goes through the background
 * (platform/highlight-writer.ts), the single writer, via the `send()` helpers below.
 */
import { storage, type WxtStorageItem } from '#imports';
import type { Highlight } from '../utils/highlights';
import { send } from './send';

/** The schema version of the stored records (article and index items). */
export const HIGHLIGHTS_VERSION = 1;

/** All the highlights of one article (stored under `highlights:<articleKey>`). */
export interface ArticleRecord {
  url: string;
  title: string;
  site: string;
  /** The latest `updatedAt` of its highlights. */
  updatedAt: string;
  highlights: Highlight[];
}

/** One line of the index: what the library needs to list an article without reading it. */
export interface ArticleEntry {
  key: string;
  url: string;
  title: string;
  site: string;
  count: number;
  updatedAt: string;
}

/** articleKey → entry, for the articles that have highlights. */
export type ArticleIndex = Record<string, ArticleEntry>;

/**
 * Upgrades of stored records, by the version they produce (`{ 2: (v1) => v2 }`). Empty while
 * v1 is current; a value stored without a version marker is a v1 value. The migration test
 * (tests/highlights/migration.test.ts) shows how the first one will run.
 */
export const MIGRATIONS: Record<number, (old: unknown) => unknown> = {};

export const ARTICLE_PREFIX = 'highlights:';
export const INDEX_KEY = 'highlights-index';

type RecordItem = WxtStorageItem<ArticleRecord | null, Record<string, unknown>>;

/** Defines an article's item at a schema version (the current one, or a future one in tests). */
export function defineArticleItem(key: string, version: number, migrations: Record<number, (old: unknown) => unknown>): RecordItem {
  return storage.defineItem<ArticleRecord | null>(`local:${ARTICLE_PREFIX}${key}`, { fallback: null, version, migrations });
}

const articleItems = new Map<string, RecordItem>();

/** The storage item of one article's highlights (null when it has none). */
export function articleItem(key: string): RecordItem {
  let item = articleItems.get(key);
  if (!item) {
    // Items are cached: defining one checks its stored version, a storage read.
    item = defineArticleItem(key, HIGHLIGHTS_VERSION, MIGRATIONS);
    articleItems.set(key, item);
  }
  return item;
}

/** The index of articles with highlights. */
export const indexItem = storage.defineItem<ArticleIndex>(`local:${INDEX_KEY}`, {
  fallback: {},
  version: HIGHLIGHTS_VERSION,
  migrations: MIGRATIONS,
});

/** The index entry that describes `record` (stored under `key`). */
export function entryOf(key: string, record: ArticleRecord): ArticleEntry {
  const { url, title, site, updatedAt, highlights } = record;
  return { key, url, title, site, count: highlights.length, updatedAt };
}

/** The highlights of one article, in the order they were made. Reads one key. */
export async function getArticleHighlights(key: string): Promise<Highlight[]> {
  return (await articleItem(key).getValue())?.highlights ?? [];
}

/** The articles with highlights, most recently changed first. Reads the index only. */
export async function listArticles(): Promise<ArticleEntry[]> {
  return Object.values(await indexItem.getValue()).sort((a, b) => compareDesc(a.updatedAt, b.updatedAt));
}

/** Every stored highlight, newest first: the index, then its articles in one read. */
export async function getAllHighlights(): Promise<Highlight[]> {
  const keys = Object.keys(await indexItem.getValue()).map((key) => `local:${ARTICLE_PREFIX}${key}` as const);
  const records = keys.length ? await storage.getItems(keys) : [];
  const all = records.flatMap(({ value }) => (value as ArticleRecord | null)?.highlights ?? []);
  return all.sort((a, b) => compareDesc(a.createdAt, b.createdAt) || compareDesc(a.id, b.id));
}

const compareDesc = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);

/** Calls `onChange` with an article's highlights whenever they change; returns the unwatch. */
export function watchArticle(key: string, onChange: (highlights: Highlight[]) => void): () => void {
  return articleItem(key).watch((record) => onChange(record?.highlights ?? []));
}

/** Calls `onChange` whenever any highlight changes (the index is written last by every write). */
export function watchLibrary(onChange: () => void): () => void {
  return indexItem.watch(() => onChange());
}

/** Creates a highlight, or replaces the one with the same id (also: undo of a delete). */
export function putHighlight(highlight: Highlight): Promise<void> {
  return send({ type: 'highlights:put', highlight });
}

/** Deletes a highlight; resolves with it (for undo through `putHighlight`), or null if it was gone. */
export function deleteHighlight(articleKey: string, id: string): Promise<Highlight | null> {
  return send({ type: 'highlights:delete', articleKey, id });
}

export interface ImportSummary {
  added: number;
  updated: number;
}

/** Merges highlights (an already validated import) into the store, all or nothing. */
export function importHighlights(highlights: Highlight[]): Promise<ImportSummary> {
  return send({ type: 'highlights:import', highlights });
}
