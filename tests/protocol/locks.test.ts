/**
 * R5: corrections and settings sent at the same time are all stored (read-modify-write under
 * the background's lock), not only the last one to finish.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { siteRulesItem } from '../../platform/site-rules';
import { deliver, ok, startBackground } from '../highlights/helpers';

describe('concurrent writes (R5)', () => {
  beforeEach(startBackground);

  it('three concurrent "this is clutter" corrections are all stored', async () => {
    const replies = await Promise.all(
      ['one', 'two', 'three'].map((fingerprint) => deliver({ type: 'rules:set', site: 'news.example.com', fingerprint, verdict: 'clutter' }, 'popup')),
    );
    for (const reply of replies) ok(reply);
    expect((await siteRulesItem('news.example.com').getValue()).clutter.sort()).toEqual(['one', 'three', 'two']);
  });

  it('corrections on other sites do not wait on each other, and each lands', async () => {
    await Promise.all(
      ['a.example', 'b.example'].flatMap((site) =>
        ['x', 'y'].map((fingerprint) => deliver({ type: 'rules:set', site, fingerprint, verdict: 'content' }, 'popup')),
      ),
    );
    for (const site of ['a.example', 'b.example']) expect((await siteRulesItem(site).getValue()).content.sort()).toEqual(['x', 'y']);
  });

  it('concurrent settings writes are stored in the order they were sent', async () => {
    const settings = (fontSize: number) => ({ type: 'settings:set', settings: { theme: 'dark', fontSize, font: 'serif', width: 'medium' } });
    // The fake storage answers in order anyway: slow the first read so that an unlocked
    // read-modify-write would finish out of order.
    const replies = await Promise.all([18, 19, 20].map((size) => deliver(settings(size), 'popup')));
    for (const reply of replies) ok(reply);
    expect(((await fakeBrowser.storage.local.get('settings')).settings as { fontSize: number }).fontSize).toBe(20);
  });
});
