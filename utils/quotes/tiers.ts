/**
 * Rule tiers, most precise first, and their measured end-to-end precision (quote and speaker
 * both right) on the development sets (`npm run eval:quotes`, all languages pooled). A quote's
 * `confidence` is its tier's precision; the UI shows tiers at or above DEFAULT_MIN_CONFIDENCE.
 *
 * Measured (tier: predicted / right): after 220/194, after-pronoun 76/64, before 35/28,
 * before-pronoun 7/7, incise 8/8, dash 12/12, split 16/14, sentence 71/54, sentence-pronoun 11/10,
 * subject 17/13, subject-pronoun 11/7, reported 84/65, said-that 82/67, said-that-pronoun 15/15,
 * floating 136/113. Small tiers (< 20 quotes) are noisy; reported-pronoun has no measured case
 * and borrows the reported figure.
 */

export const TIER_PRECISION = {
  /** `”, said X` / `», a déclaré X` / `“, sagte X` / `” X said`. */
  after: 0.882,
  /** `», a-t-il ajouté` / `” he said`: the pronoun resolved to the latest speaker. */
  'after-pronoun': 0.842,
  /** `X said: “` / `X a déclaré : «` / `sagte X: „`. */
  before: 0.8,
  'before-pronoun': 1.0,
  /** `« A, a poursuivi X. B »`: a tag inside the marks (French style), both parts. */
  incise: 1.0,
  /** `“A” ― Name`: a pull quote signed with a dash. */
  dash: 1.0,
  /** The second part of a quote split by its tag. */
  split: 0.875,
  /** A speech verb earlier in the quote's sentence ("X a estimé que la situation était « grave »"). */
  sentence: 0.761,
  'sentence-pronoun': 0.909,
  'subject-pronoun': 0.636,
  /** A quoted fragment inside a sentence whose subject is a pronoun or a known speaker. */
  subject: 0.765,
  /** according to / selon / d'après / laut / zufolge / nach Angaben / según. */
  reported: 0.774,
  'reported-pronoun': 0.774,
  /** `X said that …`. */
  'said-that': 0.817,
  'said-that-pronoun': 1.0,
  /** A quote without a tag, given to the previous speaker (nobody else named in between). */
  floating: 0.831,
} as const;

export type Tier = keyof typeof TIER_PRECISION;

export const DEFAULT_MIN_CONFIDENCE = 0.9;

export const confidence = (tier: Tier): number => TIER_PRECISION[tier];
