import { describe, expect, it } from 'vitest';
import type { AnchorResult, Selectors } from '../../utils/anchoring';
import { loadZyteArticles } from './sim/corpus';
import { runEval } from './sim/harness';

const articles = loadZyteArticles();

describe.skipIf(!articles)('re-anchoring on edited real articles (smaller eval:anchors)', () => {
  it('places ≥ 97% of surviving highlights exactly and none on wrong text', () => {
    const { overall } = runEval({ articles: articles!, highlights: 300, seed: 11 });
    expect(overall.survivedWrong + overall.goneWrong).toBe(0);
    expect(overall.exact / overall.survived).toBeGreaterThanOrEqual(0.97);
  });

  it('catches a careless anchorer (the eval can fail)', () => {
    // First exact occurrence, no context checks: what a naive implementation would do.
    const naive = (text: string, selectors: Selectors): AnchorResult => {
      const at = text.indexOf(selectors.quote.exact);
      return at < 0 ? { orphan: true, reason: 'not-found' } : { start: at, end: at + selectors.quote.exact.length, method: 'quote' };
    };
    const { overall } = runEval({ articles: articles!, highlights: 300, seed: 11, anchorFn: naive });
    expect(overall.survivedWrong + overall.goneWrong).toBeGreaterThan(0);
    expect(overall.exact / overall.survived).toBeLessThan(0.97);
  });
});
