/**
 * The clean view page's line to the host content script in its tab's top frame: a runtime
 * port (tabs.connect), which the page's own scripts can neither read nor forge, unlike
 * window.postMessage.
 */
import { browser } from '#imports';
import { CLEANVIEW_PORT, type CleanViewRequest, type CleanViewState } from '../../platform/cleanview';
import { withSpeakers } from '../../platform/extraction';

export interface HostLink {
  send(request: CleanViewRequest): void;
}

export async function connectToHost(onState: (state: CleanViewState) => void, onGone: () => void): Promise<HostLink> {
  const tab = await browser.tabs.getCurrent();
  if (tab?.id === undefined) throw new Error('The clean view is shown over a page; there is no page here.');
  const port = browser.tabs.connect(tab.id, { name: CLEANVIEW_PORT, frameId: 0 });
  let latest = 0;
  port.onMessage.addListener((message: CleanViewState) => {
    if (message?.type !== 'state') return;
    const id = ++latest;
    onState(message);
    // Who said what follows once the article is on screen, unless a newer state came meanwhile.
    if (message.result?.ok) void withSpeakers(message.result).then((result) => id === latest && onState({ ...message, result }));
  });
  port.onDisconnect.addListener(onGone);
  return { send: (request) => port.postMessage(request) };
}
