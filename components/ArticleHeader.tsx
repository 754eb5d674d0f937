/** The article's title and what is known about it: site, byline, date, reading time. */
import { Fragment } from 'preact';
import { i18n } from '#i18n';
import type { Article } from '../utils/types';

function formatDate(iso: string | null, locale: string): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
}

function hostOf(url: string | null): string | null {
  try {
    return url ? new URL(url).hostname.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}

export function ArticleHeader({ article }: { article: Article }) {
  const site = article.siteName ?? hostOf(article.url);
  // Dates are in the reader's language; the rest of the header is the page's own text.
  const date = formatDate(article.publishedTime, navigator.language);
  const facts = [
    article.byline && <span class="byline">{article.byline}</span>,
    // In the reader's language and direction: on a right-to-left page "1 min read" would read "min read 1".
    date && <time dateTime={article.publishedTime!} lang={navigator.language} dir="auto">{date}</time>,
    article.readingMinutes > 0 && <span lang={navigator.language} dir="auto">{i18n.t('article.readingTime', article.readingMinutes)}</span>,
  ].filter(Boolean);
  return (
    <header class="article-head">
      {site && <p class="site">{site}</p>}
      <h1>{article.title}</h1>
      {facts.length > 0 && (
        <p class="facts">
          {facts.map((fact, i) => (
            <Fragment key={i}>
              {i > 0 && <span aria-hidden="true"> · </span>}
              {fact}
            </Fragment>
          ))}
        </p>
      )}
    </header>
  );
}
