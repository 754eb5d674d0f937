import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from '#imports';
import { autoOpenSitesItem, handleAutoOpen, originsOf, siteOfOrigin } from '../../platform/auto-open';
import { deliver, startBackground } from '../highlights/helpers';

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

  it('refuses list changes from content scripts, and an article notice from a page (the protocol)', async () => {
    startBackground();
    const fromTab = { id: browser.runtime.id, url: 'https://example.com/a', tab: { id: 1 } as never, frameId: 0 };
    for (const type of ['auto-open:add', 'auto-open:remove', 'auto-open:confirm'] as const) {
      const reply = await new Promise((resolve) => void fakeBrowser.runtime.onMessage.trigger({ type, site: 'example.com' }, fromTab, resolve));
      expect(reply).toEqual({ ok: false, error: `Refused: ${type} may not come from here.` });
    }
    expect(await deliver({ type: 'auto-open:article' }, 'popup')).toEqual({ ok: false, error: 'Refused: auto-open:article may not come from here.' });
    expect(await deliver({ type: 'auto-open:add', site: 'example.com' }, 'cleanview')).toEqual({ ok: false, error: 'Refused: auto-open:add may not come from here.' });
    expect(await autoOpenSitesItem.getValue()).toEqual([]);
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
  });
});
