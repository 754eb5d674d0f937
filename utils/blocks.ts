/**
 * Turns sanitized article markup into the block model: headings, paragraphs, quotes, lists,
 * figures, images, code and tables, each with a stable id and its plain text. Only text,
 * formatting flags and vetted http(s)/mailto URLs survive; no markup is carried over.
 */
import type { Block, BlockSignals, ImageRef, Inline } from './types';
import { hashText } from './text';
import { plainWords, wordCount } from './fold/normalise';
import { mathFormula, mathText } from './math';

const INLINE_TAGS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'del', 'dfn', 'em', 'i', 'ins', 'kbd', 'mark',
  'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr', 'br',
  'img', 'picture', 'source', 'font', 'math',
]);
const HEADINGS: Record<string, 1 | 2 | 3 | 4 | 5 | 6> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
/** Beyond this depth a subtree is read as plain text: hostile pages nest thousands deep. */
const MAX_DEPTH = 120;
const HINT_ATTR = 'data-lucid-hint';
/** What a quote may hold that its text alone would lose. */
const QUOTE_STRUCTURE = 'pre, ul, ol, table, figure';

interface Marks {
  href?: string;
  em?: boolean;
  strong?: boolean;
  code?: boolean;
  math?: Inline['math'];
}

/**
 * A raw run before whitespace is collapsed; `hard` marks a line break from <br> or a nested
 * block; `block` marks the edge of a nested block, where a paragraph ends; `image` stands where
 * an image stood in the text.
 */
interface RawRun extends Marks {
  text: string;
  hard?: boolean;
  block?: boolean;
  image?: ImageRef;
}

interface Collected {
  runs: RawRun[];
  /** Images that do not stand in the text (inside a list, a heading or a figure). */
  images: ImageRef[];
  links: number;
}

/** A paragraph's worth of runs, or an image that stood between paragraphs. */
type Piece = { runs: RawRun[] } | { image: ImageRef };

export interface BlockOptions {
  /** Base URL for relative links and images (the page's URL); relative URLs are dropped without it. */
  baseUrl?: string | null;
}

export function buildBlocks(root: ParentNode, options: BlockOptions = {}): Block[] {
  return new BlockBuilder(options.baseUrl ?? null).build(root);
}

class BlockBuilder {
  private readonly blocks: Block[] = [];
  private readonly seenIds = new Map<string, number>();
  /** Inside a quote that holds code, lists or tables: its paragraphs are quote blocks. */
  private quoted = false;

  constructor(private readonly baseUrl: string | null) {}

  build(root: ParentNode): Block[] {
    this.walkContainer(root, 0);
    markSubheads(this.blocks);
    return this.blocks;
  }

  /** Walks a container: loose inline content becomes paragraphs, block children become blocks. */
  private walkContainer(container: ParentNode, depth: number): void {
    let pending: Collected = { runs: [], images: [], links: 0 };
    const flush = () => {
      this.addTextBlock(this.textType, pending, container as Element);
      pending = { runs: [], images: [], links: 0 };
    };
    for (const child of Array.from(container.childNodes)) {
      if (child.nodeType === 3) {
        pending.runs.push({ text: child.nodeValue ?? '' });
      } else if (child.nodeType === 1) {
        const el = child as Element;
        const tag = el.localName;
        if (INLINE_TAGS.has(tag)) {
          this.collectInline(el, {}, pending, depth + 1);
        } else {
          flush();
          this.addBlockElement(el, depth + 1);
        }
      }
    }
    flush();
  }

