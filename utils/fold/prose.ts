/**
 * Running prose: what folding must never take for page furniture, whatever the classes of the
 * elements around it say.
 */
import type { Block } from '../types';
import { plainWords, wordCount } from './normalise';

/** A block of this many words, with few links, is prose even as a single sentence. */
const PROSE_MIN_WORDS = 25;
/** A sentence counts towards "two sentences" from this many words ("Photo: AFP." does not). */
const SENTENCE_WORDS = 4;
/** Few links: less than this share of the text inside links. */
const FEW_LINKS = 0.35;

const SENTENCE_END = /(?<=[.!?…]["'»”’)\]]*)\s+/u;

/** Two sentences or more, or PROSE_MIN_WORDS words or more, with few links. */
export function isRunningProse(block: Block): boolean {
  if (block.type !== 'paragraph' && block.type !== 'blockquote' && block.type !== 'list') return false;
  if ((block.signals?.linkDensity ?? 0) >= FEW_LINKS) return false;
  const text = plainWords(block.text);
  if (wordCount(text) >= PROSE_MIN_WORDS) return true;
  const long = block.text.split(SENTENCE_END).filter((s) => wordCount(plainWords(s)) >= SENTENCE_WORDS);
  return long.length >= 2;
}
