/**
 * The clean view page's line to its page: one runtime port to the background, named with the
 * nonce of this open (in the page's address, after `#`), which the background relays to the host
 * script in the tab's top frame (platform/cleanview-bridge.ts). `runtime.connect` is what Firefox
 * gives an extension frame inside a web page (it has no `tabs` there). The page's own scripts can
 * neither read nor forge the port, unlike window.postMessage. Protocol messages from this page
 * (platform/send.ts) go over the same port, as the background accepts them from nowhere else.
 */
import { browser } from '#imports';
import type { FrameMessage, FrameRequest } from '../../platform/cleanview-bridge';
import { CLEANVIEW_PORT, type CleanViewState } from '../../platform/cleanview';
import { withSpeakers } from '../../platform/extraction';
import type { Reply } from '../../platform/messages';
import { useTransport } from '../../platform/send';

/** Keeps the background awake while the view is open (an idle one is stopped after 30 s). */
const PING_MS = 20_000;

export function connectToHost(onState: (state: CleanViewState) => void, onGone: () => void): void {
  const nonce = decodeURIComponent(location.hash.slice(1));
  if (!nonce) throw new Error('The clean view is shown over a page; there is no page here.');
  const port = browser.runtime.connect({ name: `${CLEANVIEW_PORT}:${nonce}` });
  const waiting = new Map<number, (reply: Reply) => void>();
  let next = 0;
  let latest = 0;
  let gone = false;
  useTransport(
    (message) =>
      new Promise<Reply>((resolve) => {
        if (gone) return resolve({ ok: false, error: 'The page this view was opened on is gone.' });
        const id = ++next;
        waiting.set(id, resolve);
        port.postMessage({ id, message } satisfies FrameRequest);
      }),
  );
  port.onMessage.addListener((message: FrameMessage) => {
    if ('id' in message) {
      waiting.get(message.id)?.(message.reply);
      waiting.delete(message.id);
      return;
    }
    if (message?.type !== 'state') return;
    const id = ++latest;
    onState(message);
    // Who said what follows once the article is on screen, unless a newer state came meanwhile.
    if (message.result?.ok) void withSpeakers(message.result).then((result) => id === latest && onState({ ...message, result }));
  });
  const ping = setInterval(() => port.postMessage({ id: 0, message: { type: 'view:ping' } } satisfies FrameRequest), PING_MS);
  port.onDisconnect.addListener(() => {
    gone = true;
    clearInterval(ping);
    for (const resolve of waiting.values()) resolve({ ok: false, error: 'The page this view was opened on is gone.' });
    waiting.clear();
    onGone();
  });
}
