/**
 * Repeated content: the headline repeated in the body (or as a photo caption), a pull quote or
 * caption repeating a sentence of the text, a paragraph repeated later, image twins. A block is
 * folded as a duplicate only of what the reader sees: the headline shown above the text, or a
 * kept block (never of the page's summary, which no view shows).
 *
 * The richest occurrence is kept (a paragraph over the pull quote, heading or caption that
 * repeats one of its sentences; otherwise the first in reading order) and the others point at
 * it. Repetition alone is not clutter: short or item-like lines (interview labels, ingredients,
 * list items, refrains) are never folded as same-role repeats, and a line repeated three times
 * or more is a pattern of the article, not an accident of the page.
 *
 * Linear-ish: every comparison goes through hash maps of normalised blocks and sentences;
 * only short candidates are looked up as substrings of the prose.
 */
import type { Block, FigureBlock, FoldCode, ImageBlock } from '../types';
import type { Position } from './boilerplate';
import { plainWords, sentences, wordCount } from './normalise';

export interface DuplicateFold {
  blockId: string;
  code: Extract<FoldCode, 'headline' | 'repeat' | 'image'>;
  /** The kept block it repeats; absent when it repeats the headline (shown above the text). */
  of?: string;
  detail: string;
}

export interface DuplicateContext {
  title: string;
}

/** Same-role exact repeats shorter than this (in words) are kept: labels, ingredients, refrains. */
const MIN_REPEAT_WORDS = 12;
/** A pull quote, caption or heading must be at least this long to count as repeating a sentence. */
const MIN_QUOTED_WORDS = 6;
/** Only candidates up to this long are looked up as substrings of the prose. */
const MAX_SUBSTRING_WORDS = 80;
/** A line repeated this often is part of the article's pattern (refrain, label). */
const PATTERN_REPEATS = 3;
/** A one-sentence line shorter than this, shown before the prose, may be a highlight (see below). */
const HIGHLIGHT_WORDS = 25;

const ROLE_RANK: Record<Block['type'], number> = {
  paragraph: 5, list: 4, table: 4, code: 4, blockquote: 3, heading: 2, figure: 1, image: 0,
};

const CREDIT = /^(photo|photos|image|foto|bild|credit|credits|illustration|source|copyright)\b/;

/** `positions` are the blocks' places relative to the prose, index for index. */
export function findDuplicates(blocks: Block[], positions: Position[], ctx: DuplicateContext, skip: Set<string>): DuplicateFold[] {
  const folds: DuplicateFold[] = [];
  const folded = new Set<string>(skip);
  const fold = (block: Block, code: DuplicateFold['code'], detail: string, of?: string) => {
    folded.add(block.id);
    folds.push(of ? { blockId: block.id, code, of, detail } : { blockId: block.id, code, detail });
  };

  const title = plainWords(ctx.title);
  const norm = new Map<string, string>();
  for (const b of blocks) norm.set(b.id, b.type === 'figure' ? normaliseCaption(b) : plainWords(b.text));

  // 1. The headline repeated as a body line or as a photo caption (the picture stays in view).
  for (const b of blocks) {
    if (folded.has(b.id) || b.type === 'image' || b.type === 'list') continue;
    // A caption is compared whole (its sentence split would cut "M. Austin" in two).
    const t = b.type === 'figure' ? plainWords(b.text) : norm.get(b.id) ?? '';
    if (title && wordCount(title) >= 3 && repeatsLine(t, title)) fold(b, 'headline', b.type === 'figure' ? 'caption repeats the headline' : 'repeats the headline');
  }

  // 2. Exact repeats of a whole block: keep the richest role, else the first.
  const groups = new Map<string, Block[]>();
  for (const b of blocks) {
    const t = norm.get(b.id) ?? '';
    if (folded.has(b.id) || !t || b.type === 'image') continue;
    const group = groups.get(t);
    if (group) group.push(b);
    else groups.set(t, [b]);
  }
  const index = new Map(blocks.map((b, i) => [b.id, i]));
  // The middle of the body: halfway between its first and last prose paragraphs.
  const bodyStart = positions.findIndex((p) => !p.edge);
  const bodyMiddle = (bodyStart + positions.length - 1 - [...positions].reverse().findIndex((p) => !p.edge)) / 2;
  for (const [t, group] of groups) {
    if (group.length < 2) continue;
    const words = wordCount(t);
    // A highlight: a short one-sentence line set before the prose ("Highlights", "Key points")
    // and repeated in the first half of the body. Like a standfirst it is the article's own
    // summary: every copy stays. (A lede repeated at the end is a repeat of the page.)
    const [first, second] = group;
    const highlight =
      first.type === 'paragraph' &&
      words < HIGHLIGHT_WORDS &&
      positions[index.get(first.id)!].beforeProse &&
      index.get(second.id)! < bodyMiddle &&
      sentences(first.text).length === 1;
    const keep = group.reduce((best, b) => (ROLE_RANK[b.type] > ROLE_RANK[best.type] ? b : best));
    for (const b of group) {
      if (b === keep) continue;
      const sameRole = b.type === keep.type;
      const pattern = group.filter((g) => g.type === b.type).length >= PATTERN_REPEATS && words < 40;
      // Same-role repeats must be long; a heading/quote/caption copying a paragraph need only be a sentence.
      if (sameRole ? words >= MIN_REPEAT_WORDS && !pattern && !highlight && isSentence(b.text) : words >= MIN_QUOTED_WORDS) {
        fold(b, 'repeat', sameRole ? `repeats an earlier ${roleName(b)}` : `${roleName(b)} repeats the text`, keep.id);
      }
    }
  }

  // 3. A pull quote, heading, caption or short paragraph repeating sentences of the prose.
  const sentenceOwner = new Map<string, string>();
  const prose: { id: string; text: string }[] = [];
  for (const b of blocks) {
    if (folded.has(b.id) || !isProse(b)) continue;
    for (const s of sentences(b.text)) if (!sentenceOwner.has(s)) sentenceOwner.set(s, b.id);
    prose.push({ id: b.id, text: norm.get(b.id) ?? '' });
  }
  // One string of all the prose, with block boundaries, for substring look-ups of short candidates.
  const joined = prose.map((p) => ` ${p.text} `).join('\u0001');
  const starts: number[] = [];
  let offset = 0;
  for (const p of prose) {
    starts.push(offset);
    offset += p.text.length + 3;
  }
  const ownerAt = (index: number): string => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    return prose[lo].id;
  };
  for (const b of blocks) {
    const role = quotingRole(b);
    if (!role || folded.has(b.id)) continue;
    const t = norm.get(b.id) ?? '';
    const words = wordCount(t);
    if (words < MIN_QUOTED_WORDS || words > MAX_SUBSTRING_WORDS) continue;
    if ((groups.get(t)?.length ?? 0) >= PATTERN_REPEATS) continue;
    const own = (owner: string | undefined) => (owner && owner !== b.id ? owner : undefined);
    let owner = sentenceCover(b, t, sentenceOwner, own);
    // Pull quotes and captions may quote part of a sentence; a heading must be a whole one.
    if (!owner && role === 'quote') {
      const at = joined.indexOf(` ${t} `);
      if (at >= 0) owner = own(ownerAt(at));
    }
    if (owner) fold(b, 'repeat', `${roleName(b)} repeats a sentence of the text`, owner);
  }

  // 4. Image twins: the same picture twice (lazy placeholder and real image, srcset twins).
  const images = new Map<string, Block>();
  for (const b of blocks) {
    if (folded.has(b.id) || (b.type !== 'image' && b.type !== 'figure')) continue;
    for (const key of imageKeys(b)) {
      const first = images.get(key);
      if (first && first.id !== b.id) {
        const [keep, drop] = b.type === 'figure' && first.type === 'image' ? [b, first] : [first, b];
        if (!folded.has(drop.id)) fold(drop, 'image', 'repeats an image', keep.id);
        images.set(key, keep);
        break;
      }
      images.set(key, b);
    }
  }
  return folds;
}

