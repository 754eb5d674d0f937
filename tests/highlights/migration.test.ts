/**
 * Schema versions of stored highlights. v1 is current; a record stored without a version
 * marker is a v1 record. These tests pin that down and show the first migration (v1 → v2)
 * running on such a record, the way a future version will define it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HIGHLIGHTS_VERSION, defineArticleItem, getArticleHighlights, type ArticleRecord } from '../../platform/highlights';
import { makeHighlight, ok, deliver, startBackground } from './helpers';

const h = makeHighlight(1, 1);
const key = h.articleKey;
const v1Record: ArticleRecord = { url: h.url, title: h.title, site: h.site, updatedAt: h.updatedAt, highlights: [h] };

/** A hypothetical v2: each highlight gets a `tags` list. */
const toV2 = (old: unknown) => {
  const record = old as ArticleRecord;
  return { ...record, highlights: record.highlights.map((x) => ({ ...x, tags: [] })) };
};

beforeEach(startBackground);

describe('stored highlight versions', () => {
  it('reads an unversioned record as v1, and marks it v1 on the next write', async () => {
    expect(HIGHLIGHTS_VERSION).toBe(1);
    await fakeBrowser.storage.local.set({ [`highlights:${key}`]: v1Record });
    expect(await getArticleHighlights(key)).toEqual([h]);
    ok(await deliver({ type: 'highlights:put', highlight: makeHighlight(2, 1) }));
    const stored = await fakeBrowser.storage.local.get(null);
    expect(stored[`highlights:${key}$`]).toEqual({ v: 1 });
    expect((stored[`highlights:${key}`] as ArticleRecord).highlights.map((x) => x.id)).toEqual(['h1', 'h2']);
  });

  it('migrates an unversioned record to v2 before the first read, once', async () => {
    await fakeBrowser.storage.local.set({ [`highlights:${key}`]: v1Record });
    const item = defineArticleItem(key, 2, { 2: toV2 });
    expect((await item.getValue())?.highlights).toEqual([{ ...h, tags: [] }]);
    expect(await item.getMeta()).toEqual({ v: 2 });
    // Defining it again (the next start) does not migrate a second time.
    const again = defineArticleItem(key, 2, { 2: () => { throw new Error('ran twice'); } });
    expect((await again.getValue())?.highlights).toEqual([{ ...h, tags: [] }]);
  });

  it('migrates a record the v1 writer marked as v1', async () => {
    ok(await deliver({ type: 'highlights:put', highlight: h }));
    const item = defineArticleItem(key, 2, { 2: toV2 });
    expect((await item.getValue())?.highlights).toEqual([{ ...h, tags: [] }]);
    expect(await item.getMeta()).toEqual({ v: 2 });
  });
});
