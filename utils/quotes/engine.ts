/** The quotes step for one language's rules: the engine shared by Node (index.ts) and the extension (article.ts). */

import type { Block, Quote, Speaker } from '../types';
import { Attributor, type AttributorOptions, type Unit } from './attribute';
import { settleSpeakers } from './entities';
import type { LangData } from './rules/types';

export interface QuotesOptions extends AttributorOptions {
  /** The page language ("fr-FR"); detected from the text when absent or unsupported. */
  lang?: string | null;
}

export interface QuotesResult {
  quotes: Quote[];
  speakers: Speaker[];
  /** The language whose rules were used ("en", "fr", "de", "es"); null when none fits the page (no quotes looked for). */
  lang: string | null;
}

// Headings too: a page's standfirst or subhead is often one ("Su abogado, Jesús Santos, ha
// anunciado …"), and names who the article quotes next (the texts the quotes sets were labelled on
// hold them as paragraphs). A heading that is only a short quote stays out by its shape (shape.ts).
const QUOTED_TYPES = new Set<Block['type']>(['paragraph', 'blockquote', 'list', 'heading']);

/** The blocks the quotes step reads: paragraphs, block quotes, lists and headings. */
export const quotedBlocks = (blocks: Block[]): Block[] => blocks.filter((b) => QUOTED_TYPES.has(b.type));

export function attributeWith(blocks: Block[], L: LangData, opts: AttributorOptions = {}): QuotesResult {
  const units: Unit[] = quotedBlocks(blocks).map((b) => ({ id: b.id, text: b.text }));
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
