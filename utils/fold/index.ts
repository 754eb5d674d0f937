/**
 * The folding step: after the block model, decide which blocks are repeats or page furniture.
 * Nothing is removed: each fold names its block, its reason, a human detail and, for a
 * duplicate, the kept twin; the view shows "3 lines folded" and unfolds any of them in place.
 *
 * Order: the reader's own rules first ("content" always wins, "clutter" always folds), then
 * boilerplate, then duplicates among what is left.
 */
import type { Block, Fold, FoldCode } from '../types';
import { boilerplateOf, introducesLinks, isLabel, type BoilerplateFold, type Position } from './boilerplate';
import { findDuplicates } from './duplicates';
import { fingerprint, plainWords, wordCount } from './normalise';
export { isRunningProse } from './prose';

export { fingerprint } from './normalise';

/** A reader's per-site corrections, as fingerprints (see `fingerprint`) of block texts. */
export interface FoldRules {
  /** Blocks the reader marked as clutter: always folded ('user-rule'). */
  clutter: string[];
  /** Blocks the reader marked as content: never folded. */
  content: string[];
}

export interface FoldContext {
  /** The article's headline (shown above the text): body copies of it are folded. */
  title: string;
  byline: string | null;
  /** The page's own addresses, its URL first, then its canonical link and og:url (see PageContext). */
  addresses?: readonly string[];
  rules?: FoldRules;
}

/** A paragraph of at least this many words, not mostly links, is the article's prose. */
const PROSE_WORDS = 30;
/**
 * Folds from hints alone, or of promoted stories, may each take at most this share of the
 * text's words: beyond it, the hints describe the article (a live ticker's entries marked as
 * "comments"), or the links are the article (a page of links to the site's stories), and those
 * folds are undone.
 */
const MAX_WEAK_SHARE = 0.5;
/** Folds on evidence that a whole page may share: checked against MAX_WEAK_SHARE. */
const WEAK_CODES: readonly FoldCode[] = ['hint', 'promo'];
/** A line with at least this share of its text in links is wholly a link. */
const WHOLE_LINK = 0.9;
/** The end of a sentence or of a label line, closing quotes and brackets allowed. */
const SENTENCE_OR_LABEL_END = /[.!?…:：]["'»”’)\]]*\s*$/u;
/** A line that may label what follows ("Lire aussi :", "Zum Thema:"): short, ending in a colon. */
const LABEL_WORDS = 5;

export function foldBlocks(blocks: Block[], ctx: FoldContext): Fold[] {
  const content = new Set(ctx.rules?.content ?? []);
  const clutter = new Set(ctx.rules?.clutter ?? []);
  const folds = new Map<string, Fold>();
  const keep = new Set<string>();

  for (const b of blocks) {
    if (!content.size && !clutter.size) break;
    const print = fingerprint(b.text);
    if (content.has(print)) keep.add(b.id);
    else if (b.text && clutter.has(print)) {
      folds.set(b.id, { blockId: b.id, reason: 'user-rule', code: 'user-rule', detail: 'you marked this as clutter' });
    }
  }

  const positions = positionsOf(blocks);
  let previous: BoilerplateFold | null = null;
  // A label line inside the body ("Leggi anche", "Latest news") is furniture together with what
  // it introduces: when the next text block stays, so does the label that makes sense of it.
  let pendingLabel: string | null = null;
  // The last text block left unfolded, when it may be a label for the links after it.
  let colonLine: Block | null = null;
  blocks.forEach((b, i) => {
    if (keep.has(b.id) || folds.has(b.id)) {
      if (pendingLabel && keep.has(b.id)) folds.delete(pendingLabel);
      previous = null;
      pendingLabel = null;
      colonLine = null;
      return;
    }
    let fold = boilerplateOf(b, positions[i], ctx);
    // The list of links under a "Read more" / "Latest" label goes with it.
    if (!fold && introducesLinks(previous) && b.type === 'list' && (b.signals?.linkDensity ?? 0) >= 0.5) {
      fold = { reason: previous!.reason, code: 'links', detail: 'related links' };
    }
    // A short line ending in a colon, in any language, labels the related links that follow it.
    if ((fold?.code === 'links' || fold?.code === 'promo') && colonLine) {
      folds.set(colonLine.id, { blockId: colonLine.id, reason: 'boilerplate:related', code: 'label', detail: 'related links heading' });
    }
    if (fold) folds.set(b.id, { blockId: b.id, ...fold });
    if (!b.text) return;
    if (pendingLabel && !fold) folds.delete(pendingLabel);
    pendingLabel = fold && isLabel(fold) && !positions[i].edge ? b.id : null;
    previous = fold;
    colonLine = !fold && isColonLabel(b) ? b : null;
  });
  unfoldWeakFoldsOverArticle(blocks, folds);
  foldTrailingHeadings(blocks, positions, folds, keep);

  const skip = new Set([...keep, ...folds.keys()]);
  for (const d of findDuplicates(blocks, positions, ctx, skip)) {
    folds.set(d.blockId, { blockId: d.blockId, reason: 'duplicate', code: d.code, ...(d.of ? { of: d.of } : {}), detail: d.detail });
  }
  // Reading order, like the blocks.
  const order = new Map(blocks.map((b, i) => [b.id, i]));
  return [...folds.values()].sort((a, b) => (order.get(a.blockId) ?? 0) - (order.get(b.blockId) ?? 0));
}

function isColonLabel(b: Block): boolean {
  if (b.type !== 'paragraph' && b.type !== 'heading') return false;
  return /[:：]\s*$/u.test(b.text) && wordCount(plainWords(b.text)) <= LABEL_WORDS;
}

/**
 * Headings that end the text, after the last prose paragraph, with no kept text after them:
 * they head nothing the reader sees ("Tell us what you think", "More business news", a rule of
 * underscores), whatever their words.
 */
function foldTrailingHeadings(blocks: Block[], positions: Position[], folds: Map<string, Fold>, keep: Set<string>): void {
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i];
    if (!b.text || b.type === 'figure' || b.type === 'image' || folds.has(b.id)) continue;
    if (b.type !== 'heading' || keep.has(b.id) || !positions[i].edge || positions[i].beforeProse) return;
    folds.set(b.id, { blockId: b.id, reason: 'boilerplate:navigation', code: 'text', detail: 'heading with nothing after it' });
  }
}

