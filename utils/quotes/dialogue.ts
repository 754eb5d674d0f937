/**
 * Dialogue dashes (rules' `dialogueDash`, Spanish): a paragraph that opens with a dash is speech,
 * as in an interview's answers or reported dialogue. "—No vamos a ceder —dijo el ministro—. Es
 * nuestra última oferta." is two quotes split by their tag, as "«…» —dijo— «…»" would be; the
 * tag's dashes end and resume the speech. A paragraph that is only a question, with no tag, is the interviewer's
 * ("—¿Qué opina del acuerdo?") and no quote of a speaker the article names.
 */

import type { QuoteSegment } from './marks';
import type { LangData } from './rules/types';

/** The dashes of dialogue (em dash, horizontal bar); a hyphen or an en dash opens list items. */
const OPEN = /^[\s\u00a0\u202f]*[—―][\s\u00a0\u202f]*(?=[¿¡]?\p{Lu})/u;
/** A tag inside the speech: a space, a dash, then a lower-case word ("—dijo el ministro"). */
const INCISE = /[\s\u00a0\u202f][—―](?=\p{Ll})/gu;
/** Where a tag ends: its closing dash, maybe a stop or comma after it; or the paragraph's end. */
const INCISE_END = /[—―][.,;:]?[\s\u00a0\u202f]*|$/gu;

/** The paragraph opens with a dialogue dash. */
export const opensDialogue = (text: string) => OPEN.test(text);

/** Group numbers of dialogue segments start here, apart from the marks' groups. */
const GROUP_BASE = 1_000_000;

/** The speech of the dash paragraphs of `texts`, as quote segments (the parts a tag splits, as marks' quotes are). */
export function dialogueSegments(texts: string[], L: LangData): QuoteSegment[] {
  if (!L.dialogueDash) return [];
  const out: QuoteSegment[] = [];
  let group = GROUP_BASE;
  texts.forEach((text, block) => {
    const open = OPEN.exec(text);
    if (!open) return;
    const parts: QuoteSegment[] = [];
    let from = open.index + open[0].length;
    let mark = text.indexOf(text.trimStart()[0]);
    while (from < text.length) {
      INCISE.lastIndex = from;
      const incise = INCISE.exec(text);
      const end = incise ? incise.index : text.length;
      parts.push(trimmed(text, block, mark, from, end, group++));
      if (!incise) break;
      // Past the tag: its closing dash ("—dijo—. Es …"); a tag that ends the paragraph ends the quote.
      INCISE_END.lastIndex = incise.index + 2;
      const close = INCISE_END.exec(text)!;
      if (!close[0]) break;
      mark = close.index;
      from = close.index + close[0].length;
    }
    const untagged = parts.length === 1 && parts[0].close === text.length;
    // An interviewer's question: the whole paragraph asks, and no tag says who.
    if (untagged && /\?[\s\u00a0\u202f]*$/.test(text) && !/[.!…][\s\u00a0\u202f]/.test(text.slice(parts[0].start, parts[0].end))) return;
    out.push(...parts.filter((p) => p.end > p.start));
  });
  return out;
}

function trimmed(text: string, block: number, open: number, start: number, end: number, group: number): QuoteSegment {
  while (start < end && /[\s\u00a0\u202f]/.test(text[start])) start++;
  let e = end;
  while (e > start && /[\s\u00a0\u202f]/.test(text[e - 1])) e--;
  return { block, open, close: end, start, end: e, group };
}

/**
 * The marks' segments and the dialogue's, in reading order; a marked quote inside a dash
 * paragraph's speech is part of that speech, not a quote of its own.
 */
export function withDialogue(marked: QuoteSegment[], dialogue: QuoteSegment[]): QuoteSegment[] {
  if (!dialogue.length) return marked;
  const inside = (s: QuoteSegment) => dialogue.some((d) => d.block === s.block && s.open >= d.start && s.close <= d.close);
  return [...marked.filter((s) => !inside(s)), ...dialogue].sort((a, b) => a.block - b.block || a.open - b.open);
}
