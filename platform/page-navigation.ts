/** Following a single-page site: address changes without a reload, and the re-render after them. */

/** The page's address without its fragment (a jump to an anchor is not a new page). */
export function pageAddress(): string {
  return location.href.split('#')[0];
}

/**
 * Calls `onChange` when the address changes without a reload (history.pushState, back and
 * forward). Returns a function that stops watching.
 */
export function watchAddress(onChange: () => void): () => void {
  let last = pageAddress();
  const check = () => {
    const now = pageAddress();
    if (now === last) return;
    last = now;
    onChange();
  };
  // The Navigation API reports pushState at once; elsewhere (older Firefox), look twice a second.
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  window.addEventListener('popstate', check);
  if (navigation) navigation.addEventListener('currententrychange', check);
  const timer = navigation ? undefined : setInterval(check, 500);
  return () => {
    window.removeEventListener('popstate', check);
    navigation?.removeEventListener('currententrychange', check);
    clearInterval(timer);
  };
}

/**
 * Resolves once the page has stopped changing for `quietMs` (a single-page site renders the
 * new article after changing the address), or after `maxMs` at most.
 */
export function pageSettled(quietMs = 300, maxMs = 3000): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      observer.disconnect();
      clearTimeout(quiet);
      clearTimeout(limit);
      resolve();
    };
    let quiet = setTimeout(done, quietMs);
    const limit = setTimeout(done, maxMs);
    const observer = new MutationObserver(() => {
      clearTimeout(quiet);
      quiet = setTimeout(done, quietMs);
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  });
}
