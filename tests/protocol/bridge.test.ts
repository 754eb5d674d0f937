/**
 * R3: the clean view frame's line to its page. The background accepts exactly one port per
 * open: from our clean view page, in the tab the open was for, naming that open's nonce. A copy
 * of the page framed by the web page (no nonce, a guessed or reused one, another tab) gets
 * nothing. Over the accepted port the frame sends only what the protocol lets the clean view send.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { answer } from '../../entrypoints/background';
import { expectFrame, installCleanViewBridge } from '../../platform/cleanview-bridge';
import { CLEANVIEW_PORT, HOST_PORT } from '../../platform/cleanview';
import { siteRulesItem } from '../../platform/site-rules';
import { makeHighlight } from '../highlights/helpers';

type Listener = (message: unknown) => void;
interface FakePort {
  name: string;
  sender?: object;
  postMessage: ReturnType<typeof vi.fn>;
  disconnect: ReturnType<typeof vi.fn>;
  onMessage: { addListener(f: Listener): void };
  onDisconnect: { addListener(f: () => void): void };
  /** Delivers a message as if the other end had posted it. */
  emit(message: unknown): void;
}

function fakePort(name: string, sender?: object): FakePort {
  const listeners: Listener[] = [];
  return {
    name,
    sender,
    postMessage: vi.fn(),
    disconnect: vi.fn(),
    onMessage: { addListener: (f) => listeners.push(f) },
    onDisconnect: { addListener: () => undefined },
    emit: (message) => listeners.forEach((f) => f(message)),
  };
}

let connect: (port: FakePort) => void;
let hosts: FakePort[];
const frameSender = (tabId: number, hash = '#k') => ({
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL(`/cleanview.html${hash}` as '/cleanview.html'),
  tab: { id: tabId },
  frameId: 4,
});

beforeEach(() => {
  fakeBrowser.reset();
  hosts = [];
  vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation(((f: (port: FakePort) => void) => (connect = f)) as never);
  vi.spyOn(fakeBrowser.tabs, 'connect').mockImplementation(((_tab: number, info: { name: string }) => {
    const host = fakePort(info.name);
    hosts.push(host);
    return host;
  }) as never);
  installCleanViewBridge(answer);
});

describe('the clean view frame\'s port (R3)', () => {
  it('accepts the frame of an open once, and connects it to that tab\'s host with the same nonce', () => {
    expectFrame('n1', 5);
    const first = fakePort(`${CLEANVIEW_PORT}:n1`, frameSender(5));
    connect(first);
    expect(first.disconnect).not.toHaveBeenCalled();
    expect(fakeBrowser.tabs.connect).toHaveBeenCalledWith(5, { name: `${HOST_PORT}:n1`, frameId: 0 });
    // The host's state reaches the frame.
    const state = { type: 'state', result: null, url: 'https://news.example.com/a', auto: false };
    hosts[0]!.emit(state);
    expect(first.postMessage).toHaveBeenCalledWith(state);

    // A second port for the same open (a copy framed by the page that learnt the nonce) gets nothing.
    const second = fakePort(`${CLEANVIEW_PORT}:n1`, frameSender(5));
    connect(second);
    expect(second.disconnect).toHaveBeenCalled();
    expect(hosts).toHaveLength(1);
  });

  it('refuses a port without a nonce handed out, with one for another tab, or from anything but our page', () => {
    expectFrame('n2', 5);
    const refused = [
      fakePort(`${CLEANVIEW_PORT}:guess`, frameSender(5)),
      fakePort(`${CLEANVIEW_PORT}:`, frameSender(5)),
      fakePort(`${CLEANVIEW_PORT}:n2`, frameSender(6)),
      fakePort(`${CLEANVIEW_PORT}:n2`, { id: fakeBrowser.runtime.id, url: 'https://evil.example/', tab: { id: 5 }, frameId: 0 }),
      fakePort(`${CLEANVIEW_PORT}:n2`, { id: 'another-extension', url: frameSender(5).url, tab: { id: 5 } }),
      fakePort(`${CLEANVIEW_PORT}:n2`, { ...frameSender(5), url: fakeBrowser.runtime.getURL('/popup.html') }),
    ];
    for (const port of refused) {
      connect(port);
      expect(port.disconnect, `${port.name} ${JSON.stringify(port.sender)}`).toHaveBeenCalled();
    }
    expect(hosts).toHaveLength(0);
    // The nonce is still good for its own frame.
    const frame = fakePort(`${CLEANVIEW_PORT}:n2`, frameSender(5));
    connect(frame);
    expect(frame.disconnect).not.toHaveBeenCalled();
  });

  it('answers the frame\'s protocol messages as the clean view: corrections yes, imports and opting in no', async () => {
    expectFrame('n3', 5);
    const frame = fakePort(`${CLEANVIEW_PORT}:n3`, frameSender(5));
    connect(frame);
    frame.emit({ id: 1, message: { type: 'rules:set', site: 'news.example.com', fingerprint: 'f', verdict: 'clutter' } });
    frame.emit({ id: 2, message: { type: 'highlights:import', highlights: [makeHighlight(1, 1)] } });
    frame.emit({ id: 3, message: { type: 'auto-open:add', site: 'news.example.com' } });
    frame.emit({ id: 4, message: { type: 'view:retry', force: true } });
    await vi.waitFor(() => expect(frame.postMessage).toHaveBeenCalledTimes(4));
    const replies = new Map(frame.postMessage.mock.calls.map(([m]) => [(m as { id: number }).id, (m as { reply: unknown }).reply]));
    expect(replies.get(1)).toEqual({ ok: true });
    expect(replies.get(2)).toEqual({ ok: false, error: 'Refused: highlights:import may not come from here.' });
    expect(replies.get(3)).toEqual({ ok: false, error: 'Refused: auto-open:add may not come from here.' });
    expect(replies.get(4)).toEqual({ ok: true });
    expect(hosts[0]!.postMessage).toHaveBeenCalledWith({ type: 'retry', force: true });
    expect((await siteRulesItem('news.example.com').getValue()).clutter).toEqual(['f']);
  });
});
