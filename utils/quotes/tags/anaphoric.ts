/**
 * "«…». Así lo recoge el juez X en un escrito." / "«…». Así lo ha explicado la ministra.": the
 * sentence after a quote opens with an anaphor that points back at it (rules' `anaphoricTag`),
 * then a verb and its subject. The anaphor makes any verb of the tag-verb shape a report
 * ("recoge", "plasmó"); with the subject dropped ("Así lo aseguró en la radio."), the previous
 * speaker.
 */

import type { Context } from '../context';
import { cutPhrase } from '../patterns';
import { analyzePhrase, type Mention } from '../speakers';
import type { DirectQuote, Tag } from './types';

/** Stops and closing marks between the quote and the next sentence. */
const STOP_GAP = /^[\s\u00a0\u202f»”"’]*[.!?…][\s\u00a0\u202f»”"’]*/u;
/** A lower-case word, and where it ends. */
const WORD = /^[\s\u00a0\u202f]*(\p{Ll}+)(?![\p{L}’'-])/u;

export function anaphoricTag(ctx: Context, { last: seg, text: quoteText }: DirectQuote): Tag | null {
  const L = ctx.L;
  if (!L.anaphoricTag || !L.tagVerb) return null;
  const text = ctx.units[seg.block].text;
  // The quote ends its sentence: a stop inside the marks, or right after them.
  const gap = STOP_GAP.exec(text.slice(seg.close)) ?? (/[.!?…]$/.test(quoteText) ? /^[\s\u00a0\u202f]*/u.exec(text.slice(seg.close)) : null);
  if (!gap) return null;
  const from = seg.close + gap[0].length;
  const stop = ctx.sentenceEnd(seg.block, from);
  const sentence = text.slice(from, stop);
  const anaphor = L.anaphoricTag.exec(sentence);
  if (!anaphor) return null;
  let at = anaphor[0].length;
  // An auxiliary, then the verb: listed, or of the language's tag-verb shape.
  let word = WORD.exec(sentence.slice(at));
  if (word && L.aux.includes(word[1])) {
    at += word[0].length;
    word = WORD.exec(sentence.slice(at));
  }
  if (!word || !(L.tagVerb.shape.test(word[1]) || L.verbs.includes(word[1]))) return null;
  const cue = sentence.slice(anaphor[0].length, at + word[0].length).trim();
  at += word[0].length;
  at += ctx.P.skip.exec(sentence.slice(at))![0].length;
  const rest = sentence.slice(at);
  const np = cutPhrase(rest, L);
  const mention: Mention | null = np ? analyzePhrase(np, L) : null;
  const end = from + at + (np ? rest.indexOf(np) + np.length : 0);
  if (mention) return { mention, cue, tier: 'after', block: seg.block, end };
  // "Así lo aseguró." / "Así lo explicó en la radio.": the subject left out.
  const dropped = L.dropsSubject && (/^[\s\u00a0\u202f]*[.;,]/.test(rest) || (L.prepositions ?? []).includes(WORD.exec(rest)?.[1] ?? ''));
  return dropped ? { mention: { kind: 'pronoun', gender: null }, cue, tier: 'after', block: seg.block, end: from + at } : null;
}
