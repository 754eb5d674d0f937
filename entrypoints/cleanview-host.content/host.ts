/**
 * The clean view's host in the page's isolated world: reads the article (the extraction
 * script's `__lucidExtract`), mounts and removes the overlay, answers the iframe page over a
 * private port, and follows single-page navigation. Actions run one at a time.
 */
import { browser, type Browser } from '#imports';
import {
  CLEANVIEW_PAGE,
  CLEANVIEW_PORT,
  type CleanViewAction,
  type CleanViewHost,
  type CleanViewRequest,
  type CleanViewState,
  type CleanViewStatus,
} from '../../platform/cleanview';
import type { ExtractResult } from '../../platform/extraction';
import { siteOf, siteRulesItem } from '../../platform/site-rules';
import { mountOverlay, type Overlay } from './overlay';
import { pageAddress, pageSettled, watchAddress } from '../../platform/page-navigation';

interface OpenView {
  overlay: Overlay;
  auto: boolean;
  /** Where the page was when the view opened, to put it back if anything moved it. */
  address: string;
  scroll: [number, number];
  focus: Element | null;
  stopWatching: () => void;
  onKey: (event: KeyboardEvent) => void;
}

async function readArticle(force: boolean): Promise<ExtractResult> {
  const extract = globalThis.__lucidExtract;
  if (!extract) return { ok: false, code: 'failed', message: 'The page reader is missing.' };
  const site = siteOf(location.href);
  const rules = site ? await siteRulesItem(site).getValue() : undefined;
  return extract({ force, rules });
}

/** Only our own clean view page may talk to the host. */
function fromCleanView(sender: Browser.runtime.MessageSender | undefined): boolean {
  return sender?.id === browser.runtime.id && (sender.url ?? '').startsWith(browser.runtime.getURL(CLEANVIEW_PAGE));
}

export function createHost(): CleanViewHost {
  let view: OpenView | null = null;
  let result: ExtractResult | null = null;
  const ports = new Set<Browser.runtime.Port>();
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
    for (const port of ports) port.postMessage(state);
  };

  async function open(auto: boolean): Promise<CleanViewStatus> {
    if (view) return 'open';
    const first = await readArticle(false);
    // Opening by itself is for articles only; a click shows why a page is not one.
    if (auto && !first.ok) return 'closed';
    result = first;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') void enqueue(close);
    };
    view = {
      auto,
      address: pageAddress(),
      scroll: [scrollX, scrollY],
      focus: document.activeElement,
      stopWatching: watchAddress(() => void enqueue(follow)),
      onKey,
      overlay: mountOverlay(browser.runtime.getURL(CLEANVIEW_PAGE), 'Lucid Reader: clean view'),
    };
    // Escape while the focus is still on the page (the iframe handles its own).
    window.addEventListener('keydown', onKey, true);
    return 'open';
  }

  async function close(): Promise<CleanViewStatus> {
    if (!view) return 'closed';
    const { overlay, address, scroll, focus, stopWatching, onKey } = view;
    view = null;
    result = null;
    stopWatching();
    window.removeEventListener('keydown', onKey, true);
    for (const port of ports) port.disconnect();
    ports.clear();
    overlay.remove();
    // The overlay does not scroll the page; this only undoes a scroll chained from the view.
    if (pageAddress() === address && (scrollX !== scroll[0] || scrollY !== scroll[1])) {
      window.scrollTo({ left: scroll[0], top: scroll[1], behavior: 'instant' });
    }
    if (focus instanceof HTMLElement || focus instanceof SVGElement) focus.focus({ preventScroll: true });
    return 'closed';
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

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== CLEANVIEW_PORT || !fromCleanView(port.sender)) return;
    if (!view) {
      port.disconnect();
      return;
    }
    ports.add(port);
    port.onDisconnect.addListener(() => ports.delete(port));
    port.onMessage.addListener((message: CleanViewRequest) => {
      if (message?.type === 'close') void enqueue(close);
      else if (message?.type === 'retry') void enqueue(() => retry(message.force === true));
    });
    post();
  });

  const actions: Record<CleanViewAction, (auto: boolean) => Promise<CleanViewStatus>> = {
    open,
    close,
    toggle: (auto) => (view ? close() : open(auto)),
  };
  return { run: (action, auto) => enqueue(() => actions[action](auto)) };
}
