/**
 * Rule tiers, most precise first, and their measured end-to-end precision (quote and speaker
 * both right) on the development sets (`npm run eval:quotes`, all languages pooled). A quote's
 * `confidence` is its tier's precision; the UI shows tiers at or above DEFAULT_MIN_CONFIDENCE.
 *
 * Measured (tier: predicted / right): after 222/201, after-pronoun 76/63, before 36/29,
 * before-pronoun 5/4, split 17/13, sentence 73/55, sentence-pronoun 9/8, reported 98/73,
 * said-that 87/68, said-that-pronoun 14/14, floating 130/97. Small tiers (< 20 quotes) are noisy;
 * reported-pronoun has no measured case and borrows the reported figure.
 */

export const TIER_PRECISION = {
  /** `”, said X` / `», a déclaré X` / `“, sagte X` / `” X said`. */
  after: 0.905,
  /** `», a-t-il ajouté` / `” he said`: the pronoun resolved to the latest speaker. */
  'after-pronoun': 0.829,
  /** `X said: “` / `X a déclaré : «` / `sagte X: „`. */
  before: 0.806,
  'before-pronoun': 0.8,
  /** The second part of a quote split by its tag. */
  split: 0.765,
  /** A speech verb earlier in the quote's sentence ("X a estimé que la situation était « grave »"). */
  sentence: 0.753,
  'sentence-pronoun': 0.889,
  /** according to / selon / d'après / laut / zufolge / nach Angaben / según. */
  reported: 0.745,
  'reported-pronoun': 0.745,
  /** `X said that …`. */
  'said-that': 0.782,
  'said-that-pronoun': 1.0,
  /** A quote without a tag, given to the previous speaker (nobody else named in between). */
  floating: 0.746,
} as const;

export type Tier = keyof typeof TIER_PRECISION;

export const DEFAULT_MIN_CONFIDENCE = 0.9;

export const confidence = (tier: Tier): number => TIER_PRECISION[tier];
