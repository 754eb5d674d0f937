/**
 * No lost writes: three pages (popup, clean view, library) send 1,000 interleaved creates,
 * edits, deletes and undos to the background without waiting for each other, on the same
 * articles. The store must end with exactly the highlights a sequential model predicts, the
 * index must agree with the article keys, and export → import → export must be identical.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getAllHighlights, getArticleHighlights, listArticles } from '../../platform/highlights';
import type { Reply } from '../../platform/messages';
import { COLOURS, exportJson, parseImport, type Highlight } from '../../utils/highlights';
import { deliver, makeHighlight, startBackground, type Context } from './helpers';

const CONTEXTS: Context[] = ['popup', 'cleanview', 'library'];
const OPERATIONS = 1000;
const ARTICLES = 20;

/** A small seeded PRNG (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Issues the operations without awaiting them, and returns the replies and the expected final
 * highlights. Each page works on its own highlights (ids are per page), so the expected state
 * does not depend on how the pages interleave, while all pages share the same articles.
 */
function storm(seed: number): { replies: Promise<Reply>[]; expected: Map<string, Highlight> } {
  const rand = random(seed);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const expected = new Map<string, Highlight>();
  const live = new Map<Context, string[]>(CONTEXTS.map((c) => [c, []]));
  const deleted = new Map<Context, Highlight[]>(CONTEXTS.map((c) => [c, []]));
  const replies: Promise<Reply>[] = [];
  let n = 0;
  for (let i = 0; i < OPERATIONS; i++) {
    const from = pick(CONTEXTS);
    const mine = live.get(from)!;
    const roll = rand();
    if (roll < 0.4 || mine.length === 0) {
      const h = makeHighlight(n++, Math.floor(rand() * ARTICLES), {});
      const created = { ...h, id: `${from}-${h.id}` };
      expected.set(created.id, created);
      mine.push(created.id);
      replies.push(deliver({ type: 'highlights:put', highlight: created }, from));
    } else if (roll < 0.75) {
      const old = expected.get(pick(mine))!;
      const edited = { ...old, note: `note ${i}`, colour: pick(COLOURS), updatedAt: new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString() };
      expected.set(edited.id, edited);
      replies.push(deliver({ type: 'highlights:put', highlight: edited }, from));
    } else if (roll < 0.9 || deleted.get(from)!.length === 0) {
      const id = pick(mine);
      const h = expected.get(id)!;
      expected.delete(id);
      mine.splice(mine.indexOf(id), 1);
      deleted.get(from)!.push(h);
      replies.push(deliver({ type: 'highlights:delete', articleKey: h.articleKey, id }, from));
    } else {
      const h = deleted.get(from)!.pop()!; // undo the page's last delete
      expected.set(h.id, h);
      mine.push(h.id);
      replies.push(deliver({ type: 'highlights:put', highlight: h }, from));
    }
  }
  return { replies, expected };
}

const byId = (list: Highlight[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));

beforeEach(startBackground);

describe('concurrent writes from three pages', () => {
  for (const seed of [1, 2, 3]) {
    it(`end with exactly the expected highlights (seed ${seed})`, async () => {
      const started = performance.now();
      const { replies, expected } = storm(seed);
      const answers = await Promise.all(replies);
      expect(answers.filter((r) => !r.ok)).toEqual([]);
      const stored = await getAllHighlights();
      expect(byId(stored)).toEqual(byId([...expected.values()]));

      // The index lists exactly the articles that have highlights, with their counts.
      const articles = await listArticles();
      const counts = new Map<string, number>();
      for (const h of expected.values()) counts.set(h.articleKey, (counts.get(h.articleKey) ?? 0) + 1);
      expect(new Map(articles.map((a) => [a.key, a.count]))).toEqual(counts);
      for (const a of articles) expect((await getArticleHighlights(a.key)).length).toBe(a.count);
      console.log(`seed ${seed}: ${OPERATIONS} operations from 3 pages → ${stored.length} highlights on ${articles.length} articles, none lost (${(performance.now() - started).toFixed(0)} ms)`);
    });
  }

  it('export → import → export is identical, and importing again adds nothing', async () => {
    const { replies } = storm(7);
    await Promise.all(replies);
    const first = exportJson(await getAllHighlights(), '2025-01-01T00:00:00.000Z');

    startBackground(); // an empty store, e.g. another browser
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    const parsed = parseImport(first);
    if (!parsed.ok) throw new Error(parsed.error);
    const reply = await deliver({ type: 'highlights:import', highlights: parsed.highlights });
    expect(reply).toEqual({ ok: true, value: { added: parsed.highlights.length, updated: 0 } });
    expect(exportJson(await getAllHighlights(), '2025-01-01T00:00:00.000Z')).toBe(first);

    expect(await deliver({ type: 'highlights:import', highlights: parsed.highlights })).toEqual({ ok: true, value: { added: 0, updated: 0 } });
    expect(exportJson(await getAllHighlights(), '2025-01-01T00:00:00.000Z')).toBe(first);
    console.log(`export → import → export: ${parsed.highlights.length} highlights, identical (${first.length} bytes)`);
  });
});
