/**
 * What read aloud says, in order: the article's readable blocks as paragraphs, each cut into
 * chunks (see text.ts) that never straddle a sentence or a quote. A direct quote attributed
 * with a sure tier (the same threshold the views use to name a speaker plainly) is its own
 * chunk(s), carrying its speaker, so that it can be read in that speaker's voice.
 */
import { DEFAULT_MIN_CONFIDENCE } from '../../utils/quotes/tiers';
import type { Article, Block, Quote } from '../../utils/types';
import { chunk, sentences, type Span } from './text';

export interface Chunk extends Span {
  /** The sentence the chunk belongs to (marked while the chunk is spoken). */
  sentence: Span;
  /** The quoted speaker, or null for the narration. */
  speaker: string | null;
}

export interface Paragraph {
  blockId: string;
  text: string;
  chunks: Chunk[];
}

/** Blocks with running text; figures, images, code and tables are not read. */
const READ: ReadonlySet<Block['type']> = new Set(['heading', 'paragraph', 'blockquote', 'list']);

/** Direct quotes with a named speaker at or above `min`: the ones given a voice. */
export function voicedQuotes(article: Article, min = DEFAULT_MIN_CONFIDENCE): Quote[] {
  return article.quotes.filter((q) => q.kind === 'direct' && q.speaker !== null && q.confidence >= min && q.end > q.start);
}

/** The speakers of the voiced quotes in reading order of their first quote (the casting order). */
export function speakersInOrder(article: Article, min = DEFAULT_MIN_CONFIDENCE): string[] {
  const order = new Map(article.blocks.map((b, i) => [b.id, i]));
  const quotes = voicedQuotes(article, min).sort(
    (a, b) => (order.get(a.blockId) ?? 0) - (order.get(b.blockId) ?? 0) || a.start - b.start,
  );
  return [...new Set(quotes.map((q) => q.speaker!))];
}

/** Narration and quote segments covering `text` (quotes sorted, overlapping ones dropped). */
function segments(text: string, quotes: readonly Quote[]): { span: Span; speaker: string | null }[] {
  const out: { span: Span; speaker: string | null }[] = [];
  let pos = 0;
  for (const q of [...quotes].sort((a, b) => a.start - b.start)) {
    if (q.start < pos || q.end > text.length) continue;
    if (q.start > pos) out.push({ span: { start: pos, end: q.start }, speaker: null });
    out.push({ span: { start: q.start, end: q.end }, speaker: q.speaker });
    pos = q.end;
  }
  if (pos < text.length) out.push({ span: { start: pos, end: text.length }, speaker: null });
  return out;
}

export interface PlanOptions {
  /** The longest chunk (see `maxChunkChars`). */
  maxChars: number;
  /** Read sure quotes as their speaker's (false: everything is narration). */
  speakerVoices: boolean;
  minConfidence?: number;
}

/** One block as a paragraph to read, or null when there is nothing to say in it. */
export function planBlock(block: Block, lang: string | null, quotes: readonly Quote[], opts: PlanOptions): Paragraph | null {
  if (!READ.has(block.type)) return null;
  const { text } = block;
  const chunks: Chunk[] = [];
  const sentenceSpans = sentences(text, lang);
  for (const seg of segments(text, opts.speakerVoices ? quotes : [])) {
    for (const sentence of sentenceSpans) {
      const start = Math.max(seg.span.start, sentence.start);
      const end = Math.min(seg.span.end, sentence.end);
      if (start >= end) continue;
      for (const piece of chunk(text, { start, end }, opts.maxChars)) chunks.push({ ...piece, sentence, speaker: seg.speaker });
    }
  }
  return chunks.length ? { blockId: block.id, text, chunks } : null;
}

/** The paragraphs to read among `visible` blocks (those on screen: not folded away), in order. */
export function planArticle(article: Article, visible: ReadonlySet<string>, opts: PlanOptions): Paragraph[] {
  const byBlock = new Map<string, Quote[]>();
  for (const q of voicedQuotes(article, opts.minConfidence)) byBlock.set(q.blockId, [...(byBlock.get(q.blockId) ?? []), q]);
  const out: Paragraph[] = [];
  for (const block of article.blocks) {
    if (!visible.has(block.id)) continue;
    const paragraph = planBlock(block, article.lang, byBlock.get(block.id) ?? [], opts);
    if (paragraph) out.push(paragraph);
  }
  return out;
}
