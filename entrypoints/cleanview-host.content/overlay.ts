/**
 * The overlay: one element added to the page, holding a full-viewport extension-origin iframe
 * in a closed shadow root. Page CSS reaches only the host element, whose inline `!important`
 * declarations win over any page rule; page scripts cannot reach into the closed root, and the
 * iframe is cross-origin to them. The page's own DOM is left as it is.
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

export function mountOverlay(src: string, title: string): Overlay {
  // A plain div: a custom element name could be claimed (and upgraded) by the page's scripts.
  const host = document.createElement('div');
  setImportant(host, HOST_STYLE);
  const frame = document.createElement('iframe');
  frame.src = src;
  frame.title = title;
  frame.allow = 'clipboard-write';
  setImportant(frame, FRAME_STYLE);
  host.attachShadow({ mode: 'closed' }).append(frame);
  document.documentElement.append(host);
  // The top layer: above every page element, and out of reach of transforms or filters that
  // the page sets on <html> or <body> (which would otherwise move or tint a fixed element).
  if (typeof host.showPopover === 'function') {
    host.popover = 'manual';
    host.showPopover();
  }
  frame.focus();
  return { remove: () => host.remove() };
}
