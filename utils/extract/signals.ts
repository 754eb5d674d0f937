/**
 * Structural clutter signals, recorded on the page clone before Readability runs (it strips
 * class names, ids, roles and landmarks from its output but keeps our `data-lucid-*`
 * attributes, which the block builder copies into `block.signals.hints`).
 *
 * Generic by design: landmarks and ARIA roles, and words in class names and ids, never a
 * site's selectors. A hint covers no more than the marked element's own short text: an element
 * holding more than a few sentences outside links is the article (or a part of it) whatever its
 * class says ("comments-enabled", "post-meta-wrapper", "has-share-bar"), so it is not marked
 * from its class words, and the furniture inside it is found by its own marks.
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

/**
 * Class/id words per hint, matched whole against the words of a class list or id (a Map look-up:
 * no regular expression to compile in the freshly injected content script).
 */
const WORD_HINTS: Partial<Record<Hint, string>> = {
  related:
    'related relatedarticle relatedarticles recirc recirculation outbrain taboola recommended recommendation recommendations ' +
    'readmore read-more morestories more-stories also seealso see-also furtherreading further-reading teaser teasers ' +
    'youmaylike you-may-like nextarticle next-article',
  share:
    'share sharing shares sharebar sharetools share-tools social socials socialshare social-share sociallinks addthis ' +
    'sharethis follow followus follow-us',
  ad:
    'ad ads advert adverts advertisement advertising adslot ad-slot adcontainer ad-container adwrapper ad-wrapper dfp gptad ' +
    'gpt-ad sponsor sponsored promo promotion commercial bannerad banner-ad',
  comments:
    'comment comments commentcount comment-count commentaire commentaires kommentar kommentare comentario comentarios ' +
    'commenti disqus discussion replies',
  newsletter: 'newsletter newsletters subscribe subscription signup sign-up paywall regwall membership optin',
  bio: 'bio authorbio author-bio abouttheauthor about-the-author authorinfo author-info authorbox author-box contributor',
  byline:
    'byline bylines dateline timestamp articlemeta article-meta postmeta post-meta entrymeta entry-meta meta published date',
  tags: 'tags taglist tag-list tagcloud topics keywords categories',
  latest: 'latest mostread most-read mostpopular most-popular popular trending mostviewed most-viewed headlines',
  cookie: 'cookie cookies consent gdpr cmp',
  nav: 'breadcrumb breadcrumbs menu nav navbar navigation pagination pager skiplink skip-link skip',
  caption: 'caption credit credits copyright photocredit photo-credit',
};

const HINT_OF_WORD = new Map<string, Hint>(
  Object.entries(WORD_HINTS).flatMap(([hint, words]) => words.split(' ').map((word) => [word, hint as Hint] as const)),
);

const ROLE_HINTS: Record<string, Hint> = {
  navigation: 'nav',
  complementary: 'aside',
  contentinfo: 'footer',
  banner: 'nav',
  search: 'nav',
};

const TAG_HINTS: Record<string, Hint> = { nav: 'nav', aside: 'aside', footer: 'footer' };

/**
 * A hint covers an element holding at most this many characters of prose paragraphs (see
 * `isProseParagraph`): a byline box, a share bar, a newsletter blurb, a list of teaser
 * headlines or of links of any length, never the paragraphs of an article.
 */
