import { blockHash, locateBlocks, type LocatedBlock } from './blocks';
import { exactSpans, fuzzySpans, MAX_CANDIDATES, type Span } from './candidates';
import { endAlignedSimilarity, startAlignedSimilarity } from './distance';
import { normalizeWithMap, unifyQuotesAndSpaces, type NormalizedText } from './normalize';
import type {
  AnchorMethod,
  AnchorResult,
  BlockPoint,
  BlockSelector,
  BlockText,
  OrphanReason,
  QuoteSelector,
  Selectors,
} from './types';

/*
 * Acceptance thresholds. A wrong anchor is worse than an orphan, so each is strict; the eval
 * (`npm run eval:anchors`) measures what they cost.
 */
/** Context similarity (0..1) that confirms a candidate on that side. */
const SUPPORTED = 0.6;
/** Score lead over the runner-up required to pick a candidate; closer means ambiguous. */
const MARGIN = 0.5;
/** A unique, unchanged quote (or a piece of one) this long identifies itself without context. */
const DISTINCTIVE_LENGTH = 40;
/** Extra characters of text compared around a candidate, so edits in the context cost what they change. */
const SLACK = 8;

/**
 * Finds the highlight described by `selectors` in `text` (the article's current clean text).
 * In order: the recorded position (in its unchanged blocks, or in the article) if the quote is
 * still there; else the exact quote, then a typo-level fuzzy match, scored on context and
 * distance from the expected position. Anything not placed with confidence is an orphan.
 */
export function anchor(text: string, selectors: Selectors, blocks?: readonly BlockText[]): AnchorResult {
  const { quote, position } = selectors;
  if (!quote.exact) return orphan('empty-quote');
  const length = quote.exact.length;
  const pins = selectors.block && blocks ? blockPins(locateBlocks(text, blocks), selectors.block) : {};
  const pinned = { start: pins.start !== undefined, end: pins.end !== undefined };
  const fits = (start: number, end: number) =>
    (pins.start === undefined || pins.start === start) && (pins.end === undefined || pins.end === end);
  const context = (start: number) => contextAt(text, start, start + length, quote.prefix, quote.suffix);

  const fromPins = pins.start ?? (pins.end === undefined ? undefined : pins.end - length);
  if (
    fromPins !== undefined &&
    text.startsWith(quote.exact, fromPins) &&
    fits(fromPins, fromPins + length) &&
    edgesConfirmed(quote.exact, context(fromPins), pinned)
  ) {
    return placed(fromPins, fromPins + length, 'position');
  }
  const at = position.start;
  const here = text.startsWith(quote.exact, at) && fits(at, at + length) ? context(at) : undefined;
  if (here && supported(0, here) && edgesConfirmed(quote.exact, here, pinned)) {
    return placed(at, at + length, 'position');
  }
  return search(text, quote, pins.expected ?? at, fits, pinned);
}

interface Pins {
  /** Where the highlight must start: its start block is unchanged and unique. */
  start?: number;
  /** Where the highlight must end: its end block is unchanged and unique. */
  end?: number;
  /** Where the highlight's start is expected: in its start block, found by hash or id. */
  expected?: number;
}

/**
 * Block evidence. A block whose text was unique and still is, unchanged, is the same block, so
 * the highlight's end in it can only be at the same offset: text elsewhere that reads the same
 * (a paragraph moved next to a similar one, a pull quote repeating a sentence) is not it.
 */
function blockPins(blocks: LocatedBlock[], selector: BlockSelector): Pins {
  const unique = (point: BlockPoint) => {
    if (point.repeated) return undefined;
    const same = blocks.filter((b) => blockHash(b.text) === point.hash);
    return same.length === 1 ? same[0]!.offset + point.offset : undefined;
  };
  const start = unique(selector.start);
  const byId = blocks.find((b) => b.id === selector.start.id);
  return {
    start,
    end: unique(selector.end),
    expected: start ?? (byId && byId.offset + selector.start.offset),
  };
}

interface Context {
  /** Similarity of the recorded prefix to the text before (0..1). */
  p: number;
  /** Similarity of the recorded suffix to the text after (0..1). */
  s: number;
}

function contextAt(text: string, start: number, end: number, prefix: string, suffix: string): Context {
  return {
    p: endAlignedSimilarity(prefix, text.slice(Math.max(0, start - prefix.length - SLACK), start)),
    s: startAlignedSimilarity(suffix, text.slice(end, end + suffix.length + SLACK)),
  };
}

