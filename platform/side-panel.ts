/**
 * The side panel and the popup. Opening the side panel from a click in the popup: Chrome's
 * `sidePanel` (the `sidePanel` permission) or Firefox's `sidebarAction`; both want the click's
 * user gesture (Firefox refuses the call after any `await`, so it comes first). And the popup
 * telling an open side panel that the reader has just clicked the toolbar button on a tab (the
 * activeTab grant): a BroadcastChannel between the extension's own pages, no stored data.
 */
import { browser } from '#imports';

interface FirefoxSidebar {
  sidebarAction?: { open(): Promise<void> };
}
interface ChromeSidePanel {
  sidePanel?: { open(options: { windowId: number }): Promise<void> };
}

/** True when this browser has a side panel the extension can open. */
export function canOpenSidePanel(): boolean {
  const api = browser as unknown as FirefoxSidebar & ChromeSidePanel;
  return typeof api.sidebarAction?.open === 'function' || typeof api.sidePanel?.open === 'function';
}

/** Opens the side panel in the current window. */
export async function openSidePanel(): Promise<void> {
  const api = browser as unknown as FirefoxSidebar & ChromeSidePanel;
  if (api.sidebarAction) return api.sidebarAction.open();
  if (!api.sidePanel) throw new Error('This browser has no side panel for extensions.');
  const { id } = await browser.windows.getCurrent();
  if (id === undefined) throw new Error('No window to open the side panel in.');
  await api.sidePanel.open({ windowId: id });
}

const GRANTS = 'lucid:tab-granted';

/** Said by the popup as it opens: the active tab may be read now. */
export function announceGrant(): void {
  const channel = new BroadcastChannel(GRANTS);
  channel.postMessage('granted');
  channel.close();
}

/** Calls `onGrant` each time the popup opens; returns the function that stops listening. */
export function watchGrants(onGrant: () => void): () => void {
  const channel = new BroadcastChannel(GRANTS);
  channel.onmessage = onGrant;
  return () => channel.close();
}
