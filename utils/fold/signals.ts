/**
 * Structural clutter signals, recorded on the page clone before Readability runs (it strips
 * class names, ids, roles and landmarks from its output but keeps our `data-lucid-*`
 * attributes, which the block builder copies into `block.signals.hints`).
 *
 * Generic by design: landmarks and ARIA roles, and words in class names and ids, never a
 * site's selectors. An element holding a large share of the page's paragraph text is the
 * article itself whatever its class says ("comments-enabled", "has-share-bar"), so it is not
 * marked from its class words.
 */

export const HINT_ATTR = 'data-lucid-hint';

/** The hint vocabulary that folding understands. */
export type Hint =
  | 'nav'
  | 'aside'
  | 'footer'
  | 'related'
  | 'share'
  | 'ad'
  | 'comments'
  | 'newsletter'
  | 'bio'
  | 'byline'
  | 'tags'
  | 'latest'
  | 'cookie'
  | 'caption'
  | 'hidden'
  /** Put back by the lead recovery (see lead.ts). */
  | 'lead';

/** Class/id words per hint. Matched against the class and id split into words. */
const WORD_HINTS: [RegExp, Hint][] = [
  [/^(related|relatedarticles?|recirc|recirculation|outbrain|taboola|recommended|recommendations?|readmore|read-more|more-?stories|morestories|also|see-?also|further-?reading|teasers?|you-?may-?like|next-?article)$/, 'related'],
  [/^(share|sharing|shares|sharebar|share-?tools|social|socials|social-?share|sociallinks|addthis|sharethis|follow|follow-?us)$/, 'share'],
  [/^(ad|ads|advert|adverts|advertisement|advertising|adslot|ad-?slot|ad-?container|ad-?wrapper|dfp|gpt-?ad|sponsor|sponsored|promo|promotion|commercial|banner-?ad)$/, 'ad'],
  [/^(comments?|comment-?count|commentaires?|kommentare?|comentarios?|commenti|disqus|discussion|replies)$/, 'comments'],
  [/^(newsletter|newsletters|subscribe|subscription|signup|sign-?up|paywall|regwall|membership|optin)$/, 'newsletter'],
  [/^(bio|author-?bio|authorbio|about-?the-?author|author-?info|author-?box|contributor)$/, 'bio'],
  [/^(byline|bylines|dateline|timestamp|article-?meta|post-?meta|entry-?meta|meta|published|date)$/, 'byline'],
  [/^(tags|tag-?list|tagcloud|topics|keywords|categories)$/, 'tags'],
  [/^(latest|most-?read|mostread|most-?popular|popular|trending|most-?viewed|headlines)$/, 'latest'],
  [/^(cookie|cookies|consent|gdpr|cmp)$/, 'cookie'],
  [/^(breadcrumb|breadcrumbs|menu|nav|navbar|navigation|pagination|pager|skip-?link|skip)$/, 'nav'],
  [/^(caption|credit|credits|copyright|photo-?credit)$/, 'caption'],
];

/** All of WORD_HINTS as one pattern, one capturing group per hint: one test per word. */
const ANY_WORD_HINT = new RegExp(`^(?:${WORD_HINTS.map(([pattern]) => pattern.source.slice(1, -1)).join('|')})$`);

const ROLE_HINTS: Record<string, Hint> = {
  navigation: 'nav',
  complementary: 'aside',
  contentinfo: 'footer',
  banner: 'nav',
  search: 'nav',
};

const TAG_HINTS: Record<string, Hint> = { nav: 'nav', aside: 'aside', footer: 'footer' };

/**
 * An element holding more than this share of the page's paragraph text, or this many characters
 * of it, is article (or a section of it), not furniture.
 */
const ARTICLE_SHARE = 0.3;
const ARTICLE_CHARS = 1500;

/** What one walk over the clone found; the lead finder reuses it instead of walking again. */
export interface PageScan {
  /** The body's elements in document order. */
  elements: Element[];
  /** Length of the text inside <p> elements under each element (a <p>'s own: its trimmed text). */
  paragraphText: Map<Element, number>;
}

