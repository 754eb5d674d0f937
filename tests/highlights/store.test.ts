import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  deleteHighlight,
  getAllHighlights,
  getArticleHighlights,
  importHighlights,
  listArticles,
  putHighlight,
  watchArticle,
} from '../../platform/highlights';
import { deliver, makeHighlight, ok, routeSendToBackground, startBackground } from './helpers';

/** Every key in storage.local, to show that a refused write changed nothing. */
const dump = () => fakeBrowser.storage.local.get(null);

beforeEach(() => {
  startBackground();
  routeSendToBackground();
});
afterEach(() => {
  vi.restoreAllMocks();
  const local = fakeBrowser.storage.local as unknown as Record<string, unknown>;
  delete local.QUOTA_BYTES;
  delete local.getBytesInUse;
});

describe('highlight store', () => {
  it('keeps one key per article and an index that lists them', async () => {
    await putHighlight(makeHighlight(1, 1));
    await putHighlight(makeHighlight(2, 1));
    await putHighlight(makeHighlight(3, 2));
    const keys = Object.keys(await dump()).filter((k) => !k.endsWith('$')).sort();
    expect(keys).toEqual(['highlights-index', `highlights:${makeHighlight(1, 1).articleKey}`, `highlights:${makeHighlight(3, 2).articleKey}`].sort());
    expect((await getArticleHighlights(makeHighlight(1, 1).articleKey)).map((h) => h.id)).toEqual(['h1', 'h2']);
    const articles = await listArticles();
    expect(articles.map((a) => [a.title, a.count])).toEqual(
      expect.arrayContaining([['Story number 1', 2], ['Story number 2', 1]]),
    );
    expect((await getAllHighlights()).map((h) => h.id)).toEqual(['h3', 'h2', 'h1']); // newest first
  });

  it('records the schema version next to each record', async () => {
    const h = makeHighlight(1, 1);
    await putHighlight(h);
    const stored = await dump();
    expect(stored[`highlights:${h.articleKey}$`]).toEqual({ v: 1 });
    expect(stored['highlights-index$']).toEqual({ v: 1 });
  });

  it('updates by id, deletes with undo, and drops empty articles from the index', async () => {
    const h = makeHighlight(1, 1);
    await putHighlight(h);
    await putHighlight({ ...h, note: 'edited', colour: 'pink' });
    expect(await getArticleHighlights(h.articleKey)).toEqual([{ ...h, note: 'edited', colour: 'pink' }]);

    const deleted = await deleteHighlight(h.articleKey, h.id);
    expect(deleted?.note).toBe('edited');
    expect(await getArticleHighlights(h.articleKey)).toEqual([]);
    expect(await listArticles()).toEqual([]);
    expect(Object.keys(await dump())).toEqual(['highlights-index', 'highlights-index$']);
    expect(await deleteHighlight(h.articleKey, h.id)).toBeNull();

    await putHighlight(deleted!); // undo
    expect(await getArticleHighlights(h.articleKey)).toEqual([deleted]);
  });

  it('imports without duplicates (same id or same place) and says what it did', async () => {
    const a = makeHighlight(1, 1);
    await putHighlight(a);
    const sameAnotherId = { ...a, id: 'other', updatedAt: '2030-01-01T00:00:00.000Z', note: 'newer' };
    const summary = await importHighlights([a, sameAnotherId, makeHighlight(2, 1), makeHighlight(3, 5)]);
    expect(summary).toEqual({ added: 2, updated: 1 });
    expect((await getArticleHighlights(a.articleKey)).map((h) => h.note)).toEqual(['newer', '']);
    expect(await importHighlights([makeHighlight(2, 1)])).toEqual({ added: 0, updated: 0 });
  });

  it('lets pages watch one article', async () => {
    const h = makeHighlight(1, 1);
    const seen: number[] = [];
    const unwatch = watchArticle(h.articleKey, (list) => seen.push(list.length));
    await putHighlight(h);
    await putHighlight(makeHighlight(2, 1));
    unwatch();
    expect(seen).toEqual([1, 2]);
  });
});

describe('messages', () => {
  it('refuses bad shapes and unknown senders, storing nothing', async () => {
    const h = makeHighlight(1, 1);
    const bad = [
      { type: 'highlights:put', highlight: { ...h, colour: 'purple' } },
      { type: 'highlights:put', highlight: { ...h, articleKey: '../settings' } },
      { type: 'highlights:put', highlight: { ...h, selectors: { ...h.selectors, position: { start: 5, end: 2 } } } },
      { type: 'highlights:delete', articleKey: h.articleKey },
      { type: 'highlights:import', highlights: [] },
      { type: 'highlights:import', highlights: [h, { ...h, url: 'not a url' }] },
    ];
    for (const message of bad) {
      const reply = await deliver(message);
      expect(reply.ok, JSON.stringify(message).slice(0, 80)).toBe(false);
    }
    const reply = await new Promise((resolve) =>
      fakeBrowser.runtime.onMessage.trigger({ type: 'highlights:put', highlight: h }, { id: 'evil', url: 'https://evil.example/' }, resolve),
    );
    expect(reply).toEqual({ ok: false, error: 'Refused: unknown sender.' });
    expect(await dump()).toEqual({});
  });
});

describe('a full store', () => {
  it('is refused up front with a clear message, nothing written', async () => {
    await putHighlight(makeHighlight(1, 1));
    const before = await dump();
    const local = fakeBrowser.storage.local as unknown as Record<string, unknown>;
    local.QUOTA_BYTES = 10_485_760;
    local.getBytesInUse = vi.fn(async () => 10_485_000);
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Lucid Reader', version: '0.1.0', permissions: ['storage'] });
    const reply = await deliver({ type: 'highlights:import', highlights: [makeHighlight(2, 2), makeHighlight(3, 3)] });
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toMatch(/storage for Lucid Reader is full: this needs \d+ KB and 0 KB are free\. Nothing was saved/);
    expect(await dump()).toEqual(before);
    // A delete frees room: it is not refused.
    expect(ok(await deliver({ type: 'highlights:delete', articleKey: makeHighlight(1, 1).articleKey, id: 'h1' }))).toBeTruthy();
  });

  it('rolls back article keys when the index write fails (quota error from the browser)', async () => {
    await putHighlight(makeHighlight(1, 1));
    const before = await dump();
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation((async (items: Record<string, unknown>) => {
      if ('highlights-index' in items) throw new Error('QUOTA_BYTES quota exceeded');
      return set(items);
    }) as never);
    const reply = await deliver({ type: 'highlights:import', highlights: [makeHighlight(2, 1), makeHighlight(3, 4), makeHighlight(4, 9)] });
    expect(reply).toEqual({
      ok: false,
      error: 'Your browser storage for Lucid Reader is full; nothing was saved. Export and delete old highlights to make room.',
    });
    vi.mocked(fakeBrowser.storage.local.set).mockRestore();
    routeSendToBackground();
    expect(await dump()).toEqual(before);
  });
});