  private addBlockElement(el: Element, depth: number): void {
    if (depth > MAX_DEPTH) {
      this.addTextBlock('paragraph', { runs: [{ text: el.textContent ?? '' }], images: [], links: 0 }, el);
      return;
    }
    const tag = el.localName;
    const level = HEADINGS[tag];
    if (level) {
      const c = this.inlinesOf(el, depth);
      this.addTextBlock('heading', c, el, { level });
      return;
    }
    switch (tag) {
      case 'p':
      case 'summary':
      case 'dt':
      case 'dd':
        this.addTextBlock(this.textType, this.inlinesOf(el, depth), el);
        return;
      case 'blockquote':
        if (el.querySelector(QUOTE_STRUCTURE)) this.walkQuote(el, depth);
        else this.addTextBlock('blockquote', this.inlinesOf(el, depth), el);
        return;
      case 'ul':
      case 'ol':
        this.addList(el, tag === 'ol', depth);
        return;
      case 'figure':
        this.addFigure(el, depth);
        return;
      case 'pre':
        this.addCode(el);
        return;
      case 'table':
        this.addTable(el, depth);
        return;
      case 'hr':
        return;
      case 'li':
        this.addTextBlock(this.textType, this.inlinesOf(el, depth), el);
        return;
      default:
        this.walkContainer(el, depth);
    }
  }

  private get textType(): 'paragraph' | 'blockquote' {
    return this.quoted ? 'blockquote' : 'paragraph';
  }

  /** A quote holding code, lists or tables keeps them: its blocks are read one by one. */
  private walkQuote(el: Element, depth: number): void {
    const outer = this.quoted;
    this.quoted = true;
    this.walkContainer(el, depth);
    this.quoted = outer;
  }

  /** Collects the inline content of an element, reading nested blocks as hard line breaks. */
  private inlinesOf(el: Element, depth: number): Collected {
    const out: Collected = { runs: [], images: [], links: 0 };
    this.collectInline(el, {}, out, depth, true);
    return out;
  }

