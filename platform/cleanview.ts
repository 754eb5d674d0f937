/**
 * The clean view: the tab's article drawn over the page in an extension-origin iframe.
 *
 * Extension side (popup, background): `toggleCleanView` injects the extraction script and the
 * overlay host script into the tab (activeTab grant from the click, the keyboard command or the
 * context menu; or the site's host permission when it opens by itself) and asks the host to
 * open or close the view. The iframe page then connects to the host over a port (see
 * `CleanViewState`), so the article never passes through the page's own window.
 */
import { browser } from '#imports';
import { CONTENT_SCRIPT, type ExtractResult } from './extraction';

export const HOST_SCRIPT = '/content-scripts/cleanview-host.js';
/** The page framed over the article page (listed in web_accessible_resources). */
export const CLEANVIEW_PAGE = '/cleanview.html';
/** The name of the port the iframe page opens to the host content script. */
export const CLEANVIEW_PORT = 'lucid-cleanview';

export type CleanViewAction = 'toggle' | 'open' | 'close';
export type CleanViewStatus = 'open' | 'closed';

/** What the host content script installs in the page's isolated world. */
export interface CleanViewHost {
  /** `auto`: opened by itself on an opted-in site; then only an article opens it. */
  run(action: CleanViewAction, auto: boolean): Promise<CleanViewStatus>;
}

declare global {
  var __lucidCleanView: CleanViewHost | undefined;
}

/** Host → iframe: what to show. `result: null` while the page is being read again. */
export interface CleanViewState {
  type: 'state';
  result: ExtractResult | null;
  /** The page's address (for the site name); the iframe cannot see it otherwise. */
  url: string;
  auto: boolean;
}

/** Iframe → host. */
export type CleanViewRequest = { type: 'close' } | { type: 'retry'; force: boolean };

/** Opens the clean view in the tab, or closes it when it is open. */
export function toggleCleanView(tabId: number): Promise<CleanViewStatus> {
  return runCleanView(tabId, 'toggle');
}

/**
 * Runs an action in the tab's top frame, injecting what is missing first. Throws a message for
 * the reader when the page may not be scripted.
 */
export async function runCleanView(tabId: number, action: CleanViewAction, auto = false): Promise<CleanViewStatus> {
  const target = { tabId };
  try {
    const [probe] = await browser.scripting.executeScript({
      target,
      func: () => [typeof globalThis.__lucidExtract, typeof globalThis.__lucidCleanView],
    });
    const [extract, host] = (probe?.result as string[] | undefined) ?? [];
    if (action === 'close' && host !== 'object') return 'closed';
    const files: (typeof CONTENT_SCRIPT | typeof HOST_SCRIPT)[] = [];
    if (extract !== 'function') files.push(CONTENT_SCRIPT);
    if (host !== 'object') files.push(HOST_SCRIPT);
    if (files.length) await browser.scripting.executeScript({ target, files });
    const [answer] = await browser.scripting.executeScript({
      target,
      func: (a: CleanViewAction, auto: boolean) => globalThis.__lucidCleanView!.run(a, auto),
      args: [action, auto],
    });
    return (answer?.result as CleanViewStatus | undefined) ?? 'closed';
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/cannot access|cannot be scripted|extensions gallery|permission|chrome:\/\//i.test(message)) {
      throw new Error('This page cannot be shown in clean view: browsers do not let extensions change it.');
    }
    throw new Error(`The clean view could not open: ${message}`);
  }
}
