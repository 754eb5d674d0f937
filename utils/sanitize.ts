/**
 * The one sanitizer. Every piece of page-derived markup passes through here before anything
 * reads it for display; the block builder then keeps only text, vetted URLs and a few
 * formatting flags, so no page HTML reaches an extension page or overlay.
 *
 * DOMPurify needs a real DOM: a browser window or jsdom. Under linkedom it silently returns its
 * input unsanitised, so `sanitizeToFragment` refuses a window on which DOMPurify is unsupported
 * and the tests prove the Node path removes scripts.
 */
import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';
import { MATHML_SANITIZER_ATTRS, MATHML_SANITIZER_TAGS } from './math';

/** Elements an article may keep. No scripts, styles, forms, frames, objects or SVG; MathML: see utils/math.ts. */
export const ALLOWED_TAGS = [
  'a', 'abbr', 'article', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption', 'cite', 'code',
  'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'h1', 'h2',
  'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'main', 'mark', 'ol', 'p',
  'picture', 'pre', 'q', 's', 'samp', 'section', 'small', 'source', 'span', 'strong', 'sub',
  'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul',
  'var', 'wbr', 'header', 'footer', 'aside', 'nav',
];

export const ALLOWED_ATTR = [
  'href', 'src', 'srcset', 'alt', 'title', 'width', 'height', 'colspan', 'rowspan', 'lang',
  'dir', 'datetime', 'cite', 'start', 'reversed', 'type',
];

/** Data attributes the pipeline itself sets on the clone (structural signals for folding). */
const SIGNAL_ATTR = /^data-lucid-[a-z-]+$/;

const SAFE_LINK = /^(?:https?:|mailto:)/i;
const SAFE_IMAGE = /^(?:https?:|data:image\/(?:png|gif|jpeg|webp|avif);)/i;
const URL_IGNORED = /[\u0000-\u0020\u00a0\u1680\u180e\u2000-\u2029\u205f\u3000\ufeff]/g;
/** Relative URLs survive sanitizing; the block builder resolves or drops them. */
const RELATIVE = /^(?![a-z][a-z0-9+.-]*:)/i;

const CONFIG: Config = {
  // DOMPurify checks each MathML element's namespace and parent (its mXSS defences).
  ALLOWED_TAGS: [...ALLOWED_TAGS, ...MATHML_SANITIZER_TAGS],
  ALLOWED_ATTR: [...ALLOWED_ATTR, ...MATHML_SANITIZER_ATTRS],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  KEEP_CONTENT: true,
  RETURN_DOM_FRAGMENT: true,
  // http(s), mailto, or a relative URL (no scheme); the block builder resolves relative ones.
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  FORBID_TAGS: ['style', 'script', 'template', 'form', 'iframe', 'object', 'embed', 'svg', 'noscript', 'annotation-xml', 'mglyph', 'maction'],
};

/** One sanitizer per window and output kind, each configured once (see purifierFor). */
const instances = { fragment: new WeakMap<object, DOMPurify>(), string: new WeakMap<object, DOMPurify>() };

/**
 * The window's sanitizer for one output kind. Its configuration is set once (`setConfig`):
 * passing it to every `sanitize` call re-parses it each time, an eighth of the sanitizer's time.
 */
function purifierFor(win: Window, kind: keyof typeof instances): DOMPurify {
  let purify = instances[kind].get(win);
  if (!purify) {
    purify = createDOMPurify(win as unknown as Parameters<typeof createDOMPurify>[0]);
    if (!purify.isSupported) {
      throw new Error('The sanitizer needs a full DOM (a browser or jsdom); this window cannot run DOMPurify.');
    }
    purify.setConfig(kind === 'fragment' ? CONFIG : { ...CONFIG, RETURN_DOM_FRAGMENT: false });
    // A customized built-in (`<section is="x-card">`): DOMPurify removes the whole element
    // when it has to drop its `is` attribute and returns a DOM, and the article with it. The
    // attribute only names a page script's class: drop it first and keep the element.
    purify.addHook('beforeSanitizeAttributes', (node) => {
      if (node.nodeType === 1 && (node as Element).hasAttribute('is')) (node as Element).removeAttribute('is');
    });
    purify.addHook('uponSanitizeAttribute', (node, data) => {
      const name = data.attrName;
      if (SIGNAL_ATTR.test(name)) {
        data.forceKeepAttr = true;
        return;
      }
      // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:").
      const value = data.attrValue.replace(URL_IGNORED, '');
      if (name === 'href' && !(SAFE_LINK.test(value) || RELATIVE.test(value))) data.keepAttr = false;
      if (name === 'src' && !(SAFE_IMAGE.test(value) || RELATIVE.test(value))) data.keepAttr = false;
      if (name === 'srcset' && /(?:javascript|data|vbscript):/i.test(value)) data.keepAttr = false;
      if (name === 'type' && node.nodeName !== 'OL' && node.nodeName !== 'SOURCE') data.keepAttr = false;
    });
    instances[kind].set(win, purify);
  }
  return purify;
}

/**
 * Sanitizes markup (a string or a node, which is copied, never modified) into a fragment owned
 * by an inert document of `win`.
 */
export function sanitizeToFragment(input: string | Node, win: Window): DocumentFragment {
  return purifierFor(win, 'fragment').sanitize(input) as unknown as DocumentFragment;
}

/** Sanitizes to a string: for exports and tests. */
export function sanitizeToString(input: string, win: Window): string {
  return purifierFor(win, 'string').sanitize(input) as unknown as string;
}