  private collectInline(node: Element, marks: Marks, out: Collected, depth: number, isRoot = false): void {
    const tag = node.localName;
    if (tag === 'br') {
      out.runs.push({ text: '\n', hard: true });
      return;
    }
    if (tag === 'img' || tag === 'picture') {
      const img = tag === 'img' ? node : node.querySelector('img');
      const image = img && this.imageOf(img);
      if (image) out.runs.push({ text: '', image });
      return;
    }
    if (tag === 'math') {
      out.runs.push({ ...marks, text: mathText(node), math: mathFormula(node) });
      return;
    }
    if (depth > MAX_DEPTH) {
      out.runs.push({ text: node.textContent ?? '', ...marks });
      return;
    }
    const next = this.marksFor(node, marks);
    if (tag === 'a' && next.href) out.links++;
    const isNestedBlock = !isRoot && !INLINE_TAGS.has(tag);
    if (isNestedBlock) out.runs.push({ text: '\n', hard: true, block: true });
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) out.runs.push({ text: child.nodeValue ?? '', ...next });
      else if (child.nodeType === 1) this.collectInline(child as Element, next, out, depth + 1);
    }
    if (isNestedBlock) out.runs.push({ text: '\n', hard: true, block: true });
  }

  private marksFor(el: Element, marks: Marks): Marks {
    switch (el.localName) {
      case 'a': {
        const href = this.resolve(el.getAttribute('href'), ['http:', 'https:', 'mailto:']);
        return href ? { ...marks, href } : marks;
      }
      case 'em':
      case 'i':
      case 'cite':
      case 'dfn':
        return { ...marks, em: true };
      case 'strong':
      case 'b':
        return { ...marks, strong: true };
      case 'code':
      case 'kbd':
      case 'samp':
        return { ...marks, code: true };
      default:
        return marks;
    }
  }

  /**
   * Adds the text of an element as written: a paragraph (or quote) per stretch between blank
   * lines (`<br><br>`) and nested blocks, and each image that stands on a line of its own in
   * its place. A heading stays one block, its images after it.
   */
  private addTextBlock(
    type: 'paragraph' | 'heading' | 'blockquote',
    collected: Collected,
    el: Element,
    extra: { level?: 1 | 2 | 3 | 4 | 5 | 6 } = {},
  ): void {
    const pieces: Piece[] = type === 'heading' ? [{ runs: collected.runs }] : splitParagraphs(collected.runs);
    const trailing = [...collected.images];
    for (const piece of pieces) {
      if ('image' in piece) {
        this.push({ type: 'image', image: piece.image, text: '', id: '', signals: this.signalsOf(el) });
        continue;
      }
      for (const run of piece.runs) if (run.image) trailing.push(run.image);
      const normalised = normaliseRuns(piece.runs);
      for (const inlines of type === 'paragraph' ? paragraphsOfLines(normalised) : [normalised]) {
        const text = inlines.map((r) => r.text).join('');
        if (!text) continue;
        // Links are counted per element: a paragraph split from others gets the share of its own.
        const links = pieces.length === 1 ? collected.links : piece.runs.reduce((n, r, i, all) => n + (r.href && r.href !== all[i - 1]?.href ? 1 : 0), 0);
        const signals = this.signalsOf(el, inlines, links);
        const lines = type === 'paragraph' ? listOfLines(inlines) : null;
        if (type === 'heading') this.push({ type, level: extra.level ?? 2, inlines, text, id: '', signals });
        else if (lines) this.push({ type: 'list', ordered: false, items: lines, text, id: '', signals });
        else this.push({ type, inlines, text, id: '', signals });
      }
    }
    for (const image of trailing) this.push({ type: 'image', image, text: '', id: '', signals: this.signalsOf(el) });
  }

  private addList(el: Element, ordered: boolean, depth: number): void {
    const items: Inline[][] = [];
    const collected: Collected = { runs: [], images: [], links: 0 };
    this.collectItems(el, items, collected, depth);
    if (items.length) {
      const text = items.map((item) => item.map((r) => r.text).join('')).join('\n');
      this.push({ type: 'list', ordered, items, text, id: '', signals: this.signalsOf(el, items.flat(), collected.links) });
    }
    for (const image of collected.images) this.push({ type: 'image', image, text: '', id: '', signals: this.signalsOf(el) });
  }

  /**
   * List items, including those of lists nested directly in a list and loose text in a list
   * used for indentation (invalid but common markup).
   */
  private collectItems(list: Element, items: Inline[][], collected: Collected, depth: number): void {
    // Loose runs share the list's image and link tally.
    let loose: Collected = { runs: [], images: collected.images, links: 0 };
    const addItem = (runs: RawRun[]) => {
      for (const run of runs) if (run.image) collected.images.push(run.image);
      const inlines = normaliseRuns(runs);
      if (inlines.length) items.push(inlines);
    };
    const flushLoose = () => {
      addItem(loose.runs);
      collected.links += loose.links;
      loose = { runs: [], images: collected.images, links: 0 };
    };
    for (const child of Array.from(list.childNodes)) {
      if (child.nodeType === 3) {
        loose.runs.push({ text: child.nodeValue ?? '' });
        continue;
      }
      if (child.nodeType !== 1) continue;
      const el = child as Element;
      if (INLINE_TAGS.has(el.localName)) {
        this.collectInline(el, {}, loose, depth + 1);
        continue;
      }
      flushLoose();
      if ((el.localName === 'ul' || el.localName === 'ol') && depth < MAX_DEPTH) {
        this.collectItems(el, items, collected, depth + 1);
        continue;
      }
      const c = this.inlinesOf(el, depth);
      collected.links += c.links;
      collected.images.push(...c.images);
      addItem(c.runs);
    }
    flushLoose();
  }

  private addFigure(el: Element, depth: number): void {
    const c = this.inlinesOf(el, depth);
    const images = c.runs.flatMap((r) => (r.image ? [r.image] : []));
    if (!images.length) {
      // A figure without an image holds a pull quote, an embed's text or a chart's caption.
      this.walkContainer(el, depth);
      return;
    }
    // The caption is all the figure's text: a <figcaption>, or credit lines in plain <p>s.
    const caption = normaliseRuns(c.runs);
    const text = caption.map((r) => r.text).join('');
    this.push({ type: 'figure', images: dedupeImages(images), caption, text, id: '', signals: this.signalsOf(el) });
  }

  private addCode(el: Element): void {
    const text = codeText(el).replace(/^\n+|\s+$/g, '');
    if (text) this.push({ type: 'code', text, id: '', signals: this.signalsOf(el) });
  }

  private addTable(el: Element, depth: number): void {
    // Layout tables wrap whole articles: read their cells as containers.
    if (isLayoutTable(el)) {
      for (const cell of Array.from(el.querySelectorAll('td, th'))) {
        if (cell.closest('table') === el) this.walkContainer(cell, depth);
      }
      return;
    }
    const rows: { header: boolean; cells: string[] }[] = [];
    for (const tr of Array.from(el.querySelectorAll('tr'))) {
      const cells = Array.from(tr.children)
        .filter((c) => c.localName === 'td' || c.localName === 'th')
        .map((c) => collapse(c.textContent ?? ''));
      if (cells.some(Boolean)) {
        rows.push({ header: Array.from(tr.children).every((c) => c.localName === 'th') || tr.parentElement?.localName === 'thead', cells });
      }
    }
    const captionEl = el.querySelector('caption');
    if (captionEl) {
      const caption = collapse(captionEl.textContent ?? '');
      if (caption) this.push({ type: 'paragraph', inlines: [{ text: caption }], text: caption, id: '', signals: this.signalsOf(el) });
    }
    if (rows.length) {
      const text = rows.map((r) => r.cells.join('\t')).join('\n');
      this.push({ type: 'table', rows, text, id: '', signals: this.signalsOf(el) });
    }
  }

  private imageOf(img: Element): ImageRef | null {
    const src = bestSource(img) ?? '';
    const resolved = this.resolve(src, ['http:', 'https:']);
    if (!resolved) return null;
    const image: ImageRef = { src: resolved, alt: collapse(img.getAttribute('alt') ?? '') };
    const width = Number(img.getAttribute('width'));
    const height = Number(img.getAttribute('height'));
    // An icon, a spacer or a tracking pixel, not a picture of the article.
    if ((width > 0 && width < MIN_IMAGE_SIDE) || (height > 0 && height < MIN_IMAGE_SIDE)) return null;
    if (width > 0 && height > 0) {
      image.width = width;
      image.height = height;
    }
    return image;
  }

  private resolve(url: string | null, protocols: string[]): string | null {
    if (!url) return null;
    try {
      const parsed = this.baseUrl ? new URL(url.trim(), this.baseUrl) : new URL(url.trim());
      return protocols.includes(parsed.protocol) ? parsed.href : null;
    } catch {
      return null;
    }
  }

  /** Clutter hints set on the element or its ancestors before Readability ran, plus link density. */
  private signalsOf(el: Element, inlines?: Inline[], links = 0): BlockSignals | undefined {
    const hints = new Set<string>();
    for (let node: Element | null = el; node; node = node.parentElement) {
      const value = node.getAttribute?.(HINT_ATTR);
      if (value) for (const hint of value.split(' ')) hints.add(hint);
    }
    const signals: BlockSignals = {};
    if (hints.size) signals.hints = [...hints];
    if (inlines?.length) {
      const total = inlines.reduce((n, r) => n + r.text.length, 0);
      const linked = inlines.reduce((n, r) => n + (r.href ? r.text.length : 0), 0);
      if (linked) {
        signals.linkDensity = Math.round((linked / total) * 100) / 100;
        signals.links = links;
      }
    }
    return signals.hints || signals.linkDensity ? signals : undefined;
  }

  /**
   * Assigns the stable id (hash of type and text, with a counter for repeats) and stores the
   * block. A paragraph right after a picture that repeats the picture's description (its alt
   * text) is that picture's caption set outside a <figure>: the two become one figure, so the
   * caption is shown with its picture and is not read as a paragraph of the text.
   */
  private push(block: Block): void {
    const previous = this.blocks[this.blocks.length - 1];
    if (block.type === 'paragraph' && previous?.type === 'image' && captionRepeatsAlt(block.text, previous.image.alt)) {
      this.blocks.pop();
      block = { type: 'figure', images: [previous.image], caption: block.inlines, text: block.text, id: '', ...(previous.signals ? { signals: previous.signals } : {}) };
    }
    const key = block.type === 'image' ? block.image.src : block.type === 'figure' ? block.text + block.images[0]?.src : block.text;
    const base = `b${hashText(block.type + ':' + key)}`;
    const seen = (this.seenIds.get(base) ?? 0) + 1;
    this.seenIds.set(base, seen);
    block.id = seen === 1 ? base : `${base}-${seen}`;
    if (!block.signals) delete block.signals;
    this.blocks.push(block);
  }
}