const HINT_PROSE_CHARS = 300;
/** …and at most this many characters of text outside links, for prose written without <p>. */
const HINT_TEXT_CHARS = 3000;
/** An element holding more than this share of the page's paragraph text, or this many characters, is the article's. */
const ARTICLE_SHARE = 0.3;
const ARTICLE_CHARS = 1500;
/** A paragraph of prose: this long at least, ending like a sentence (teaser headlines do not). */
const PROSE_PARAGRAPH_CHARS = 60;
const SENTENCE_END = /[.!?…]["'»”’)\]]*$/u;

/** What one walk over the clone found; the lead finder reuses it instead of walking again. */
export interface PageScan {
  /** The body's elements in document order. */
  elements: Element[];
  /** The body's <h1> elements in document order. */
  headlines: Element[];
  /** Length of the text inside <p> elements under each element (a <p>'s own: its trimmed text). */
  paragraphText: Map<Element, number>;
  /**
   * Elements whose landmark, role, class words or hidden state say "furniture", judged widely:
   * all but those holding a large share of the page's paragraph text. Folding reads only the
   * narrow marks (`HINT_ATTR`); the lead recovery, which adds text, keeps away from all of these.
   */
  furniture: Set<Element>;
}

/** The attributes that carry hints (read only on elements that have some of them). */
const HINT_SOURCES = new Set(['class', 'id', 'role', 'aria-hidden', 'hidden']);

/**
 * Marks clutter hints on `doc` (a clone: it is modified) as `data-lucid-hint` attributes.
 * One walk over the elements notes each one's hints; the paragraph text is then summed up the
 * tree, and only then are the hints written, except on the article's own containers. Costs are
 * kept to what a plain page needs: elements without attributes (most of a page) cost a tag
 * look-up only, an element's attribute names are read once, and class/id strings are split
 * and matched once per distinct string (pages repeat the same class lists hundreds of times).
 */
export function markSignals(doc: Document): PageScan {
  const body = doc.body;
  const scan: PageScan = { elements: [], headlines: [], paragraphText: new Map(), furniture: new Set() };
  if (!body) return scan;
  const { elements, headlines } = scan;
  const paragraphs: Element[] = [];
  const links: Element[] = [];
  const found: { el: Element; hints: Hint[]; hidden: boolean }[] = [];
  const classHints = classHintReader();
  // A TreeWalker, not a recursive or sibling walk: pages nest deep, and in jsdom the native
  // walker costs a third of reading firstElementChild/nextElementSibling per element.
  const walker = doc.createTreeWalker(body, 0x1 /* NodeFilter.SHOW_ELEMENT */);
  for (let el = walker.nextNode() as Element | null; el; el = walker.nextNode() as Element | null) {
    elements.push(el);
    const tag = el.localName;
    if (tag === 'p') paragraphs.push(el);
    else if (tag === 'a') links.push(el);
    else if (tag === 'h1') headlines.push(el);
    const tagHint = TAG_HINTS[tag];
    if (!tagHint && !el.hasAttributes()) continue;
    const hints: Hint[] = tagHint ? [tagHint] : [];
    let hidden = false;
    for (const name of el.getAttributeNames()) {
      if (!HINT_SOURCES.has(name)) continue;
      const value = el.getAttribute(name) ?? '';
      if (name === 'class' || name === 'id') {
        addHints(hints, classHints(value));
      } else if (name === 'role') addHint(hints, ROLE_HINTS[value.toLowerCase()]);
      else hidden ||= name === 'hidden' || value === 'true';
    }
    if (hints.length || hidden) found.push({ el, hints, hidden });
  }
  const paragraphText = textLengthsUnder(elements, paragraphs);
  scan.paragraphText = paragraphText;
  const linkText = textLengthsUnder(elements, links);
  const proseText = textLengthsUnder(elements, paragraphs.filter(isProseParagraph));
  // The cheap test first; the whole text (a string per element) only for those that pass it.
  const shortText = (el: Element) =>
    (proseText.get(el) ?? 0) <= HINT_PROSE_CHARS &&
    (el.textContent ?? '').trim().length - (linkText.get(el) ?? 0) <= HINT_TEXT_CHARS;
  // Hints are read with their ancestors' (blocks.ts), so an element whose hints its marked
  // ancestors already carry is left unmarked: on news pages most marked elements are inside
  // another, and writing attributes is the walk's dearest step.
  const open: { el: Element; hints: Hint[] }[] = [];
  const total = paragraphText.get(body) ?? 0;
  for (const { el, hints, hidden } of found) {
    const own = paragraphText.get(el) ?? 0;
    if (hidden || !(total > 0 && (own > ARTICLE_SHARE * total || own > ARTICLE_CHARS))) scan.furniture.add(el);
    // Prose is not furniture, whatever its container's landmark or class words say.
    const marks = hints.length && shortText(el) ? hints : [];
    if (hidden) marks.push('hidden');
    if (!marks.length) continue;
    while (open.length && !open[open.length - 1].el.contains(el)) open.pop();
    const inherited = open.length ? open[open.length - 1].hints : [];
    if (marks.every((hint) => inherited.includes(hint))) continue;
    el.setAttribute(HINT_ATTR, marks.join(' '));
    open.push({ el, hints: [...new Set([...inherited, ...marks])] });
  }
  return scan;
}

function isProseParagraph(p: Element): boolean {
  const text = (p.textContent ?? '').trim();
  return text.length >= PROSE_PARAGRAPH_CHARS && SENTENCE_END.test(text);
}

function addHint(hints: Hint[], hint: Hint | undefined): void {
  if (hint && !hints.includes(hint)) hints.push(hint);
}

function addHints(hints: Hint[], more: readonly Hint[]): void {
  for (const hint of more) addHint(hints, hint);
}

/**
 * Hints from the words of a class list or id ("article-share-bar" → share), remembered per
 * class list, per class name and per word for one page: pages repeat the same lists hundreds of
 * times, and mix the same few names into many lists.
 */
function classHintReader(): (names: string) => Hint[] {
  const byList = new Map<string, Hint[]>();
  const byName = new Map<string, Hint[]>();
  const nameHints = (name: string): Hint[] => {
    const hints: Hint[] = [];
    // BEM and camelCase parts: "c-article__share-bar" → c, article, share, bar, share-bar.
    for (const part of name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase().split(/__|--|_/)) {
      addHint(hints, HINT_OF_WORD.get(part));
      for (const piece of part.split('-')) addHint(hints, HINT_OF_WORD.get(piece));
    }
    return hints;
  };
  return (names) => {
    let hints = byList.get(names);
    if (!hints) {
      hints = [];
      for (const name of names.split(/\s+/)) {
        if (!name) continue;
        let own = byName.get(name);
        if (!own) byName.set(name, (own = nameHints(name)));
        addHints(hints, own);
      }
      byList.set(names, hints);
    }
    return hints;
  };
}

/**
 * Length of the text inside the `inner` elements (<p>, <a>) under each element (an inner
 * element's own count is its trimmed text), summed up the tree: `elements` are in document
 * order, so read in reverse, children come before parents, without recursion (pages nest deep).
 */
function textLengthsUnder(elements: Element[], inner: Element[]): Map<Element, number> {
  const lengths = new Map<Element, number>();
  for (const p of inner) {
    const n = (p.textContent ?? '').trim().length;
    if (n) lengths.set(p, n);
  }
  for (let i = elements.length - 1; i >= 0; i--) {
    const el = elements[i];
    const n = lengths.get(el);
    if (!n) continue;
    const parent = el.parentElement;
    if (parent) lengths.set(parent, (lengths.get(parent) ?? 0) + n);
  }
  return lengths;
}
