/**
 * The background's message handler (the real listener, on the fake browser): forged senders,
 * malformed, oversized and hostile shapes are all refused, and nothing is stored.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES, senderKind, type Reply } from '../../platform/messages';
import { DEFAULT_SETTINGS } from '../../platform/settings';
import { deliver, makeHighlight, startBackground } from '../highlights/helpers';

const dump = () => fakeBrowser.storage.local.get(null);

function fromSender(message: unknown, sender: object): Promise<Reply> {
  return new Promise((resolve) => void fakeBrowser.runtime.onMessage.trigger(message, sender, resolve));
}

const GOOD = () => ({ type: 'highlights:put', highlight: makeHighlight(1, 1) });
const SETTINGS = { type: 'settings:set', settings: { theme: 'dark', fontSize: 17, font: 'serif', width: 'medium' } };

describe('message senders', () => {
  beforeEach(startBackground);

  it('accepts this extension\'s pages, and its content scripts in a tab for what they may send (control)', async () => {
    expect((await deliver(GOOD(), 'library')).ok).toBe(true);
    const fromTab = await fromSender({ type: 'page:rules' }, { id: fakeBrowser.runtime.id, url: 'https://news.example.com/a', tab: { id: 3 } });
    expect(fromTab).toEqual({ ok: true, value: { clutter: [], content: [] } });
  });

  it('refuses forged senders, even with a valid message', async () => {
    const id = fakeBrowser.runtime.id;
    const origin = fakeBrowser.runtime.getURL('/').replace(/\/$/, '');
    const forged: [string, object][] = [
      ['another extension', { id: 'abcdefghijklmnopabcdefghijklmnop', url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/x.html' }],
      ['another extension in a tab', { id: 'abcdefghijklmnopabcdefghijklmnop', url: 'https://news.example.com/', tab: { id: 1 } }],
      ['a web page (externally_connectable)', { url: 'https://evil.example/', origin: 'https://evil.example' }],
      ['a web page in a tab, no id', { url: 'https://evil.example/', tab: { id: 1 } }],
      ['our id, no tab, a web URL', { id, url: 'https://evil.example/' }],
      ['our id, no tab, no URL', { id }],
      ['our id, a look-alike origin', { id, url: `${origin}.evil.example/popup.html` }],
      ['no sender at all', {}],
    ];
    for (const [what, sender] of forged) {
      for (const message of [GOOD(), SETTINGS]) {
        expect(await fromSender(message, sender), what).toEqual({ ok: false, error: 'Refused: unknown sender.' });
      }
    }
    expect(await dump()).toEqual({});
  });

  it('senderKind matches the origin with its slash', () => {
    const origin = ['chrome-extension://abc'];
    expect(senderKind({ id: 'abc', url: 'chrome-extension://abc/popup.html' }, 'abc', origin)).toBe('extension');
    expect(senderKind({ id: 'abc', url: 'chrome-extension://abc.evil/popup.html' }, 'abc', origin)).toBe(null);
    expect(senderKind({ id: 'abc', url: 'chrome-extension://abcd/popup.html' }, 'abc', origin)).toBe(null);
  });
});

describe('message shapes', () => {
  beforeEach(startBackground);

  it('refuses malformed, hostile and oversized messages, storing nothing', async () => {
    const h = makeHighlight(1, 1);
    const big = 'x'.repeat(MAX_MESSAGE_BYTES + 1);
    const cyclic: Record<string, unknown> = { type: 'settings:set' };
    cyclic.settings = cyclic;
    const bad: [string, unknown][] = [
      ['undefined', undefined],
      ['null', null],
      ['a string', 'highlights:put'],
      ['a number', 42],
      ['an array', [GOOD()]],
      ['no type', { highlight: h }],
      ['an unknown type', { type: 'storage:clear' }],
      ['a type of the wrong kind', { type: ['highlights:put'], highlight: h }],
      ['settings with an unknown theme', { type: 'settings:set', settings: { theme: 'hacker', fontSize: 17, font: 'serif', width: 'medium' } }],
      ['settings with a huge font', { type: 'settings:set', settings: { theme: 'dark', fontSize: 1e9, font: 'serif', width: 'medium' } }],
      ['settings as a string', { type: 'settings:set', settings: '{"theme":"dark"}' }],
      ['a rule for a path, not a site', { type: 'rules:set', site: '../settings', fingerprint: 'f', verdict: 'clutter' }],
      ['a rule with a long fingerprint', { type: 'rules:set', site: 'a.example', fingerprint: 'f'.repeat(201), verdict: 'clutter' }],
      ['a highlight stored under another key', { type: 'highlights:put', highlight: { ...h, articleKey: 'settings' } }],
      ['a highlight with a javascript: URL', { type: 'highlights:put', highlight: { ...h, url: 'javascript:alert(1)' } }],
      ['a highlight with a data: URL', { type: 'highlights:put', highlight: { ...h, url: 'data:text/html,<script>alert(1)</script>' } }],
      ['a highlight without selectors', { type: 'highlights:put', highlight: { ...h, selectors: undefined } }],
      ['a highlight with a number as text', { type: 'highlights:put', highlight: { ...h, text: 1 } }],
      ['an import with one bad highlight', { type: 'highlights:import', highlights: [h, { ...h, id: 'h2', url: 'javascript:alert(1)' }] }],
      ['an import that is not a list', { type: 'highlights:import', highlights: { 0: h, length: 1 } }],
      ['a delete of an empty id', { type: 'highlights:delete', articleKey: h.articleKey, id: '' }],
      ['auto-open for a URL, not a site', { type: 'auto-open:add', site: 'https://evil.example/' }],
      ['a message that is not plain data (cycle)', cyclic],
      ['a message that is not plain data (BigInt)', { type: 'settings:set', settings: 1n }],
      ['an oversized highlight', { type: 'highlights:put', highlight: { ...h, note: big } }],
      ['an oversized unknown message', { type: 'x', padding: big }],
    ];
    for (const [what, message] of bad) {
      const reply = await deliver(message);
      expect(reply.ok, what).toBe(false);
      expect((reply as { error: string }).error, what).toMatch(/^Refused: /);
    }
    expect(await dump()).toEqual({});
  });

  it('a prototype-polluting message changes nothing', async () => {
    const message = JSON.parse(
      '{"type":"settings:set","settings":{"theme":"dark","fontSize":17,"font":"serif","width":"medium","__proto__":{"polluted":true}},"__proto__":{"polluted":true}}',
    );
    expect((await deliver(message)).ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const stored = (await dump()).settings as Record<string, unknown>;
    // The schema's own fields only (the typography fields take their defaults).
    expect(Object.keys(stored).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
  });

  it('an oversized message is refused before validation, quickly', async () => {
    const h = makeHighlight(1, 1);
    const t0 = performance.now();
    const reply = await deliver({ type: 'highlights:import', highlights: Array.from({ length: 20_000 }, (_, i) => ({ ...h, id: `h${i}`, note: 'n'.repeat(200) })) });
    expect(reply).toEqual({ ok: false, error: 'Refused: the message is too large.' });
    expect(performance.now() - t0).toBeLessThan(2_000);
    expect(await dump()).toEqual({});
  });
});