/**
 * Splits an element's runs where the page starts a new paragraph: at a blank line (two or more
 * line breaks with only spaces between) and at the edge of a nested block. An image on a line of
 * its own becomes a piece in its place; one inside a line of text stays in its run (and is shown
 * after the paragraph).
 */
function splitParagraphs(runs: RawRun[]): Piece[] {
  const pieces: Piece[] = [];
  let current: RawRun[] = [];
  const flush = () => {
    if (current.length) pieces.push({ runs: current });
    current = [];
  };
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i];
    if (run.block) {
      flush();
    } else if (run.hard && nextBreak(runs, i + 1) !== -1) {
      flush();
      i = nextBreak(runs, i + 1);
    } else if (run.image && standsAlone(runs, i)) {
      flush();
      pieces.push({ image: run.image });
    } else {
      current.push(run);
    }
  }
  flush();
  return pieces;
}

/** The index of a hard break that follows `from` with only spaces between, or -1. */
function nextBreak(runs: RawRun[], from: number): number {
  for (let i = from; i < runs.length; i++) {
    if (runs[i].hard) return i;
    if (runs[i].image || SPACES_ONLY.test(runs[i].text) === false) return -1;
  }
  return -1;
}

const SPACES_ONLY = /^[ \t\n\r\f]*$/;

