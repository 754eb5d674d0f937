/**
 * A verb whose subject is left out (pronoun-drop languages, rules' `dropsSubject`): "…, pues
 * aseguró que «…»", "Después afirmó que …", "Criticó que «…»". The clause before
 * the verb holds no noun phrase — nothing, or lower-case function words and adverbs — so the
 * speaker is the one a pronoun would stand for.
 */

import type { Context } from '../context';
import type { CueMatch } from '../cues';
import type { Subject } from './cue-subject';

/** Longest run of words a subject-less clause may open with before its verb ("por lo que", "ya que también"). */
const MAX_WORDS = 4;

/**
 * The subject of the cue `m` in `before` (a sentence up to a quote) when it is dropped: a
 * pronoun that stands for the previous speaker, or null.
 */
export function droppedSubject(ctx: Context, before: string, m: CueMatch): Subject {
  const L = ctx.L;
  if (!L.dropsSubject) return null;
  const left = before.slice(0, m.index);
  const clause = left.split(/,[\s\u00a0\u202f]+/).pop()!;
  if (/[«»“”„"()]/.test(clause)) return null;
  const words = clause.trim().split(/[\s\u00a0\u202f]+/).filter(Boolean);
  if (words.length > MAX_WORDS) return null;
  // No determiner, body, source, pronoun or title: no noun phrase; the sentence's first word is
  // capitalised anyway, so it only needs to be a function word.
  const nouns = [L.determiners, L.orgWords, L.unnamedWords, Object.keys(L.pronouns), Object.keys(L.titles)];
  const functionWords = [L.leadWords, L.adverbs, L.timeWords, L.stopWords, L.that, L.relatives, L.coordinators ?? [], L.prepositions ?? []];
  const opens = clause === left;
  const time = (w = '') => L.timeWords.includes(w.toLowerCase());
  const none = words.every((w, i) => {
    const lw = w.toLowerCase();
    // "Este martes afirmó": a determiner that is a time word, before another, opens no noun phrase.
    if (nouns.some((list) => list.includes(lw)) && !(time(w) && time(words[i + 1]))) return false;
    return w === lw || (i === 0 && opens && functionWords.some((list) => list.includes(lw)));
  });
  const adjacent = ctx.P.gap.test(before.slice(m.end));
  return none ? { mention: { kind: 'pronoun', gender: null }, tier: adjacent ? 'before' : 'sentence' } : null;
}
