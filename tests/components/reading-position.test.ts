/**
 * The reading position through the background, the single writer: `position:set` stores the
 * place under the article key; the store keeps at most MAX_POSITIONS articles, newest first;
 * a malformed message stores nothing.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_POSITIONS, positionsItem } from '../../platform/reading-position';
import { deliver, startBackground } from '../highlights/helpers';

const set = (key: string, progress = 0.5) => deliver({ type: 'position:set', articleKey: key, position: { block: 'b3-x1', offset: 0.2, progress } }, 'popup');

describe('position:set (background)', () => {
  beforeEach(startBackground);

  it('stores the place under the article key', async () => {
    expect(await set('a-abc')).toEqual({ ok: true });
    expect(await positionsItem.getValue()).toEqual({ 'a-abc': { block: 'b3-x1', offset: 0.2, progress: 0.5, at: expect.any(Number) } });
  });

  it('keeps the newest positions only', async () => {
    for (let n = 0; n < MAX_POSITIONS + 5; n++) expect((await set(`a-${n.toString(36)}`)).ok).toBe(true);
    const stored = await positionsItem.getValue();
    expect(Object.keys(stored)).toHaveLength(MAX_POSITIONS);
    expect(stored[`a-${(MAX_POSITIONS + 4).toString(36)}`]).toBeDefined();
  });

  it('stores nothing from a malformed message', async () => {
    expect((await deliver({ type: 'position:set', articleKey: 'a-abc', position: { block: '', offset: 0, progress: 0 } })).ok).toBe(false);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});
