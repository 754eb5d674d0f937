/**
 * The overlay: one element added to the page, holding a full-viewport extension-origin iframe
 * in a closed shadow root. Page CSS reaches only the host element, whose inline `!important`
 * declarations win over any page rule; page scripts cannot reach into the closed root, and the
 * iframe is cross-origin to them. Page scripts can still reach the host element itself: its
 * styles and attributes are locked (put back on any change, and shown again if hidden), so the
 * page cannot make the view transparent or let clicks through to a decoy under it (R3). The
 * page's own DOM is left as it is.
 */

export interface Overlay {
  remove(): void;
}

/** Inline `!important` styles beat the page's `!important` rules (`* { all: unset !important }`). */
const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  display: 'block',
  position: 'fixed',
  inset: '0',
  width: '100vw',
  height: '100vh',
  'max-width': 'none',
  'max-height': 'none',
  margin: '0',
  padding: '0',
  border: '0',
  overflow: 'hidden',
  background: 'transparent',
  'z-index': '2147483647',
};

const FRAME_STYLE: Record<string, string> = {
  all: 'initial',
  display: 'block',
  width: '100%',
  height: '100%',
  border: '0',
  margin: '0',
  padding: '0',
};

function setImportant(el: HTMLElement, style: Record<string, string>): void {
  // Through the CSSOM, which a strict page CSP (style-src) does not block.
  for (const [name, value] of Object.entries(style)) el.style.setProperty(name, value, 'important');
}

/** What the host element may carry: its style, and the popover that puts it in the top layer. */
const OWN_ATTRIBUTES = new Set(['style', 'popover']);

/** Puts the host's attributes and styles back as we set them, and keeps them so. */
function lockHost(host: HTMLElement): () => void {
  const topLayer = typeof host.showPopover === 'function';
  const apply = () => {
    // Anything a page script adds (`inert`, `hidden`, `class`, a changed style) goes.
    for (const { name } of [...host.attributes]) if (!OWN_ATTRIBUTES.has(name)) host.removeAttribute(name);
    host.removeAttribute('style');
    setImportant(host, HOST_STYLE);
    if (topLayer) {
      host.popover = 'manual';
      if (host.isConnected && !host.matches(':popover-open')) host.showPopover();
    }
  };
  const observer = new MutationObserver(() => {
    observer.disconnect(); // our own changes are no news
    apply();
    observer.observe(host, { attributes: true });
  });
  // `hidePopover()` changes no attribute: it fires `toggle`.
  const reshow = () => {
    if (topLayer && host.isConnected && !host.matches(':popover-open')) host.showPopover();
  };
  host.addEventListener('toggle', reshow);
  apply();
  observer.observe(host, { attributes: true });
  return () => {
    observer.disconnect();
    host.removeEventListener('toggle', reshow);
  };
}

export function mountOverlay(src: string, title: string): Overlay {
  // A plain div: a custom element name could be claimed (and upgraded) by the page's scripts.
  const host = document.createElement('div');
  const frame = document.createElement('iframe');
  frame.src = src;
  frame.title = title;
  frame.allow = 'clipboard-write';
  setImportant(frame, FRAME_STYLE);
  host.attachShadow({ mode: 'closed' }).append(frame);
  document.documentElement.append(host);
  // The top layer (popover): above every page element, and out of reach of transforms or
  // filters that the page sets on <html> or <body> (which would otherwise move or tint a fixed
  // element).
  const unlock = lockHost(host);
  frame.focus();
  return {
    remove: () => {
      unlock();
      host.remove();
    },
  };
}
