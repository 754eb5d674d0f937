/**
 * What the page says of itself: title candidates, publication date, canonical address and
 * language, read before Readability rewrites the tree; then the header fields chosen from
 * those and from Readability's own metadata.
 * Loops over elements by tag rather than selectors: jsdom's selector engine costs more over a
 * case-insensitive attribute selector than all the rest of the page's metadata.
 */
import { byTag, real } from './dom';

export interface PageMetadata {
  /** `document.title`. */
  title: string;
  /** Other names the page gives its article: the first `<h1>`, og:title, JSON-LD headline. */
  titles: string[];
  /** The first parsable publication date of JSON-LD, meta, microdata or `<time datetime>`. */
  published: string | null;
  lang: string;
  canonical: { link: string | null; og: string | null };
}

export function readMetadata(doc: Document): PageMetadata {
  let canonical: string | null = null;
  let og: string | null = null;
  let ogTitle: string | null = null;
  let language: string | null = null;
  let metaDate: string | null = null;
  for (const link of byTag(doc, 'link')) {
    const rel = link.getAttribute('rel');
    if (rel && rel.toLowerCase().split(/\s+/).includes('canonical')) {
      canonical = link.getAttribute('href')?.trim() || null;
      break;
    }
  }
  for (const meta of byTag(doc, 'meta')) {
    const key = meta.getAttribute('property') ?? meta.getAttribute('name');
    const content = meta.getAttribute('content')?.trim() || null;
    if (key === 'og:url') og ??= content;
    else if (key === 'og:title') ogTitle ??= content;
    else if (key === 'article:published_time' || key === 'og:published_time') metaDate ??= validDate(content);
    else if (key === 'og:locale' || meta.getAttribute('http-equiv')?.toLowerCase() === 'content-language') language ??= content;
    if (hasItemprop(meta, 'datePublished')) metaDate ??= validDate(content);
  }
  const jsonLd = readJsonLd(doc);
  const h1 = byTag(doc, 'h1')[0];
  const titles = [h1 && h1.textContent, ogTitle, jsonLd.headline].map(clean).filter((t): t is string => !!t);
  return {
    title: doc.title,
    titles,
    published: jsonLd.datePublished ?? metaDate ?? bodyDate(doc),
    lang: (real<HTMLElement>(doc, 'documentElement').getAttribute('lang') || language || '').replace('_', '-').trim(),
    canonical: { link: canonical, og },
  };
}

/** The JSON-LD headline and datePublished of the page's article (the first object that has them). */
function readJsonLd(doc: Document): { headline?: string; datePublished?: string } {
  const found: { headline?: string; datePublished?: string } = {};
  const visit = (node: unknown, depth: number): void => {
    if (!node || typeof node !== 'object' || depth > 6) return;
    if (Array.isArray(node)) return node.forEach((n) => visit(n, depth + 1));
    const o = node as Record<string, unknown>;
    if (typeof o.headline === 'string') found.headline ??= o.headline;
    if (typeof o.datePublished === 'string') found.datePublished ??= validDate(o.datePublished) ?? undefined;
    visit(o['@graph'], depth + 1);
    visit(o.mainEntity, depth + 1);
  };
  for (const script of byTag(doc, 'script')) {
    if (!/^\s*application\/ld\+json\s*$/i.test(script.getAttribute('type') ?? '')) continue;
    try {
      visit(JSON.parse((script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '')), 0);
    } catch {
      // A page's broken JSON-LD is its own affair: the other sources still count.
    }
  }
  return found;
}

/** Microdata on an element (`itemprop=datePublished` with `datetime` or `content`), else the first `<time datetime>`. */
function bodyDate(doc: Document): string | null {
  let first: string | null = null;
  for (const time of byTag(doc, 'time')) {
    const date = validDate(time.getAttribute('datetime'));
    if (date && hasItemprop(time, 'datePublished')) return date;
    first ??= date;
  }
  return first;
}

/** `itemprop` holds a list of names ("datePublished dateCreated"). */
function hasItemprop(el: Element, name: string): boolean {
  return (el.getAttribute('itemprop') ?? '').split(/\s+/).includes(name);
}

/** A date string the header can show (ISO-like, parsable), or null. */
function validDate(value: string | null | undefined): string | null {
  const v = value?.trim();
  const t = v && /\d{4}/.test(v) ? Date.parse(v) : NaN;
  // A template's empty date is a zero time: the year 1 ("0001-01-01T00:00:00Z") or the Unix epoch.
  return v && !Number.isNaN(t) && t !== 0 && new Date(t).getUTCFullYear() >= EARLIEST_YEAR ? v : null;
}

/** No news page is older than this: a date before it is a placeholder. */
const EARLIEST_YEAR = 1800;

/** Separators between a headline and a site name ("Headline | Site", "Headline - Site"). */
const SITE_SEPARATOR = /^\s*(?:[|\-–—·•:»/]|::)\s+/;

/**
 * The fullest title: Readability's, replaced by another candidate that continues it (Readability
 * cut a title at a colon or a dash inside it) unless the continuation is the site's name after a
 * separator; and a candidate that is Readability's title less such a site suffix wins over it.
 */
