/** The reader's view of folds: the pipeline's folds corrected by this session's verdicts. */
import type { GeneratedI18nStructure } from '#i18n';
import type { Article, Fold, FoldReason } from '../utils/types';

export type Verdict = 'clutter' | 'content';

/** The folds to show: "content" verdicts unfold, "clutter" verdicts fold as the reader's rule. */
export function effectiveFolds(article: Article, verdicts: ReadonlyMap<string, Verdict>): Map<string, Fold> {
  const folds = new Map(article.folded.map((f) => [f.blockId, f]));
  for (const [blockId, verdict] of verdicts) {
    if (verdict === 'content') folds.delete(blockId);
    else folds.set(blockId, { blockId, reason: 'user-rule', code: 'user-rule' });
  }
  return folds;
}

type ReasonKey = Extract<keyof GeneratedI18nStructure, `fold.reason.${string}`>;

const BOILERPLATE: Record<Exclude<FoldReason, 'duplicate'>, ReasonKey> = {
  'boilerplate:skip-link': 'fold.reason.skipLink',
  'boilerplate:related': 'fold.reason.related',
  'boilerplate:share': 'fold.reason.share',
  'boilerplate:ad': 'fold.reason.ad',
  'boilerplate:comments': 'fold.reason.comments',
  'boilerplate:latest': 'fold.reason.latest',
  'boilerplate:cookie': 'fold.reason.cookie',
  'boilerplate:byline': 'fold.reason.byline',
  'boilerplate:bio': 'fold.reason.bio',
  'boilerplate:credit': 'fold.reason.credit',
  'boilerplate:caption': 'fold.reason.caption',
  'boilerplate:cta': 'fold.reason.cta',
  'boilerplate:navigation': 'fold.reason.navigation',
  'boilerplate:hidden': 'fold.reason.hidden',
  'user-rule': 'fold.reason.userRule',
};

/** The translated reason of a fold ("duplicate of the headline", "related links"). */
export function reasonKey(fold: Fold): ReasonKey {
  if (fold.reason !== 'duplicate') return BOILERPLATE[fold.reason];
  return fold.code === 'headline' ? 'fold.reason.headline' : 'fold.reason.duplicate';
}
