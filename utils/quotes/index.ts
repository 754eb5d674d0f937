/**
 * The quotes step: finds direct quotes and reported speech in an article's blocks and
 * attributes them to speakers. Pure (no DOM, no I/O); linear in the text length.
 */

import type { Block, Quote, Speaker } from '../types';
import { Attributor, type AttributorOptions, type Unit } from './attribute';
import { settleSpeakers } from './entities';
import { pickLang } from './lang';

export { DEFAULT_MIN_CONFIDENCE, TIER_PRECISION, type Rule } from './tiers';

export interface QuotesOptions extends AttributorOptions {
  /** The page language ("fr-FR"); detected from the text when absent or unsupported. */
  lang?: string | null;
}

export interface QuotesResult {
  quotes: Quote[];
  speakers: Speaker[];
  /** The language whose rules were used ("en", "fr", "de", "es"). */
  lang: string;
}

const QUOTED_TYPES = new Set<Block['type']>(['paragraph', 'blockquote', 'list']);

export function attributeQuotes(blocks: Block[], opts: QuotesOptions = {}): QuotesResult {
  const units: Unit[] = blocks.filter((b) => QUOTED_TYPES.has(b.type)).map((b) => ({ id: b.id, text: b.text }));
  const L = pickLang(opts.lang, units.map((u) => u.text));
  const { quotes, speakers } = new Attributor(units, L, opts).run();
  // The speakers a reader is shown: persons and bodies the article names (entities.ts).
  const shown = settleSpeakers(
    quotes.map(({ rec: _rec, ...q }) => q),
    speakers,
    units,
    L,
  );
  return { ...shown, lang: L.code };
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
