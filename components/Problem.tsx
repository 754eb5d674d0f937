/** Why there is no article to show, in plain words, and what the reader can do about it. */
import { i18n } from '#i18n';
import type { PlainKey } from './i18n';
import type { ExtractResult, Restriction } from '../platform/extraction';

type Failure = Extract<ExtractResult, { ok: false }>;

const RESTRICTION: Record<Restriction, PlainKey> = {
  'browser-page': 'error.browserPage',
  store: 'error.store',
  pdf: 'error.pdf',
  'no-address': 'error.noAddress',
  'off-limits': 'error.offLimits',
};

function reasonOf(failure: Failure, forced: boolean): PlainKey {
  switch (failure.code) {
    case 'restricted':
      return RESTRICTION[failure.restriction ?? 'off-limits'];
    case 'no-article':
      return forced ? 'error.stillNoArticle' : 'error.noArticle';
    case 'too-large':
      return 'error.tooLarge';
    case 'not-html':
      return 'error.notHtml';
    case 'empty':
      return 'error.empty';
    case 'failed':
      return 'error.failed';
    case 'timeout':
      return 'error.timeout';
  }
}

export interface ProblemProps {
  failure: Failure;
  /** The extraction was already forced ("Try anyway"). */
  forced: boolean;
  onRetry: (force: boolean) => void;
}

export function Problem({ failure, forced, onRetry }: ProblemProps) {
  // The pipeline's own message has the figures (sizes, limits) and the technical cause.
  const details = failure.code === 'too-large' || failure.code === 'failed' ? failure.message : null;
  return (
    <div class="problem ui" role="alert">
      <h1 class="problem-title">{i18n.t('error.title')}</h1>
      <p>{i18n.t(reasonOf(failure, forced))}</p>
      {details && (
        <details>
          <summary>{i18n.t('error.details')}</summary>
          <p lang="en">{details}</p>
        </details>
      )}
      {failure.code === 'no-article' && !forced && (
        <button type="button" class="primary" onClick={() => onRetry(true)}>{i18n.t('error.tryAnyway')}</button>
      )}
      {(failure.code === 'failed' || failure.code === 'timeout') && (
        <button type="button" class="primary" onClick={() => onRetry(forced)}>{i18n.t('error.retry')}</button>
      )}
    </div>
  );
}

/** The loading state: the article's shape, drawn at once, while the page is read. */
export function Skeleton() {
  return (
    <div class="skeleton">
      <p class="visually-hidden" role="status">{i18n.t('loading')}</p>
      <div aria-hidden="true">
        <div class="sk sk-site" />
        <div class="sk sk-title" />
        <div class="sk sk-title sk-short" />
        <div class="sk sk-facts" />
        {[92, 100, 96, 64, 0, 100, 94, 98, 72].map((w, i) => (w ? <div key={i} class="sk sk-line" style={{ width: `${w}%` }} /> : <div key={i} class="sk-gap" />))}
      </div>
    </div>
  );
}