/** Whether the image at `i` has no text on its line: nothing but spaces up to a break or an end on both sides. */
function standsAlone(runs: RawRun[], i: number): boolean {
  const clear = (step: 1 | -1) => {
    for (let j = i + step; j >= 0 && j < runs.length; j += step) {
      const run = runs[j];
      if (run.hard || run.block || run.image) return true;
      if (!SPACES_ONLY.test(run.text)) return false;
    }
    return true;
  };
  return clear(-1) && clear(1);
}

/** The text of a code block as laid out: `<br>` and line-per-element highlighters give line breaks. */
function codeText(pre: Element): string {
  let text = '';
  /** A node to read, or the line breaks the text must end with at that point. */
  const stack: (Node | '\n' | '\n\n')[] = [pre];
  while (stack.length) {
    const node = stack.pop()!;
    if (node === '\n' || node === '\n\n') {
      if (text) while (!text.endsWith(node)) text += '\n';
    } else if (node.nodeType === 3) {
      text += node.nodeValue ?? '';
    } else if (node.nodeType === 1) {
      const tag = (node as Element).localName;
      if (tag === 'br') {
        text += '\n';
        continue;
      }
      const isBlock = node !== pre && !INLINE_TAGS.has(tag);
      if (isBlock) stack.push('\n');
      const children = Array.from(node.childNodes);
      for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]);
      // Readability turns a run of <br>s into a <p>: in code that was a blank line.
      if (isBlock) stack.push(tag === 'p' ? '\n\n' : '\n');
    }
  }
  return text;
}

/** A paragraph of this many lines or more may be a list written with <br>s. */
const MIN_LIST_LINES = 3;
const MAX_LIST_LINE_CHARS = 160;

/**
 * The lines of a paragraph that is a list written with `<br>`s ("Path A: …<br>Path B: …",
 * tour dates): three or more short lines, none ending as a sentence does, each after the first
 * starting as an entry does (a capital, a digit or a sign), not as a verse carried over (a
 * lower-case letter).
 */
