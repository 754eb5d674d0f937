import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { figures, loadSet, runEval, sharedDir, tierTable, type SetName, type Split } from '../../scripts/eval-quotes';
import { TIER_PRECISION } from '../../utils/quotes/tiers';

const shared = sharedDir();
const present = existsSync(join(shared, 'quotes'));
const LANGS: SetName[] = ['en', 'de', 'fr', 'es'];
const run = (split: Split) => runEval(LANGS.flatMap((s) => loadSet(shared, s, split)));

/**
 * Regression floors for direct quotes (scripts/eval-quotes.ts), train and dev, the figures
 * reached minus about 0.01–0.02. Raise them when the design improves; a drop below fails. They
 * are floors, not the goal: the goal is P ≥ 0.90, R ≥ 0.80, speaker ≥ 0.90 on dev with a
 * train–dev gap ≤ 0.05, which German, French and Spanish do not reach yet (see the README).
 * Detection (the quote found, any speaker) is measured apart from attribution.
 */
const FLOORS: Record<Split, Record<string, { detP: number; detR: number; p: number; r: number; speaker: number }>> = {
  train: {
    en: { detP: 0.96, detR: 0.91, p: 0.88, r: 0.84, speaker: 0.88 },
    de: { detP: 0.89, detR: 0.8, p: 0.64, r: 0.58, speaker: 0.67 },
    fr: { detP: 0.92, detR: 0.82, p: 0.69, r: 0.61, speaker: 0.72 },
    es: { detP: 0.97, detR: 0.82, p: 0.73, r: 0.62, speaker: 0.71 },
  },
  dev: {
    en: { detP: 0.95, detR: 0.92, p: 0.87, r: 0.84, speaker: 0.88 },
    de: { detP: 0.94, detR: 0.87, p: 0.87, r: 0.8, speaker: 0.89 },
    fr: { detP: 0.93, detR: 0.93, p: 0.85, r: 0.85, speaker: 0.9 },
    es: { detP: 0.95, detR: 0.8, p: 0.78, r: 0.66, speaker: 0.8 },
  },
};

describe.skipIf(!present)('quote attribution on the shared sets, train and dev', () => {
  const r = present ? { train: run('train'), dev: run('dev') } : null;

  for (const split of ['train', 'dev'] as Split[]) {
    it.each(LANGS)(`${split} %s direct quotes: detection, end to end and speaker at or above the floors`, (lang) => {
      const f = figures(r![split].byLang[lang].direct);
      const floor = FLOORS[split][lang];
      for (const k of Object.keys(floor) as (keyof typeof floor)[]) expect(f[k], `${split} ${lang} ${k}`).toBeGreaterThanOrEqual(floor[k]);
    });
  }

  it('English keeps its train–dev gap within 0.05 on every figure', () => {
    const t = figures(r!.train.byLang.en.direct);
    const d = figures(r!.dev.byLang.en.direct);
    for (const k of Object.keys(t) as (keyof typeof t)[]) expect(Math.abs(t[k] - d[k]), k).toBeLessThanOrEqual(0.05);
  });

  it.each([
    ['en', 0.96],
    ['de', 0.96],
    ['fr', 0.75],
    ['es', 0.58],
  ])('dev %s reported speech ("according to" family): precision ≥ %s', (lang, p) => {
    const c = r!.dev.byLang[lang].reported;
    expect(c.right / c.pred).toBeGreaterThanOrEqual(p);
  });

  it('TIER_PRECISION in tiers.ts is the table measured on train', () => {
    expect(TIER_PRECISION).toEqual(tierTable(r!.train));
  });
});
