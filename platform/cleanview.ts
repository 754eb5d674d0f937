/**
 * The clean view: the tab's article drawn over the page in an extension-origin iframe.
 *
 * Background side (the popup asks it with `view:toggle`): `toggleCleanView` injects the extraction script and the
 * overlay host script into the tab (activeTab grant from the click, the keyboard command or the
 * context menu; or the site's host permission when it opens by itself) and asks the host to
 * open or close the view, with a fresh nonce for the frame of a new open. The iframe page then
 * reaches the host through the background (platform/cleanview-bridge.ts), so the article never
 * passes through the page's own window, and a copy of the page framed by the page reaches nothing.
 */
import { browser } from '#imports';
import { expectFrame, forgetFrame } from './cleanview-bridge';
import { CONTENT_SCRIPT, type ExtractResult } from './extraction';
import { EXTRACT_GLOBAL, HOST_GLOBAL } from './isolated-globals';

export const HOST_SCRIPT = '/content-scripts/cleanview-host.js';
/** The page framed over the article page (listed in web_accessible_resources). */
export const CLEANVIEW_PAGE = '/cleanview.html';
/** The port the frame opens to the background (`<name>:<nonce>`), see cleanview-bridge.ts. */
export const CLEANVIEW_PORT = 'lucid-cleanview';
/** The port the background opens to the host script for that frame (`<name>:<nonce>`). */
export const HOST_PORT = 'lucid-cleanview-host';

export type CleanViewAction = 'toggle' | 'open' | 'close';
export type CleanViewStatus = 'open' | 'closed';

/** What the host content script installs in the page's isolated world. */
export interface CleanViewHost {
  /**
   * `auto`: opened by itself on an opted-in site; then only an article opens it. `nonce`: the
   * frame of a new open carries it; the answer names the nonce of the view now open.
   */
  run(action: CleanViewAction, auto: boolean, nonce: string): Promise<CleanViewAnswer>;
}

export interface CleanViewAnswer {
  status: CleanViewStatus;
  nonce?: string;
}

/** Host → iframe: what to show. `result: null` while the page is being read again. */
export interface CleanViewState {
  type: 'state';
  result: ExtractResult | null;
  /** The page's address (for the site name); the iframe cannot see it otherwise. */
  url: string;
  auto: boolean;
}

/** Background → host, for the frame (see the `view:*` messages of platform/messages.ts). */
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
  const nonce = crypto.randomUUID();
  try {
    // Own properties only, and of the right type: a page's `<img name="__lucidCleanView">` shows
    // up as a property of the isolated world's window too (DOM clobbering, R6).
    const [probe] = await browser.scripting.executeScript({
      target,
      func: (names: string[]) =>
        names.map((name) => {
          const own = Object.getOwnPropertyDescriptor(globalThis, name)?.value as { run?: unknown } | undefined;
          return typeof own === 'function' || typeof own?.run === 'function';
        }),
      args: [[EXTRACT_GLOBAL, HOST_GLOBAL]],
    });
    const [extract, host] = (probe?.result as boolean[] | undefined) ?? [];
    if (action === 'close' && !host) return 'closed';
    const files: (typeof CONTENT_SCRIPT | typeof HOST_SCRIPT)[] = [];
    if (!extract) files.push(CONTENT_SCRIPT);
    if (!host) files.push(HOST_SCRIPT);
    if (files.length) await browser.scripting.executeScript({ target, files });
    expectFrame(nonce, tabId);
    const [answer] = await browser.scripting.executeScript({
      target,
      func: (name: string, a: CleanViewAction, auto: boolean, k: string) =>
        (Object.getOwnPropertyDescriptor(globalThis, name)!.value as CleanViewHost).run(a, auto, k),
      args: [HOST_GLOBAL, action, auto, nonce],
    });
    const result = answer?.result as CleanViewAnswer | undefined;
    if (result?.nonce !== nonce) forgetFrame(nonce);
    return result?.status ?? 'closed';
  } catch (err) {
    forgetFrame(nonce);
    const message = err instanceof Error ? err.message : String(err);
    if (/cannot access|cannot be scripted|extensions gallery|permission|chrome:\/\//i.test(message)) {
      throw new Error('This page cannot be shown in clean view: browsers do not let extensions change it.');
    }
    throw new Error(`The clean view could not open: ${message}`);
  }
}
