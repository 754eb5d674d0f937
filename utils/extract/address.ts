/**
 * The base for the article's relative links and images when the caller gives no URL (the CLI
 * reading a saved file): the address the page gives itself, its canonical link or og:url, when
 * absolute. Without a base, relative links are dropped, and a list of links to the same site
 * reads as plain text: the CLI then kept "Lire aussi:" and its list where the browser, which
 * knows the page's URL, folded them.
 */
export function selfAddress(canonical: { link: string | null; og: string | null }): string | null {
  for (const candidate of [canonical.link, canonical.og]) {
    if (candidate && /^https?:\/\//i.test(candidate)) {
      try {
        return new URL(candidate).href;
      } catch {
        // not a URL: try the next
      }
    }
  }
  return null;
}
