/**
 * The article's lead: the standfirst, subheadings and lead figure between the headline and the
 * first paragraph of the body. Readability picks the body's container and drops these when they
 * are its siblings rather than its children. We note them on the clone before Readability runs
 * and put back, at the start of its output, those it left out — only when its output holds the
 * body that follows them, so a lead is never attached to some other part of the page.
 */
import { HINT_ATTR, type PageScan } from './signals';

const LEAD_ATTR = 'data-lucid-lead';
const BODY_ATTR = 'data-lucid-body';
/** A paragraph at least this long starts the body. */
const BODY_PARAGRAPH = 120;
/** A lead heading (standfirst) is at most this long. */
const LEAD_TEXT = 500;
const MAX_LEAD = 6;
/**
 * Headings and figures only: paragraphs between the headline and the body are as often
 * datelines, credits and captions as standfirsts, and bylines are folded anyway.
 */
const LEAD_TAGS = new Set(['h2', 'h3', 'h4', 'figure']);

/** Copies of the lead elements, taken before Readability changes the page. */
export interface Lead {
  copies: Element[];
}

/**
 * Finds the lead on the clone and marks it; returns null when there is no headline-led lead.
 * `scan` is what markSignals found on the same clone (its elements and paragraph lengths).
 */
export function markLead(scan: PageScan): Lead | null {
  const all = scan.elements;
  const h1s = scan.headlines;
  const headline = h1s.find((el) => el.parentElement?.closest('article, main, [role="main"]')) ?? h1s[0];
  if (!headline) return null;
  const candidates: Element[] = [];
  // Document order after the headline, up to the first long paragraph (within a few hundred elements).
  const start = all.indexOf(headline) + 1;
  let bodyStart: Element | null = null;
  for (let i = start; i < all.length && i < start + 400; i++) {
    const el = all[i];
    if (headline.contains(el)) continue;
    if (el.localName === 'p' && (scan.paragraphText.get(el) ?? 0) >= BODY_PARAGRAPH && !inLead(el, candidates)) {
      bodyStart = el;
      break;
    }
    if (!LEAD_TAGS.has(el.localName) || inLead(el, candidates) || underFurniture(el, scan.furniture)) continue;
    const text = (el.textContent ?? '').trim();
    if (el.localName === 'figure' ? !el.querySelector('img') : !text || text.length > LEAD_TEXT) continue;
    if (linkShare(el, text) > 0.5) continue;
    candidates.push(el);
  }
  if (!bodyStart || !candidates.length) return null;
  // The lead and the body share the headline's article container.
  const container = headline.closest('article, main, [role="main"]');
  const lead = candidates.filter((el) => !container || container.contains(el)).slice(0, MAX_LEAD);
  if (!lead.length || (container && !container.contains(bodyStart))) return null;
  bodyStart.setAttribute(BODY_ATTR, '');
  lead.forEach((el, n) => el.setAttribute(LEAD_ATTR, String(n)));
  return { copies: lead.map((el) => el.cloneNode(true) as Element) };
}

/**
 * Puts the lead elements Readability left out at the start of its output `content`, when the
 * output holds the body paragraph that follows the lead.
 */
export function restoreLead(content: Element, lead: Lead | null): void {
  if (!lead || !content.querySelector(`[${BODY_ATTR}]`)) return;
  const missing = lead.copies.filter((copy) => !content.querySelector(`[${LEAD_ATTR}="${copy.getAttribute(LEAD_ATTR)}"]`));
  const first = content.firstElementChild?.localName === 'div' ? content.firstElementChild : content;
  for (const copy of missing.reverse()) {
    const node = content.ownerDocument.importNode(copy, true);
    node.setAttribute(HINT_ATTR, `${node.getAttribute(HINT_ATTR) ?? ''} lead`.trim());
    first.insertBefore(node, first.firstChild);
  }
}

/** The element or an ancestor is marked as furniture (a parent walk: cheaper than closest()). */
function underFurniture(el: Element, furniture: Set<Element>): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) if (furniture.has(node)) return true;
  return false;
}

function inLead(el: Element, lead: Element[]): boolean {
  return lead.some((l) => l.contains(el));
}

function linkShare(el: Element, text: string): number {
  let linked = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) linked += (a.textContent ?? '').trim().length;
  return text.length ? linked / text.length : 0;
}
