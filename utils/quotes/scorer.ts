/**
 * The linear model that picks a quote's speaker among its candidates (candidates.ts): a logistic
 * regression over binary features, each feature counted once shared by all languages and once for
 * the language ("fr:cue"), so a language with few examples leans on the others. Trained by
 * `npm run train:quotes` (scripts/train-quotes.ts); the weights are data in rules/weights.ts.
 */

export interface Model {
  weights: Record<string, number>;
  /** The lowest probability at which the best candidate is taken; under it the speaker stays not named. */
  threshold: number;
}

/** The features a candidate's binary features expand to: shared, and per language. */
export const expand = (features: string[], lang: string): string[] => features.flatMap((f) => [f, `${lang}:${f}`]);

export function probability(model: Model, features: string[], lang: string): number {
  let z = 0;
  for (const f of expand(features, lang)) z += model.weights[f] ?? 0;
  return 1 / (1 + Math.exp(-z));
}

/** The best candidate and its probability, or null when none reaches the threshold. */
export function choose<T extends { features: string[] }>(model: Model, candidates: T[], lang: string): { best: T; p: number } | null {
  let best: { best: T; p: number } | null = null;
  for (const c of candidates) {
    const p = probability(model, c.features, lang);
    if (!best || p > best.p) best = { best: c, p };
  }
  return best && best.p >= model.threshold ? best : null;
}