/**
 * Marks clutter hints on `doc` (a clone: it is modified) as `data-lucid-hint` attributes.
 * One walk over the elements, then one pass over the list: elements without attributes (most
 * of a page) cost a tag look-up only, and class/id strings are split and matched once per
 * distinct string (pages repeat the same class lists hundreds of times).
 */
export function markSignals(doc: Document): PageScan {
  const body = doc.body;
  if (!body) return { elements: [], paragraphText: new Map() };
  const elements = descendants(body);
  const paragraphText = paragraphTextLengths(elements);
  const total = paragraphText.get(body) ?? 0;
  const wordHints = new Map<string, Hint[]>();
  const cachedHints = (names: string): Hint[] => {
    let hints = wordHints.get(names);
    if (!hints) wordHints.set(names, (hints = classHints(names)));
    return hints;
  };
  const hints: Hint[] = [];
  const add = (hint: Hint | undefined) => {
    if (hint && !hints.includes(hint)) hints.push(hint);
  };
  for (const el of elements) {
    const tagHint = TAG_HINTS[el.localName];
    if (!tagHint && !el.hasAttributes()) continue;
    hints.length = 0;
    add(tagHint);
    const role = el.getAttribute('role');
    if (role) add(ROLE_HINTS[role.toLowerCase()]);
    const className = el.getAttribute('class');
    if (className) cachedHints(className).forEach(add);
    const id = el.getAttribute('id');
    if (id) cachedHints(id).forEach(add);
    if (hints.length) {
      const own = paragraphText.get(el) ?? 0;
      // The article's container is not furniture, whatever its landmark or class words say.
      if (total > 0 && (own > ARTICLE_SHARE * total || own > ARTICLE_CHARS)) hints.length = 0;
    }
    if (el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden')) add('hidden');
    if (hints.length) el.setAttribute(HINT_ATTR, hints.join(' '));
  }
  return { elements, paragraphText };
}

/** Hints from the words of a class list or id ("article-share-bar" → share). */
function classHints(names: string): Hint[] {
  const words = new Set<string>();
  for (const name of names.split(/\s+/)) {
    if (!name) continue;
    // BEM and camelCase parts: "c-article__share-bar" → c, article, share, bar, share-bar.
    const parts = name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase().split(/__|--|_/);
    for (const part of parts) {
      words.add(part);
      for (const piece of part.split('-')) words.add(piece);
    }
  }
  const hints: Hint[] = [];
  for (const word of words) {
    const match = ANY_WORD_HINT.exec(word);
    if (!match) continue;
    const hint = WORD_HINTS[match.indexOf(word, 1) - 1][1];
    if (!hints.includes(hint)) hints.push(hint);
  }
  return hints;
}

/**
 * Length of the text inside <p> elements under each element (a <p>'s own count is its trimmed
 * text). `elements` are in document order: read in reverse, children come before parents,
 * without recursion (pages nest deep).
 */
function paragraphTextLengths(elements: Element[]): Map<Element, number> {
  const lengths = new Map<Element, number>();
  for (let i = elements.length - 1; i >= 0; i--) {
    const el = elements[i];
    const n = el.localName === 'p' ? (el.textContent ?? '').trim().length : (lengths.get(el) ?? 0);
    if (!n) continue;
    lengths.set(el, n);
    const parent = el.parentElement;
    if (parent) lengths.set(parent, (lengths.get(parent) ?? 0) + n);
  }
  return lengths;
}

/**
 * The elements under `root` in document order. A sibling walk: jsdom's live
 * getElementsByTagName('*') collection costs quadratic time when read in full.
 */
export function descendants(root: Element): Element[] {
  const out: Element[] = [];
  let node: Element | null = root.firstElementChild;
  while (node) {
    out.push(node);
    if (node.firstElementChild) {
      node = node.firstElementChild;
      continue;
    }
    while (node && node !== root && !node.nextElementSibling) node = node.parentElement;
    node = node && node !== root ? node.nextElementSibling : null;
  }
  return out;
}
