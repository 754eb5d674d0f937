import { shortHash } from '../anchoring/hash';

/** Query parameters that only track where a visit came from; they never change the article. */
const TRACKING = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id',
  'mc_cid', 'mc_eid', 'ref_src', 'ref_url', 'igshid', 'igsh', '_hsenc', '_hsmi', 'mkt_tok',
  'oly_anon_id', 'oly_enc_id', 'vero_id', 's_cid', 'cmpid', 'ocid', 'smid', 'sr_share',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_'];

const isTracking = (name: string) => {
  const n = name.toLowerCase();
  return TRACKING.has(n) || TRACKING_PREFIXES.some((p) => n.startsWith(p));
};

function parseHttp(url: string, base?: string): URL | null {
  try {
    const u = new URL(url, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

/**
 * The host a page may speak for: its own, without a trailing dot or a leading "www." or "m."
 * (the same site's desktop and mobile names). Not the registrable domain: on shared hosts
 * (github.io, substack.com, vercel.app, blogspot.co.uk…) every tenant has its own subdomain,
 * and a canonical link to another tenant would hand over that tenant's article key.
 */
function ownHost(host: string): string {
  return host.toLowerCase().replace(/\.$/, '').replace(/^(?:www|m)\./, '');
}

function clean(u: URL): string {
  u.hash = '';
  for (const name of [...u.searchParams.keys()]) if (isTracking(name)) u.searchParams.delete(name);
  return u.toString().replace(/\?$/, '');
}

/**
 * The URL that identifies an article: the page's `<link rel=canonical>` or `og:url` when it is
 * an http(s) URL on the page's own host (see `ownHost`; a canonical pointing elsewhere, to a
 * syndication partner or another tenant of a shared host, is not trusted), else the page URL;
 * without fragment and tracking parameters.
 */
export function canonicalUrl(url: string, hints: { canonical?: string | null; ogUrl?: string | null } = {}): string {
  const page = parseHttp(url);
  if (!page) return url;
  for (const hint of [hints.canonical, hints.ogUrl]) {
    const candidate = hint ? parseHttp(hint.trim(), page.href) : null;
    if (candidate && ownHost(candidate.hostname) === ownHost(page.hostname)) return clean(candidate);
  }
  return clean(page);
}

/** A short, stable storage key for an article, from its canonical URL. */
export function articleKey(canonical: string): string {
  return `a-${shortHash(canonical)}`;
}
