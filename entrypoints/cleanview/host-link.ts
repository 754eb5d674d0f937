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
  port.onMessage.addListener((message: CleanViewState) => {
    if (message?.type !== 'state') return;
    if (!message.result) onState(message);
    else void withSpeakers(message.result).then((result) => onState({ ...message, result }));
  });
  port.onDisconnect.addListener(onGone);
  return { send: (request) => port.postMessage(request) };
}
