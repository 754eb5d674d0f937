/**
 * Furniture told by its structure, in any language: what its links point at and where it
 * stands, not the words of its class names.
 *   - a list whose items are each a link, all to one site: related links;
 *   - a short list of links before the prose whose first item is the site's home: a breadcrumb;
 *   - a short block whose links all go to sign-in or subscription pages: a paywall or comment
 *     notice ("Se connecter ou s'abonner pour réagir");
 *   - a paragraph that is wholly one link to another page of the same site: a promoted story;
 *   - a paragraph that is only the page's own address, printed for print or sharing.
 */
import type { Block, Inline, ListBlock } from '../types';
import { plainWords, wordCount } from './normalise';

/** A breadcrumb has at most this many items, each at most BREADCRUMB_WORDS words. */
const BREADCRUMB_ITEMS = 6;
const BREADCRUMB_WORDS = 6;
/** A notice is at most this long. */
const NOTICE_WORDS = 40;

/** A link's target, or null when it is no valid address. */
function urlOf(href: string | null | undefined): URL | null {
  if (!href) return null;
  try {
    return new URL(href);
  } catch {
    return null;
  }
}

/** The items of a list that are each (nearly) wholly one link, with their targets. */
function linkedItems(list: ListBlock): URL[] | null {
  const targets: URL[] = [];
  for (const item of list.items) {
    const text = item.map((r) => r.text).join('');
    const linked = item.filter((r) => r.href).map((r) => r.text).join('');
    const target = urlOf(item.find((r) => r.href)?.href);
    if (!target || plainWords(linked).length < 0.8 * plainWords(text).length) return null;
    targets.push(target);
  }
  return targets;
}

const isHome = (url: URL) => url.pathname === '/' || url.pathname === '';

/** A list of two or more items, each a link, all to one site (its host). */
export function isSameSiteLinkList(block: Block): boolean {
  if (block.type !== 'list' || block.items.length < 2) return false;
  const targets = linkedItems(block);
  if (!targets || !/^https?:$/.test(targets[0].protocol)) return false;
  return targets.every((t) => t.host === targets[0].host);
}

/** A short list of short links whose first item is the home page of the site the others are on. */
export function isBreadcrumb(block: Block): boolean {
  if (block.type !== 'list' || block.items.length < 2 || block.items.length > BREADCRUMB_ITEMS) return false;
  const targets = linkedItems(block);
  if (!targets || !isHome(targets[0])) return false;
  const short = block.items.every((item) => wordCount(plainWords(item.map((r) => r.text).join(''))) <= BREADCRUMB_WORDS);
  return short && targets.every((t) => t.host === targets[0].host);
}

/**
 * Where a link goes when it asks the reader to sign in, register or subscribe: words of URL
 * paths, which sites write in a handful of forms whatever the page's language.
 */
const ACCOUNT_PATH =
  /(^|[/_.-])(login|log-in|signin|sign-in|sign_in|signup|sign-up|register|registration|account|subscribe|subscription|subscriptions|abonnement|abonnements|abonner|abonnieren|abo|connexion|connecter|compte|identification|anmelden|anmeldung|registrieren|konto|suscripcion|suscribete|suscribirse|registro|iniciar-sesion|acceso|abbonamento|abbonati|accedi|registrati|premium|membership|paywall|auth|oauth|sso)([/_.?#-]|$)/i;

function isAccountLink(href: string): boolean {
  try {
    const url = new URL(href);
    return ACCOUNT_PATH.test(url.pathname + url.search) || ACCOUNT_PATH.test(url.hostname.split('.')[0]);
  } catch {
    return false;
  }
}

function inlinesOf(block: Block): Inline[] {
  if (block.type === 'list') return block.items.flat();
  return 'inlines' in block ? block.inlines : [];
}

/** A short block whose links all ask the reader to sign in or subscribe, and weigh in its text. */
export function isAccountNotice(block: Block): boolean {
  if (block.type !== 'paragraph' && block.type !== 'list' && block.type !== 'blockquote') return false;
  if (wordCount(plainWords(block.text)) > NOTICE_WORDS) return false;
  const links = inlinesOf(block).filter((r) => r.href);
  if (!links.length || !links.every((r) => isAccountLink(r.href!))) return false;
  return (block.signals?.linkDensity ?? 0) >= 0.15;
}

/** A promoted story's link text has at least this many words (a bare "Disclaimer" link is not one). */
const PROMO_MIN_WORDS = 3;
/** …and at most this many (beyond it the link is running text, whatever it points at). */
const PROMO_MAX_WORDS = 30;

/**
 * The site a host belongs to: its last two labels, or three when those two are a country's
 * second-level domain ("co.uk", "com.br": both labels short). Good enough to tell a link to
 * another page of the same site from a link elsewhere; not a public-suffix list.
 */
function registrableDomain(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  const n = labels.length >= 3 && labels[labels.length - 2].length <= 3 && labels[labels.length - 1].length <= 3 ? 3 : 2;
  return labels.slice(-n).join('.');
}

/**
 * A paragraph (or one-item list) that is wholly one link, written as words (a headline, "Read
 * more on …"), to another page of `address`'s site: a promoted story of the site in the text.
 */
export function isSiteLinkPromo(block: Block, address: string | null): boolean {
  const page = urlOf(address);
  if (!page || !/^https?:$/.test(page.protocol)) return false;
  if (block.type !== 'paragraph' && !(block.type === 'list' && block.items.length === 1)) return false;
  const runs = inlinesOf(block);
  const hrefs = new Set(runs.filter((r) => r.href).map((r) => r.href!));
  if (hrefs.size !== 1) return false;
  const target = urlOf([...hrefs][0]);
  if (!target || registrableDomain(target.hostname) !== registrableDomain(page.hostname)) return false;
  if (target.pathname === page.pathname && target.hostname === page.hostname) return false;
  const text = plainWords(block.text);
  const linked = plainWords(runs.filter((r) => r.href).map((r) => r.text).join(''));
  const words = wordCount(text);
  // Words, not an address written out ("www.example.com").
  const written = block.text.trim().split(/\s+/).length >= PROMO_MIN_WORDS;
  return written && words <= PROMO_MAX_WORDS && linked.length >= 0.9 * text.length;
}

/** An address compared loosely: no scheme, "www.", query, fragment or trailing slash. */
function addressKey(url: URL): string {
  return `${url.hostname.replace(/^www\./, '')}${url.pathname.replace(/\/+$/, '')}`.toLowerCase();
}

/** A block whose whole text is the page's own address (`addresses`: its URL, canonical link…). */
export function isOwnAddress(block: Block, addresses: readonly string[]): boolean {
  if (block.type !== 'paragraph') return false;
  const text = block.text.trim();
  if (/\s/.test(text)) return false;
  const printed = urlOf(/^https?:\/\//i.test(text) ? text : `https://${text}`);
  if (!printed) return false;
  const key = addressKey(printed);
  return addresses.some((a) => {
    const own = urlOf(a);
    return !!own && addressKey(own) === key;
  });
}