function listOfLines(inlines: Inline[]): Inline[][] | null {
  const lines = splitLines(inlines);
  if (lines.length < MIN_LIST_LINES) return null;
  const ok = lines.every((line, i) => {
    const text = line.map((r) => r.text).join('');
    const sentence = /[.!?…]["'”’»)]?$/.test(text);
    return text.length > 0 && text.length <= MAX_LIST_LINE_CHARS && !sentence && (i === 0 || !/^\p{Ll}/u.test(text));
  });
  return ok ? lines : null;
}

function splitLines(inlines: Inline[]): Inline[][] {
  const lines: Inline[][] = [[]];
  for (const run of inlines) {
    run.text.split('\n').forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part) lines[lines.length - 1].push({ ...run, text: part });
    });
  }
  return lines;
}

/** A line that is a paragraph of its own: long, and ending as a sentence does. */
const isProseLine = (text: string) => text.length >= 100 && /[.!?…]["'”’»)]?$/.test(text);
/** A title line: short, capitalised, without a sentence's or a clause's end. */
const isTitleLine = (text: string) => text.length <= 80 && /^[\p{Lu}\p{N}]/u.test(text) && !/[.,;:!?…]$/.test(text);

/**
 * A paragraph whose lines (single `<br>`s) are paragraphs of their own — a line of prose after
 * a line of prose or after a title line — is split there; other lines stay lines of it.
 */
function paragraphsOfLines(inlines: Inline[]): Inline[][] {
  if (!inlines.some((r) => r.text.includes('\n'))) return [inlines];
  const lines = splitLines(inlines);
  const texts = lines.map((line) => line.map((r) => r.text).join(''));
  const groups: Inline[][] = [];
  lines.forEach((line, i) => {
    const starts = i === 0 || (isProseLine(texts[i]) && (isProseLine(texts[i - 1]) || isTitleLine(texts[i - 1])));
    if (starts) groups.push([...line]);
    else groups[groups.length - 1].push({ text: '\n' }, ...line);
  });
  return groups;
}

/** Below this many pixels a side (as the page declares it) an image is an icon or a pixel. */
const MIN_IMAGE_SIDE = 32;

/**
 * A table that lays out a page rather than holding data: it nests a table, or a cell holds
 * headings, lists, quotes or several paragraphs of running text, or it has a single column.
 */
function isLayoutTable(table: Element): boolean {
  if (table.querySelector('table, h1, h2, h3, h4, blockquote, ul, ol, pre, figure')) return true;
  let columns = 0;
  for (const row of Array.from(table.querySelectorAll('tr'))) {
    if (row.closest('table') !== table) continue;
    let cells = 0;
    for (const cell of Array.from(row.children)) {
      if (cell.localName !== 'td' && cell.localName !== 'th') continue;
      cells++;
      const text = cell.textContent ?? '';
      // One cell holding an article's worth of text.
      if (text.length > MAX_DATA_CELL_CHARS && cell.querySelectorAll('p, div').length > 1) return true;
    }
    columns = Math.max(columns, cells);
  }
  return columns < 2;
}

const MAX_DATA_CELL_CHARS = 400;

/** A caption and an alt text are compared from this many words (not "Photo", "Image 1"). */
const MIN_ALT_WORDS = 3;
/** A caption is at most this long. */
const MAX_CAPTION_WORDS = 80;

/** The text repeats the alt text, whole or as its start (a credit may follow it), or the alt text starts with it. */
function captionRepeatsAlt(text: string, alt: string): boolean {
  const caption = plainWords(text);
  const description = plainWords(alt);
  const words = wordCount(caption);
  if (words < MIN_ALT_WORDS || words > MAX_CAPTION_WORDS || wordCount(description) < MIN_ALT_WORDS) return false;
  return caption === description || caption.startsWith(`${description} `) || description.startsWith(`${caption} `);
}

/**
 * A paragraph in bold alone on its line, short, without a sentence's end, and followed by a
 * paragraph or a list reads as a subhead: the page styled a heading instead of marking it up.
 */
function markSubheads(blocks: Block[]): void {
  for (let i = 0; i < blocks.length - 1; i++) {
    const block = blocks[i];
    if (block.type !== 'paragraph' || !isSubhead(block.inlines, block.text)) continue;
    const next = blocks[i + 1];
    if (next.type !== 'paragraph' && next.type !== 'list') continue;
    if (next.type === 'paragraph' && isSubhead(next.inlines, next.text)) continue;
    blocks[i] = { ...block, type: 'heading', level: SUBHEAD_LEVEL };
  }
}

/** Bold subheads sit below the article's own section headings. */
const SUBHEAD_LEVEL = 3;
const MAX_SUBHEAD_WORDS = 12;

function isSubhead(inlines: Inline[], text: string): boolean {
  if (text.includes('\n') || /[.!?…,;]["'”’»)]?$/.test(text)) return false;
  if (text.split(/\s+/).length > MAX_SUBHEAD_WORDS) return false;
  return inlines.every((r) => (r.strong && !r.href) || !r.text.trim());
}

/** The largest candidate of srcset, else src. */
function bestSource(img: Element): string | null {
  const srcset = img.getAttribute('srcset');
  if (srcset) {
    let best: { url: string; size: number } | null = null;
    for (const candidate of srcset.split(/,\s+/)) {
      const [url, descriptor = '1x'] = candidate.trim().split(/\s+/);
      const size = parseFloat(descriptor) * (descriptor.endsWith('w') ? 1 : 1000);
      if (url && (!best || size > best.size)) best = { url, size };
    }
    if (best) return best.url;
  }
  return img.getAttribute('src');
}

function dedupeImages(images: ImageRef[]): ImageRef[] {
  const seen = new Set<string>();
  return images.filter((img) => !seen.has(img.src) && seen.add(img.src));
}

const SPACES = /[ \t\n\r\f]+/g;

function collapse(text: string): string {
  return text.replace(SPACES, ' ').trim();
}

/**
 * Collapses HTML whitespace across runs (keeping no-break spaces, which French typography
 * needs), keeps hard breaks as single "\n", trims the ends and merges runs with equal marks.
 */
export function normaliseRuns(runs: RawRun[]): Inline[] {
  const out: Inline[] = [];
  let last = '\n'; // pretend a break precedes the block, so leading spaces drop
  for (const run of runs) {
    let text: string;
    if (run.hard) {
      if (last === '\n') continue;
      trimTrailingSpace(out);
      text = '\n';
    } else {
      text = run.text.replace(SPACES, ' ');
      if (last === ' ' || last === '\n') text = text.replace(/^ /, '');
    }
    if (!text) continue;
    last = text[text.length - 1];
    const prev = out[out.length - 1];
    const inline: Inline = { text };
    if (run.href && !run.hard) inline.href = run.href;
    if (run.em && !run.hard) inline.em = true;
    if (run.strong && !run.hard) inline.strong = true;
    if (run.code && !run.hard) inline.code = true;
    if (run.math && !run.hard) inline.math = run.math;
    if (prev && sameMarks(prev, inline)) prev.text += text;
    else out.push(inline);
  }
  while (out.length && /[ \n]$/.test(out[out.length - 1].text)) {
    const tail = out[out.length - 1];
    tail.text = tail.text.replace(/[ \n]+$/, '');
    if (!tail.text) out.pop();
  }
  return out;
}

function trimTrailingSpace(out: Inline[]): void {
  const tail = out[out.length - 1];
  if (tail && tail.text.endsWith(' ')) {
    tail.text = tail.text.slice(0, -1);
    if (!tail.text) out.pop();
  }
}

function sameMarks(a: Inline, b: Inline): boolean {
  // A formula is a run of its own.
  return !a.math && !b.math && a.href === b.href && !!a.em === !!b.em && !!a.strong === !!b.strong && !!a.code === !!b.code;
}