export function chooseTitle(readabilityTitle: string, candidates: string[], site: { name: string | null; url: string | null }): string {
  let best = clean(readabilityTitle) ?? candidates[0] ?? '';
  for (const candidate of candidates) {
    const b = comparable(best);
    const c = comparable(candidate);
    if (c.length > b.length && c.startsWith(b) && b.length) {
      if (!isSiteSuffix(candidate.slice(prefixLength(candidate, best)), site)) best = candidate;
    } else if (b.length > c.length && b.startsWith(c) && c.length && isSiteSuffix(best.slice(prefixLength(best, candidate)), site)) {
      best = candidate;
    }
  }
  return best;
}

/** Whether a title's tail is a separator followed by the site's name (or its host). */
function isSiteSuffix(tail: string, site: { name: string | null; url: string | null }): boolean {
  const m = SITE_SEPARATOR.exec(tail);
  if (!m) return false;
  const rest = squash(tail.slice(m[0].length));
  if (!rest) return true;
  const name = squash(site.name ?? '');
  let host = '';
  try {
    host = site.url ? squash(new URL(site.url).hostname.replace(/^www\./, '')) : '';
  } catch {
    // No address: the site's name alone decides.
  }
  return (!!name && (rest.includes(name) || name.includes(rest))) || (!!host && (host.includes(rest) || rest.includes(host)));
}

/** How many characters of `full` cover `prefix` when both are compared as `comparable` text. */
function prefixLength(full: string, prefix: string): number {
  const target = comparable(prefix).length;
  for (let i = 0; i <= full.length; i++) if (comparable(full.slice(0, i)).length >= target) return i;
  return full.length;
}

/** Case, spacing and quote style set aside, and a trailing ellipsis of a cut title. */
function comparable(text: string): string {
  return text.toLowerCase().replace(/[’‘]/g, "'").replace(/[“”«»]/g, '"').replace(/\s+/g, ' ').replace(/\s*(?:…|\.\.\.)$/, '').trim();
}

/** Letters and digits only, lower case: "Le Monde.fr" and "lemonde.fr" compare alike. */
function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** Month names and numeric dates that follow a name in a run-together byline. */
const MONTHS =
  'jan(?:uary|vier)?|feb(?:ruary)?|f[ée]v(?:rier)?|mar(?:ch|s)?|m[äa]rz|apr(?:il)?|avr(?:il)?|may|mai|june?|juin|july?|juil(?:let)?|aug(?:ust)?|ao[ûu]t|sep(?:t(?:ember)?)?|sept(?:embre)?|oct(?:ober|obre)?|okt(?:ober)?|nov(?:ember|embre)?|dec(?:ember)?|d[ée]c(?:embre)?|dez(?:ember)?|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre';
const TRAILING_DATE = new RegExp(
  `(?:^|\\s*[|·•,–—-]\\s*|(?<=\\p{Ll}|\\.)\\s*)(?:(?:updated|published|publié|aktualisiert|actualizado)[^\\d\\p{L}]*)?(?:(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}\\.?\\s+(?:de\\s+)?(?:${MONTHS})\\.?\\s+(?:de\\s+)?\\d{4}|\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4})\\b.*$`,
  'iu',
);

/**
 * A writer's contact details run into a byline ("By Megan Rowe meganr@example.com(509) 459-5382"):
 * an e-mail address, a social handle, a phone number of seven digits or more, with a label before
 * them ("Email:", "Tel.") and the separators around them.
 */
const CONTACT = /(?:[\s|·•,;:–—-]*(?<![\p{L}\p{N}])(?:e-?mail|t[eé]l[eé]?(?:phone|fono|efon)?|phone|twitter)\.?\s*:?)?[\s|·•,;:–—-]*(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\p{L}\p{N}])@\w{2,}|\+?\(?\d[\d\s().-]{5,}\d)/giu;

/** The byline without a date or contact details run into it ("By Carrie ArnoldNovember 15, 2019" → "By Carrie Arnold"). */
export function bylineWithoutDate(byline: string | null): string | null {
  // The date first: the phone pattern would take a numeric date's digits and leave its time.
  return byline ? clean(byline.replace(TRAILING_DATE, '').replace(CONTACT, ' ')) : null;
}

/** The site's name; a social handle given for it ("@politifact") without its "@". */
export function siteNameOf(value: string | null | undefined): string | null {
  return clean(value?.replace(/^\s*@(?=[\p{L}\p{N}_]+\s*$)/u, ''));
}

export function clean(value: string | null | undefined): string | null {
  const v = value?.replace(/\s+/g, ' ').trim();
  return v ? v : null;
}

const RTL_LANGS = new Set(['ar', 'he', 'fa', 'ur', 'yi', 'ps', 'sd', 'ug', 'dv', 'ckb']);

export function direction(dir: string | null | undefined, lang: string): 'ltr' | 'rtl' {
  if (dir === 'rtl' || dir === 'ltr') return dir;
  return RTL_LANGS.has(lang.toLowerCase().split('-')[0]) ? 'rtl' : 'ltr';
}