/**
 * Whether the context supports a candidate: one side is enough for the unchanged quote (the
 * other may be a paragraph that was edited); an edited quote needs both, since near a changed
 * edge (a paragraph moved, a word replaced) a few edits can make other text look like it.
 */
function supported(errors: number, { p, s }: Context): boolean {
  return errors ? p >= SUPPORTED && s >= SUPPORTED : p >= SUPPORTED || s >= SUPPORTED;
}

/**
 * A quote spanning blocks starts and ends with pieces of other paragraphs, and a short piece
 * could be any paragraph that ends (starts) the same way: "bond." at the end of a list entry,
 * a "___" separator. A short edge piece must lie in its own unchanged block (`pinned`) or be
 * confirmed by the context on its side.
 */
function edgesConfirmed(exact: string, { p, s }: Context, pinned: { start: boolean; end: boolean }): boolean {
  const pieces = exact.split('\n\n');
  if (pieces.length === 1) return true;
  const first = pieces[0]!.length >= DISTINCTIVE_LENGTH || pinned.start || p >= SUPPORTED;
  const last = pieces[pieces.length - 1]!.length >= DISTINCTIVE_LENGTH || pinned.end || s >= SUPPORTED;
  return first && last;
}

interface Scored extends Span {
  score: number;
  confirmed: boolean;
}

function search(
  text: string,
  selector: QuoteSelector,
  expected: number,
  fits: (start: number, end: number) => boolean,
  pinned: { start: boolean; end: boolean },
): AnchorResult {
  const norm = normalized(text);
  const quote = unifyQuotesAndSpaces(selector.exact);
  const prefix = unifyQuotesAndSpaces(selector.prefix);
  const suffix = unifyQuotesAndSpaces(selector.suffix);

  const exact = exactSpans(norm.text, quote);
  if (exact.length > MAX_CANDIDATES) return orphan('ambiguous');
  const fuzzy = fuzzySpans(norm.text, quote, { prefix, suffix }, exact);
  const spans = [...exact, ...fuzzy.spans];
  if (!spans.length) return orphan(fuzzy.rejected ? 'too-different' : 'not-found');
  // Fewer copies than when highlighted: one went, and nothing says which.
  if (spans.length > MAX_CANDIDATES || spans.length < (selector.count ?? 1)) return orphan('ambiguous');

  const scored = spans
    .filter((span) => fits(norm.starts[span.start]!, norm.ends[span.end - 1]!))
    .map((span): Scored => {
      const context = contextAt(norm.text, span.start, span.end, prefix, suffix);
      const rawStart = norm.starts[span.start]!;
      const proximity = 1 - Math.min(1, Math.abs(rawStart - expected) / Math.max(1, text.length));
      // Context dominates; the quote's own errors count double (one side of context is
      // often lost at a paragraph edge); proximity only breaks near-ties in context.
      const score = context.p + context.s + 2 * (1 - span.errors / quote.length) + 0.25 * proximity;
      const confirmed = supported(span.errors, context) && edgesConfirmed(selector.exact, context, pinned);
      return { ...span, score, confirmed };
    })
    .sort((x, y) => y.score - x.score);

  const [best, runnerUp] = scored;
  if (!best) return orphan('not-found');
  if (runnerUp && runnerUp.score > best.score - MARGIN) return orphan('ambiguous');
  const distinctive = scored.length === 1 && best.errors === 0 && quote.length >= DISTINCTIVE_LENGTH;
  if (!best.confirmed && !distinctive) return orphan('weak-context');

  const start = norm.starts[best.start]!;
  const end = norm.ends[best.end - 1]!;
  return placed(start, end, text.slice(start, end) === selector.exact ? 'quote' : 'fuzzy');
}

/** Anchoring many highlights against one article normalises its text once. */
let lastNormalized: { text: string; norm: NormalizedText } | undefined;

function normalized(text: string): NormalizedText {
  if (lastNormalized?.text !== text) lastNormalized = { text, norm: normalizeWithMap(text) };
  return lastNormalized.norm;
}

const placed = (start: number, end: number, method: AnchorMethod): AnchorResult => ({ start, end, method });
const orphan = (reason: OrphanReason): AnchorResult => ({ orphan: true, reason });
