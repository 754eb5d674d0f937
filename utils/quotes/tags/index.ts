/**
 * The tag finders of a direct quote, in order of precedence: the first that finds a tag gives the
 * quote its speaker; a quote none tags goes to the fallbacks (the previous speaker, the previous
 * sentence's subject), then to the candidate scorer (candidate-pass.ts). Before them all, a tag
 * inside the marks (incise.ts) splits the quote in two. The tiers they give are measured in
 * tiers.ts; the walk that applies them is attribute.ts.
 */

import { afterTag } from './after';
import { anaphoricTag } from './anaphoric';
import { beforeTag } from './before';
import { colonTag } from './colon';
import { dialogueTurn } from './dialogue-turn';
import { endTag } from './end';
import { firstPersonTag } from './first-person';
import { floatingTag } from './floating';
import { judgedTag } from './judged';
import { markerTag } from './marker';
import { nextTag } from './next';
import { splitTag } from './split';
import { subjectTag } from './subject';
import type { Fallback, TagFinder } from './types';
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
  // "«…». Así lo explicó X": the next sentence points back at the quote.
  anaphoricTag,
  // "Mit den Worten „…“, richtete er …": a quote announced as someone's words.
  wordsTag,
  // "X bestreitet jede Kenntnis: „…“" / "Inès, 20 ans : « … »": the subject or label before a colon.
  colonTag,
  // "Er bezeichnete das Schreiben als „…“": the subject opening the sentence, no speech verb.
  subjectTag,
  // "Die Regierung hatte den Bericht als „falsch“ zurückgewiesen": a label a judging verb after it gives.
  judgedTag,
];

/** For a quote no finder tagged, in order: the first that applies gives its tag and speaker. */
export const FALLBACKS: readonly Fallback[] = [
  // "…,” he said.¶“More…”: a quote opening its sentence continues the latest speaker (tier floating).
  floatingTag,
  // "—¿Y si no firman? ¶ —No vamos a ceder.": an interview's answer continues the previous answer's speaker.
  dialogueTurn,
  // "Die SPD will … „Wir wollen …“": a first-person quote speaks for the previous sentence's subject.
  firstPersonTag,
];

export { answerer } from './answer';
export { continuing } from './floating';
export { incise } from './incise';
export type { DirectQuote, Fallback, Resolved, Tag, TagFinder, Who } from './types';