/** The kept block holding every sentence of `b`, when one does (the first sentence's owner). */
function sentenceCover(
  b: Block,
  t: string,
  owners: Map<string, string>,
  own: (owner: string | undefined) => string | undefined,
): string | undefined {
  const list = b.type === 'figure' ? t.split('\n') : sentences(b.text);
  if (!list.length) return undefined;
  const first = own(owners.get(list[0]));
  if (!first) return undefined;
  return list.every((s) => own(owners.get(s))) ? first : undefined;
}

/**
 * How a block may repeat the prose: 'quote' (pull quote, caption, a paragraph set apart by a
 * clutter hint such as an aside) or 'heading'. Plain paragraphs repeating a sentence are the
 * article's own emphasis and stay.
 */
function quotingRole(b: Block): 'quote' | 'heading' | null {
  if (b.type === 'blockquote' || b.type === 'figure') return 'quote';
  if (b.type === 'heading') return 'heading';
  if (b.type === 'paragraph' && b.signals?.hints?.some((h) => h !== 'caption' && h !== 'lead')) return 'quote';
  return null;
}

/** Paragraphs, quotes and list blocks long enough to be the article's prose. */
function isProse(b: Block): boolean {
  if (b.type !== 'paragraph' && b.type !== 'blockquote' && b.type !== 'list') return false;
  return (b.signals?.linkDensity ?? 0) < 0.5 && wordCount(plainWords(b.text)) >= 15;
}

/**
 * Ends like running prose (. ! ? …, perhaps inside a closing quote). Item-like lines — an
 * ingredient list, a menu line, a table-ish label — do not, and repeat legitimately.
 */
function isSentence(text: string): boolean {
  return /[.!?…]["'»”’)\]]*\s*$/u.test(text);
}

/** `line` is the headline: equal, or one containing the other with little else. */
function repeatsLine(line: string, target: string): boolean {
  if (!line) return false;
  if (line === target) return true;
  const lw = wordCount(line);
  const tw = wordCount(target);
  if (lw < 4) return false;
  return (target.includes(line) && lw >= 0.8 * tw) || (line.includes(target) && tw >= 0.8 * lw);
}

/** A figure's caption sentences without credit lines, one per line; '' without a caption. */
function normaliseCaption(b: FigureBlock): string {
  return sentences(b.text).filter((s) => !CREDIT.test(s)).join('\n');
}

/** Keys under which an image is "the same picture": its file path without size variants. */
function imageKeys(b: ImageBlock | FigureBlock): string[] {
  const refs = b.type === 'image' ? [b.image] : b.images;
  return refs.map((r) => imageKey(r.src)).filter(Boolean);
}

function imageKey(src: string): string {
  try {
    const url = new URL(src);
    // "photo-300x200.jpg", "photo_w640.jpg", "photo@2x.jpg" are one picture.
    const path = url.pathname.replace(/[-_@](\d{2,4}x\d{2,4}|w\d{2,4}|h\d{2,4}|\d(\.\d)?x)(?=\.\w+$)/i, '');
    return url.hostname + path;
  } catch {
    return '';
  }
}

function roleName(b: Block): string {
  switch (b.type) {
    case 'heading':
      return 'heading';
    case 'blockquote':
      return 'pull quote';
    case 'figure':
      return 'caption';
    case 'list':
      return 'list';
    default:
      return 'paragraph';
  }
}
