/**
 * R7: when the site list cannot be written (a full storage area), the site's host permission
 * is given back: otherwise it stays granted with no site in the options page to remove.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, expect, it, vi } from 'vitest';
import { autoOpenSitesItem, originsOf } from '../../platform/auto-open';
import { deliver, startBackground } from '../highlights/helpers';

beforeEach(startBackground);

it('gives the permission back when the site list cannot be written', async () => {
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
  const removed = vi.spyOn(fakeBrowser.permissions, 'remove').mockResolvedValue(true as never);
  vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
  const reply = await deliver({ type: 'auto-open:add', site: 'news.example.com' }, 'library');
  expect(reply).toEqual({
    ok: false,
    error: 'Your browser storage for Lucid Reader is full; nothing was saved. Export and delete old highlights to make room.',
  });
  expect(removed).toHaveBeenCalledWith({ origins: originsOf('news.example.com') });
  expect(await autoOpenSitesItem.getValue()).toEqual([]);
});
