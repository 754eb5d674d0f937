/**
 * Furniture told by its structure, in any language: what its links point at and where it
 * stands, not the words of its class names.
 *   - a list whose items are each a link, all to one site: related links;
 *   - a short list of links before the prose whose first item is the site's home: a breadcrumb;
 *   - a short block whose links all go to sign-in or subscription pages: a paywall or comment
 *     notice ("Se connecter ou s'abonner pour réagir").
 */
import type { Block, Inline, ListBlock } from '../types';
import { plainWords, wordCount } from './normalise';

/** A breadcrumb has at most this many items, each at most BREADCRUMB_WORDS words. */
const BREADCRUMB_ITEMS = 6;
const BREADCRUMB_WORDS = 6;
/** A notice is at most this long. */
const NOTICE_WORDS = 40;

/** The items of a list that are each (nearly) wholly one link, with their targets. */
function linkedItems(list: ListBlock): URL[] | null {
  const targets: URL[] = [];
  for (const item of list.items) {
    const text = item.map((r) => r.text).join('');
    const linked = item.filter((r) => r.href).map((r) => r.text).join('');
    const href = item.find((r) => r.href)?.href;
    if (!href || plainWords(linked).length < 0.8 * plainWords(text).length) return null;
    try {
      targets.push(new URL(href));
    } catch {
      return null;
    }
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
