/**
 * The quotes step: finds direct quotes and reported speech in an article's blocks and
 * attributes them to speakers. Pure (no DOM, no I/O); linear in the text length.
 */

import type { Block } from '../types';
import { attributeWith, type QuotesOptions, type QuotesResult, quotedBlocks } from './engine';
import { langCode } from './lang';
import { RULES } from './rules/all';

export { DEFAULT_MIN_CONFIDENCE, TIER_PRECISION, type Rule } from './tiers';

export type { QuotesOptions, QuotesResult } from './engine';

/** The quotes step with every language's rules at hand (Node: the CLI, tests, evals). */
export function attributeQuotes(blocks: Block[], opts: QuotesOptions = {}): QuotesResult {
  const code = langCode(opts.lang, quotedBlocks(blocks).map((b) => b.text));
  return code ? attributeWith(blocks, RULES[code], opts) : { quotes: [], speakers: [], lang: null };
}

export interface TextParagraph {
  id: string;
  text: string;
  /** Offset of the paragraph in the input text. */
  offset: number;
}

/** Splits plain text into paragraphs on blank lines (ids p0, p1, …), keeping their offsets. */
export function splitParagraphs(text: string): TextParagraph[] {
  const out: TextParagraph[] = [];
  const re = /\n[ \t\u00a0]*\n\s*/g;
  let from = 0;
  const push = (end: number) => {
    const raw = text.slice(from, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body) out.push({ id: `p${out.length}`, text: body, offset: from + lead });
  };
  for (let m = re.exec(text); m; m = re.exec(text)) {
    push(m.index);
    from = m.index + m[0].length;
  }
  push(text.length);
  return out;
}

/** The quotes of plain text (the CLI's `quotes` subcommand): paragraphs are split on blank lines. */
export function quotesFromText(text: string, opts: QuotesOptions = {}): QuotesResult {
  const blocks: Block[] = splitParagraphs(text).map((p) => ({ id: p.id, type: 'paragraph', text: p.text, inlines: [{ text: p.text }] }));
  return attributeQuotes(blocks, opts);
}
