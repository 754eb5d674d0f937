/**
 * Turns sanitized article markup into the block model: headings, paragraphs, quotes, lists,
 * figures, images, code and tables, each with a stable id and its plain text. Only text,
 * formatting flags and vetted http(s)/mailto URLs survive; no markup is carried over.
 */
import type { Block, BlockSignals, ImageRef, Inline } from './types';
import { hashText } from './text';
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

interface Marks {
  href?: string;
  em?: boolean;
  strong?: boolean;
  code?: boolean;
  math?: Inline['math'];
}

/** A raw run before whitespace is collapsed; `hard` marks a line break from <br> or a nested block. */
interface RawRun extends Marks {
  text: string;
  hard?: boolean;
}

interface Collected {
  runs: RawRun[];
  images: ImageRef[];
  links: number;
}

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

  constructor(private readonly baseUrl: string | null) {}

  build(root: ParentNode): Block[] {
    this.walkContainer(root, 0);
    return this.blocks;
  }

  /** Walks a container: loose inline content becomes paragraphs, block children become blocks. */
  private walkContainer(container: ParentNode, depth: number): void {
    let pending: Collected = { runs: [], images: [], links: 0 };
    const flush = () => {
      this.addTextBlock('paragraph', pending, container as Element);
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
        this.addTextBlock('paragraph', this.inlinesOf(el, depth), el);
        return;
      case 'blockquote':
        this.addTextBlock('blockquote', this.inlinesOf(el, depth), el);
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
        this.addTextBlock('paragraph', this.inlinesOf(el, depth), el);
        return;
      default:
        this.walkContainer(el, depth);
    }
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
    if (tag === 'img') {
      const image = this.imageOf(node);
      if (image) out.images.push(image);
      return;
    }
    if (tag === 'picture') {
      const img = node.querySelector('img');
      const image = img && this.imageOf(img);
      if (image) out.images.push(image);
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
    if (isNestedBlock) out.runs.push({ text: '\n', hard: true });
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) out.runs.push({ text: child.nodeValue ?? '', ...next });
      else if (child.nodeType === 1) this.collectInline(child as Element, next, out, depth + 1);
    }
    if (isNestedBlock) out.runs.push({ text: '\n', hard: true });
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

  private addTextBlock(
    type: 'paragraph' | 'heading' | 'blockquote',
    collected: Collected,
    el: Element,
    extra: { level?: 1 | 2 | 3 | 4 | 5 | 6 } = {},
  ): void {
    const inlines = normaliseRuns(collected.runs);
    const text = inlines.map((r) => r.text).join('');
    if (text) {
      const signals = this.signalsOf(el, inlines, collected.links);
      if (type === 'heading') this.push({ type, level: extra.level ?? 2, inlines, text, id: '', signals });
      else this.push({ type, inlines, text, id: '', signals });
    }
    for (const image of collected.images) this.push({ type: 'image', image, text: '', id: '', signals: this.signalsOf(el) });
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
    if (!c.images.length) {
      // A figure without an image holds a pull quote, an embed's text or a chart's caption.
      this.walkContainer(el, depth);
      return;
    }
    // The caption is all the figure's text: a <figcaption>, or credit lines in plain <p>s.
    const caption = normaliseRuns(c.runs);
    const text = caption.map((r) => r.text).join('');
    this.push({ type: 'figure', images: dedupeImages(c.images), caption, text, id: '', signals: this.signalsOf(el) });
  }

  private addCode(el: Element): void {
    const text = (el.textContent ?? '').replace(/^\n+|\s+$/g, '');
    if (text) this.push({ type: 'code', text, id: '', signals: this.signalsOf(el) });
  }

  private addTable(el: Element, depth: number): void {
    // Layout tables wrap whole articles: read their cells as containers.
    if (el.querySelector('table, p, div, h1, h2, h3, blockquote, ul, ol')) {
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

  /** Assigns the stable id (hash of type and text, with a counter for repeats) and stores the block. */
  private push(block: Block): void {
    const key = block.type === 'image' ? block.image.src : block.type === 'figure' ? block.text + block.images[0]?.src : block.text;
    const base = `b${hashText(block.type + ':' + key)}`;
    const seen = (this.seenIds.get(base) ?? 0) + 1;
    this.seenIds.set(base, seen);
    block.id = seen === 1 ? base : `${base}-${seen}`;
    if (!block.signals) delete block.signals;
    this.blocks.push(block);
  }
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
