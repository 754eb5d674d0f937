/**
 * The clean view's host in the page's isolated world: reads the article (the extraction
 * script's `__lucidExtract`), mounts and removes the overlay, answers the frame of this open
 * (through the background, one port per open, named by its nonce: platform/cleanview-bridge.ts),
 * and follows single-page navigation. Actions run one at a time.
 */
import { browser, type Browser } from '#imports';
import {
  CLEANVIEW_PAGE,
  HOST_PORT,
  type CleanViewAction,
  type CleanViewAnswer,
  type CleanViewHost,
  type CleanViewRequest,
  type CleanViewState,
} from '../../platform/cleanview';
import type { Extract, ExtractResult } from '../../platform/extraction';
import { EXTRACT_GLOBAL, ownGlobal } from '../../platform/isolated-globals';
import { send } from '../../platform/send';
import { mountOverlay, type Overlay } from './overlay';
import { pageAddress, pageSettled, watchAddress } from '../../platform/page-navigation';

interface OpenView {
  overlay: Overlay;
  auto: boolean;
  /** In the frame's address; the one port of this open must name it. */
  nonce: string;
  port: Browser.runtime.Port | null;
  /** Where the page was when the view opened, to put it back if anything moved it. */
  address: string;
  scroll: [number, number];
  focus: Element | null;
  stopWatching: () => void;
  onKey: (event: KeyboardEvent) => void;
}

async function readArticle(force: boolean): Promise<ExtractResult> {
  const extract = ownGlobal<Extract>(EXTRACT_GLOBAL);
  if (typeof extract !== 'function') return { ok: false, code: 'failed', message: 'The page reader is missing.' };
  // The background answers with this page's site's rules only (storage is closed to content scripts).
  const rules = await send({ type: 'page:rules' }).catch(() => null);
  return extract({ force, rules: rules ?? undefined });
}

/** The background, for this open: our extension, not a page of it in some tab. */
function fromBackground(port: Browser.runtime.Port, nonce: string): boolean {
  return port.name === `${HOST_PORT}:${nonce}` && port.sender?.id === browser.runtime.id && port.sender.tab === undefined;
}

export function createHost(): CleanViewHost {
  let view: OpenView | null = null;
  let result: ExtractResult | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  /** Runs actions one after another (a double key press must not mount two overlays). */
  const enqueue = <T>(action: () => Promise<T>): Promise<T> => {
    const next = queue.then(action);
    queue = next.catch(() => undefined);
    return next;
  };

  const post = () => {
    if (!view) return;
    const state: CleanViewState = { type: 'state', result, url: pageAddress(), auto: view.auto };
    view.port?.postMessage(state);
  };

  async function open(auto: boolean, nonce: string): Promise<CleanViewAnswer> {
    if (view) return { status: 'open', nonce: view.nonce };
    const first = await readArticle(false);
    // Opening by itself is for articles only; a click shows why a page is not one.
    if (auto && !first.ok) return { status: 'closed' };
    result = first;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') void enqueue(close);
    };
    const src = `${browser.runtime.getURL(CLEANVIEW_PAGE)}#${encodeURIComponent(nonce)}`;
    view = {
      auto,
      nonce,
      port: null,
      address: pageAddress(),
      scroll: [scrollX, scrollY],
      focus: document.activeElement,
      stopWatching: watchAddress(() => void enqueue(follow)),
      onKey,
      overlay: mountOverlay(src, 'Lucid Reader: clean view'),
    };
    // Escape while the focus is still on the page (the iframe handles its own).
    window.addEventListener('keydown', onKey, true);
    return { status: 'open', nonce };
  }

  async function close(): Promise<CleanViewAnswer> {
    if (!view) return { status: 'closed' };
    const { overlay, address, scroll, focus, stopWatching, onKey, port } = view;
    view = null;
    result = null;
    stopWatching();
    window.removeEventListener('keydown', onKey, true);
    port?.disconnect();
    overlay.remove();
    // The overlay does not scroll the page; this only undoes a scroll chained from the view.
    if (pageAddress() === address && (scrollX !== scroll[0] || scrollY !== scroll[1])) {
      window.scrollTo({ left: scroll[0], top: scroll[1], behavior: 'instant' });
    }
    if (focus instanceof HTMLElement || focus instanceof SVGElement) focus.focus({ preventScroll: true });
    return { status: 'closed' };
  }

  /** The page moved to another address: blank the view at once, then show the new article or close. */
  async function follow(): Promise<void> {
    if (!view) return;
    result = null;
    post();
    await pageSettled();
    if (!view) return;
    const next = await readArticle(false);
    if (!next.ok) {
      await close();
      return;
    }
    result = next;
    view.address = pageAddress();
    view.scroll = [scrollX, scrollY];
    post();
  }

  async function retry(force: boolean): Promise<void> {
    if (!view) return;
    result = null;
    post();
    result = await readArticle(force);
    post();
  }

  // Exactly one port per open: the background's, for this open's nonce (R3).
  browser.runtime.onConnect.addListener((port) => {
    if (!port.name.startsWith(`${HOST_PORT}:`)) return;
    if (!view || view.port || !fromBackground(port, view.nonce)) {
      port.disconnect();
      return;
    }
    const open = view;
    open.port = port;
    port.onDisconnect.addListener(() => {
      if (open.port === port) open.port = null;
    });
    port.onMessage.addListener((message: CleanViewRequest) => {
      if (message?.type === 'close') void enqueue(close);
      else if (message?.type === 'retry') void enqueue(() => retry(message.force === true));
    });
    post();
  });

  const actions: Record<CleanViewAction, (auto: boolean, nonce: string) => Promise<CleanViewAnswer>> = {
    open,
    close,
    toggle: (auto, nonce) => (view ? close() : open(auto, nonce)),
  };
  return { run: (action, auto, nonce) => enqueue(() => actions[action](auto, nonce)) };
}