/**
 * When folds of one weak kind would take most of the text, that kind marks the article itself
 * (a ticker's entries in a "comments" stream, a forum thread, a page of story links): those
 * folds are undone.
 */
function unfoldWeakFoldsOverArticle(blocks: Block[], folds: Map<string, Fold>): void {
  let total = 0;
  const weak = new Map<FoldCode, number>();
  for (const b of blocks) {
    const words = wordCount(plainWords(b.text));
    total += words;
    const code = folds.get(b.id)?.code;
    if (code && WEAK_CODES.includes(code)) weak.set(code, (weak.get(code) ?? 0) + words);
  }
  let undone = false;
  for (const [code, words] of weak) {
    if (words <= MAX_WEAK_SHARE * total) continue;
    for (const [id, f] of folds) if (f.code === code) folds.delete(id);
    undone = true;
  }
  if (!undone) return;
  // A label stays with what it introduces: one before a text block now kept is kept too.
  blocks.forEach((b, i) => {
    if (folds.get(b.id)?.code !== 'label') return;
    const next = blocks.slice(i + 1).find((n) => n.text && n.type !== 'figure' && n.type !== 'image');
    if (next && !folds.has(next.id)) folds.delete(b.id);
  });
}

/** Each block's place relative to the first and last prose paragraphs. */
function positionsOf(blocks: Block[]): Position[] {
  const isProse = (b: Block) =>
    b.type === 'paragraph' && (b.signals?.linkDensity ?? 0) < 0.5 && wordCount(plainWords(b.text)) >= PROSE_WORDS;
  const first = blocks.findIndex(isProse);
  let last = -1;
  for (let i = blocks.length - 1; i >= 0; i--) {
    if (isProse(blocks[i])) {
      last = i;
      break;
    }
  }
  const textual = blocks.map((b, i) => (b.text && b.type !== 'figure' && b.type !== 'image' ? i : -1)).filter((i) => i >= 0);
  const lastTwo = new Set(textual.slice(-2));
  // For each text block, whether the nearest text before (after) it, past wholly linked lines,
  // ends like a sentence or a label.
  const wholeLink = (b: Block) => (b.signals?.linkDensity ?? 0) >= WHOLE_LINK;
  const textBefore = new Map<number, boolean>();
  const textAfter = new Map<number, boolean>();
  let seen = false;
  for (const i of textual) {
    textBefore.set(i, seen);
    if (!wholeLink(blocks[i])) seen = SENTENCE_OR_LABEL_END.test(blocks[i].text);
  }
  seen = false;
  for (const i of [...textual].reverse()) {
    textAfter.set(i, seen);
    if (!wholeLink(blocks[i])) seen = SENTENCE_OR_LABEL_END.test(blocks[i].text);
  }
  return blocks.map((_, i) => ({
    edge: first < 0 || i < first || i > last,
    beforeProse: first < 0 || i < first,
    last: lastTwo.has(i),
    inText: !!(textBefore.get(i) || textAfter.get(i)),
  }));
}
