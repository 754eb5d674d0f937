import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from '#imports';
import { autoOpenSitesItem, handleAutoOpen, originsOf, siteOfOrigin } from '../../platform/auto-open';

describe('site permissions', () => {
  it('asks for one site, http and https (two patterns when there is a port: Chromium refuses *://host:port)', () => {
    expect(originsOf('example.com')).toEqual(['*://example.com/*']);
    expect(originsOf('127.0.0.1:8080')).toEqual(['http://127.0.0.1:8080/*', 'https://127.0.0.1:8080/*']);
  });
  it('reads the site back from a pattern', () => {
    for (const site of ['example.com', '127.0.0.1:8080']) for (const o of originsOf(site)) expect(siteOfOrigin(o)).toBe(site);
    expect(siteOfOrigin('<all_urls>')).toBeNull();
  });
});

describe('auto-open messages (background)', () => {
  const page = browser.runtime.getURL('/cleanview.html');
  beforeEach(() => fakeBrowser.reset());

  it('refuses list changes from content scripts', async () => {
    const sender = { id: browser.runtime.id, url: 'https://example.com/a', tab: { id: 1 } as never, frameId: 0 };
    await expect(handleAutoOpen({ type: 'auto-open:add', site: 'example.com' }, sender)).rejects.toThrow(/extension only/);
  });

  it('refuses to add a site without its permission', async () => {
    vi.spyOn(browser.permissions, 'contains').mockResolvedValue(false as never);
    await expect(handleAutoOpen({ type: 'auto-open:add', site: 'example.com' }, { id: browser.runtime.id, url: page })).rejects.toThrow(/permission/);
    expect(await autoOpenSitesItem.getValue()).toEqual([]);
  });

  it('opens only for pages of listed sites, in the top frame', async () => {
    const article = { type: 'auto-open:article' } as const;
    const from = (url: string, frameId = 0) => ({ id: browser.runtime.id, url, tab: { id: 3 } as never, frameId });
    await expect(handleAutoOpen(article, from('https://example.com/a'))).rejects.toThrow(/not on the list/);
    await autoOpenSitesItem.setValue(['example.com']);
    await expect(handleAutoOpen(article, from('https://example.com/a', 2))).rejects.toThrow(/not a page/);
    await expect(handleAutoOpen(article, { id: browser.runtime.id, url: page })).rejects.toThrow(/only a page/);
  });
});
