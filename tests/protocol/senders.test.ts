/**
 * R4: a content script of ours (its isolated world on a hostile page) may send only what it
 * needs: the auto-open article notice and its own page's fold rules. It reads no other site's
 * notes or rules, deletes nothing and writes nothing; storage itself is closed to it where the
 * browser can do that. The clean view page's runtime messages are refused too (it speaks over
 * its accepted port only).
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Reply } from '../../platform/messages';
import { siteRulesItem } from '../../platform/site-rules';
import { deliver, makeHighlight, ok, startBackground } from '../highlights/helpers';

const fromTab = (url = 'https://evil.example/page') => ({ id: fakeBrowser.runtime.id, url, tab: { id: 7 }, frameId: 0 });
const send = (message: unknown, sender: object) =>
  new Promise<Reply>((resolve) => void fakeBrowser.runtime.onMessage.trigger(message, sender, resolve));

describe('what a content script may send (R4)', () => {
  beforeEach(startBackground);

  it('writes, deletes, imports and settings are refused from a content script; nothing changes', async () => {
    const victim = makeHighlight(1, 1);
    ok(await deliver({ type: 'highlights:put', highlight: victim }));
    await siteRulesItem('news.example.com').setValue({ clutter: ['kept'], content: [] });
    const before = await fakeBrowser.storage.local.get(null);
    const attacks = [
      { type: 'highlights:put', highlight: makeHighlight(2, 1, { note: 'forged' }) },
      { type: 'highlights:delete', articleKey: victim.articleKey, id: victim.id },
      { type: 'highlights:import', highlights: [makeHighlight(3, 2)] },
      { type: 'rules:set', site: 'news.example.com', fingerprint: 'kept', verdict: null },
      { type: 'settings:set', settings: { theme: 'dark', fontSize: 28, font: 'sans', width: 'wide' } },
      { type: 'auto-open:add', site: 'news.example.com' },
      { type: 'auto-open:remove', site: 'news.example.com' },
      { type: 'view:close' },
    ];
    for (const message of attacks) {
      const reply = await send(message, fromTab());
      expect(reply.ok, message.type).toBe(false);
      expect((reply as { error: string }).error, message.type).toMatch(/^Refused: /);
    }
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
  });

  it('a content script reads the rules of its own page\'s site only', async () => {
    await siteRulesItem('news.example.com').setValue({ clutter: ['secret'], content: [] });
    await siteRulesItem('evil.example').setValue({ clutter: ['mine'], content: [] });
    // The site comes from the sender: a payload naming another site is no part of the message.
    expect(await send({ type: 'page:rules', site: 'news.example.com' }, fromTab())).toEqual({ ok: true, value: { clutter: ['mine'], content: [] } });
    expect(await send({ type: 'page:rules' }, fromTab('https://news.example.com/a'))).toEqual({ ok: true, value: { clutter: ['secret'], content: [] } });
  });

  it('the clean view page is refused on runtime messages (a copy framed by a page would use them)', async () => {
    const frame = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/cleanview.html#k'), tab: { id: 7 }, frameId: 3 };
    expect(await send({ type: 'highlights:delete', articleKey: 'a-1', id: 'h1' }, frame)).toEqual({ ok: false, error: 'Refused: unknown sender.' });
  });

  it('closes storage to content scripts where the browser can (storage.local.setAccessLevel)', () => {
    const setAccessLevel = vi.fn(async () => undefined);
    startBackground();
    Object.assign(fakeBrowser.storage.local, { setAccessLevel });
    startBackground();
    expect(setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
  });
});
