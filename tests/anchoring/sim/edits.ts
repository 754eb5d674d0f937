import type { EditableDoc } from './doc';
import type { Rng } from './prng';

/** The ways sites edit published articles, as the eval simulates them. */
export const EDIT_KINDS = [
  'none',
  'typo',
  'quote-style',
  'whitespace',
  'reword',
  'insert',
  'delete',
  'reorder',
  'truncate',
  'mixed',
] as const;
export type EditKind = (typeof EDIT_KINDS)[number];

export interface EditContext {
  rng: Rng;
  /** Paragraphs of other articles, for inserted text and reworded sentences. */
  donor: string[];
}

const SEPARATOR = '\n\n';

interface Range {
  start: number;
  end: number;
}

function paragraphs(text: string): Range[] {
  const ranges: Range[] = [];
  let start = 0;
  for (;;) {
    const end = text.indexOf(SEPARATOR, start);
    ranges.push({ start, end: end < 0 ? text.length : end });
    if (end < 0) return ranges;
    start = end + SEPARATOR.length;
  }
}

function sentences(text: string): Range[] {
  return [...text.matchAll(/[^\s.!?][^.!?\n]*[.!?]+["”’)]*(?=\s|$)/g)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** Applies one kind of edit to `doc`, with as many edits as the article's length suggests. */
export function applyEdits(doc: EditableDoc, kind: EditKind, ctx: EditContext): void {
  const paras = paragraphs(doc.text).length;
  switch (kind) {
    case 'none':
      return;
    case 'typo':
      return repeat(Math.ceil(doc.text.length / 250), () => typo(doc, ctx));
    case 'quote-style':
      return switchQuoteStyle(doc);
    case 'whitespace':
      return whitespace(doc, ctx, 0.08);
    case 'reword':
      return reword(doc, ctx, 0.25);
    case 'insert':
      return repeat(Math.ceil(paras / 4), () => insertParagraph(doc, ctx));
    case 'delete':
      return repeat(Math.min(paras - 2, Math.ceil(paras / 5)), () => deleteParagraph(doc, ctx));
    case 'reorder':
      return repeat(Math.ceil(paras / 6), () => moveParagraph(doc, ctx));
    case 'truncate':
      return truncate(doc, ctx);
    case 'mixed': {
      const steps = [
        () => typo(doc, ctx),
        () => typo(doc, ctx),
        () => whitespace(doc, ctx, 0.02),
        () => reword(doc, ctx, 0.05),
        () => insertParagraph(doc, ctx),
        () => deleteParagraph(doc, ctx),
        () => moveParagraph(doc, ctx),
      ];
      for (const step of steps.sort(() => ctx.rng.next() - 0.5)) step();
      if (ctx.rng.chance(0.3)) truncate(doc, ctx);
      return;
    }
  }
}

function repeat(times: number, edit: () => void): void {
  for (let i = 0; i < times; i++) edit();
}

/**
 * A one-letter typo fixed (or made) inside a word: letters swapped, dropped, doubled or replaced.
 * First and last letters are left alone: at a highlight's edge such an edit leaves two equally
 * right answers ("kidnapped" or "kidnappedd"), which the eval could not score.
 */
function typo(doc: EditableDoc, { rng }: EditContext): void {
  const words = [...doc.text.matchAll(/\p{L}{4,}/gu)];
  if (!words.length) return;
  const { 0: word, index: at } = rng.pick(words);
  const i = rng.int(1, word.length - 3);
  const [a, b] = [word[i]!, word[i + 1]!];
  switch (rng.int(0, 3)) {
    case 0:
      return doc.replace(at + i, at + i + 2, b + a, true);
    case 1:
      return doc.replace(at + i, at + i + 1, '', true);
    case 2:
      return doc.replace(at + i + 1, at + i + 1, a, true);
    default:
      return doc.replace(at + i, at + i + 1, a === 'e' ? 'a' : 'e', true);
  }
}

/** The site switches typography: curly quotes become straight, or straight ones curly. */
function switchQuoteStyle(doc: EditableDoc): void {
  const curly = /[‘’“”]/.test(doc.text);
  const text = doc.text;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const opening = i === 0 || /[\s(]/.test(text[i - 1]!);
    let to = c;
    if (curly && (c === '‘' || c === '’')) to = "'";
    else if (curly && (c === '“' || c === '”')) to = '"';
    else if (!curly && c === "'") to = opening ? '‘' : '’';
    else if (!curly && c === '"') to = opening ? '“' : '”';
    if (to !== c) doc.replace(i, i + 1, to, true);
  }
}

/** Spaces doubled or made no-break, trailing spaces added to paragraphs. */
function whitespace(doc: EditableDoc, { rng }: EditContext, rate: number): void {
  const text = doc.text;
  for (let i = text.length - 1; i >= 0; i--) {
    if (text[i] === '\n' && text[i - 1] === '\n' && rng.chance(rate * 3)) doc.replace(i - 1, i - 1, ' ', true);
    if (text[i] !== ' ' || !rng.chance(rate)) continue;
    doc.replace(i, i + 1, rng.chance(0.5) ? '  ' : '\u00A0', true);
  }
}

/**
 * Sentences rewritten: words dropped, replaced, added and swapped (at least three changes).
 * Each change is made word by word, so untouched words keep their identity: a highlight on
 * words the rewording left alone still survives.
 */
function reword(doc: EditableDoc, ctx: EditContext, rate: number): void {
  const vocabulary = ctx.donor.join(' ').split(/\s+/).filter((w) => w.length > 2);
  for (const sentence of sentences(doc.text).reverse()) {
    if (!ctx.rng.chance(rate)) continue;
    let end = sentence.end;
    for (let change = 0; change < 3 || ctx.rng.chance(0.3); change++) {
      const words = [...doc.text.slice(sentence.start, end).matchAll(/\S+/g)].map((m) => ({
        start: sentence.start + m.index,
        end: sentence.start + m.index + m[0].length,
      }));
      const i = ctx.rng.int(0, words.length - 1);
      const w = words[i]!;
      const next = words[i + 1];
      const before = doc.text.length;
      const [word, nextWord] = [doc.text.slice(w.start, w.end), next && doc.text.slice(next.start, next.end)];
      const other = ctx.rng.pick(vocabulary);
      const op = ctx.rng.int(0, 3);
      // Every change really changes the text (a word is never replaced by itself).
      if (op === 0 && next) doc.replace(w.start, next.start, '', false);
      else if (op === 1 && other !== word) doc.replace(w.start, w.end, other, false);
      else if (op === 2) doc.replace(w.start, w.start, other + ' ', false);
      else if (next && nextWord !== word) doc.replace(w.start, next.end, `${nextWord} ${word}`, false);
      else doc.replace(w.end, w.end, ' ' + other, false);
      end += doc.text.length - before;
    }
  }
}

const BOILERPLATE = ['Advertisement', 'Read more: Our coverage of the day', 'Sign up for our newsletter.'];

/** A paragraph inserted: another article's text, a pull quote repeating a sentence, or boilerplate. */
function insertParagraph(doc: EditableDoc, { rng, donor }: EditContext): void {
  const roll = rng.next();
  const ownSentences = sentences(doc.text);
  const inserted =
    roll < 0.6 || !ownSentences.length
      ? rng.pick(donor)
      : roll < 0.85
        ? doc.text.slice(...spanOf(rng.pick(ownSentences)))
        : rng.pick(BOILERPLATE);
  const paras = paragraphs(doc.text);
  // The extractor folds a block that repeats another, so such a copy never reaches the text.
  if (paras.some((p) => doc.text.slice(p.start, p.end) === inserted)) return;
  const after = rng.pick(paras);
  if (rng.chance(0.1)) doc.replace(0, 0, inserted + SEPARATOR, false);
  else doc.replace(after.end, after.end, SEPARATOR + inserted, false);
}

const spanOf = (r: Range): [number, number] => [r.start, r.end];

/** A paragraph removed, with one of its separators. */
function deleteParagraph(doc: EditableDoc, { rng }: EditContext): void {
  const paras = paragraphs(doc.text);
  if (paras.length < 3) return;
  const p = rng.pick(paras);
  if (p.end < doc.text.length) doc.replace(p.start, p.end + SEPARATOR.length, '', false);
  else doc.replace(p.start - SEPARATOR.length, p.end, '', false);
}

/** A paragraph moved elsewhere (its text keeps its identity: highlights in it survive). */
function moveParagraph(doc: EditableDoc, { rng }: EditContext): void {
  const paras = paragraphs(doc.text);
  if (paras.length < 3) return;
  const k = rng.int(1, paras.length - 1);
  const p = paras[k]!;
  // The piece is the separator before the paragraph and the paragraph; it goes after another paragraph.
  const pieceStart = p.start - SEPARATOR.length;
  const rest = paragraphs(doc.text.slice(0, pieceStart) + doc.text.slice(p.end));
  const target = rng.pick(rest.filter((_, i) => i !== k - 1));
  if (target) doc.move(pieceStart, p.end, target.end);
}

/** The article cut short (a paywall, a failed load) at a sentence end, with a teaser line. */
function truncate(doc: EditableDoc, { rng }: EditContext): void {
  const length = doc.text.length;
  const ends = sentences(doc.text)
    .map((s) => s.end)
    .filter((end) => end > length * 0.4 && end < length * 0.9);
  if (!ends.length) return;
  doc.replace(rng.pick(ends), length, '…' + SEPARATOR + 'Subscribe to continue reading.', false);
}
