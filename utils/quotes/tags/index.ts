/**
 * The tag finders of a direct quote, in order of precedence: the first that finds a tag gives the
 * quote its speaker (a quote no finder tags may still continue the previous speaker, see
 * attribute.ts). The tiers they give are measured in tiers.ts.
 */

import { afterTag } from './after';
import { beforeTag } from './before';
import { colonTag } from './colon';
import { endTag } from './end';
import { markerTag } from './marker';
import { nextTag } from './next';
import { splitTag } from './split';
import { subjectTag } from './subject';
import type { TagFinder } from './types';
import { wordsTag } from './words';

export const TAG_FINDERS: readonly TagFinder[] = [
  // "“A,” said X, “B”": the second part of a quote split by its tag (or coordinated with the previous quote).
  splitTag,
  // "”, said X" / "», a déclaré X" / "“ X said": a tag right after the closing mark, or a dash and a signature.
  afterTag,
  // "X said: “" / "X a estimé que … « … »": a speech, naming or gerund verb earlier in the quote's sentence.
  beforeTag,
  // "selon X : « … »" / "laut X eine „…“": an according-to marker earlier in the quote's sentence.
  markerTag,
  // "“A”, “B”, a-t-il déclaré": the tag of the next quote in the same sentence.
  nextTag,
  // "Il est « trop tôt » si …, estimait X.": an inverted tag after a comma ending the quote's sentence.
  endTag,
  // "Mit den Worten „…“, richtete er …": a quote announced as someone's words.
  wordsTag,
  // "X bestreitet jede Kenntnis: „…“" / "Inès, 20 ans : « … »": the subject or label before a colon.
  colonTag,
  // "Er bezeichnete das Schreiben als „…“": the subject opening the sentence, no speech verb.
  subjectTag,
];

export { incise } from './incise';
export type { DirectQuote, Tag, TagFinder, Who } from './types';
