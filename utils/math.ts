/**
 * MathML formulas in the block model. The sanitizer lets MathML through (its names below); the
 * block builder turns each sanitized `<math>` into a `MathFormula`: a small tree of MathML Core
 * element and attribute names only (never markup), the formula's plain text and, when the page
 * carried one (KaTeX, MathJax, Wikipedia), its TeX source for Markdown exports.
 */
import type { MathFormula, MathNode } from './types';

/** MathML Core elements (https://w3c.github.io/mathml-core/): what the views may build. */
const CORE_TAGS = new Set([
  'math', 'merror', 'mfrac', 'mi', 'mmultiscripts', 'mn', 'mo', 'mover', 'mpadded', 'mphantom',
  'mprescripts', 'mroot', 'mrow', 'ms', 'mspace', 'msqrt', 'mstyle', 'msub', 'msubsup', 'msup',
  'mtable', 'mtd', 'mtext', 'mtr', 'munder', 'munderover',
]);

/** MathML Core attributes that only shape the layout (no URLs, no handlers, no styles). */
const CORE_ATTRS = new Set([
  'display', 'displaystyle', 'scriptlevel', 'mathvariant', 'dir', 'form', 'fence', 'separator',
  'lspace', 'rspace', 'stretchy', 'symmetric', 'maxsize', 'minsize', 'largeop', 'movablelimits',
  'accent', 'accentunder', 'linethickness', 'width', 'height', 'depth', 'voffset', 'columnspan',
  'rowspan',
]);

/**
 * What the sanitizer lets through inside `<math>`: the Core elements plus `semantics` and its
 * text-only `annotation` (where the TeX is). `annotation-xml` stays forbidden with its content
 * (DOMPurify drops it whole): it can carry HTML.
 */
export const MATHML_SANITIZER_TAGS = [...CORE_TAGS, 'semantics', 'annotation', 'none'];
export const MATHML_SANITIZER_ATTRS = [...CORE_ATTRS, 'encoding'];

const TEX_ENCODING = /^(?:application\/x-tex|text\/x-tex|tex)$/i;
/** Beyond this depth a formula keeps its text but not its layout. */
const MAX_DEPTH = 60;

/** Elements that may wrap a formula with its visual copies (KaTeX, MathJax, Wikipedia use these). */
const WRAPPER = /^(?:span|div)$|-/;
const MAX_WRAPPERS = 5;

/**
 * Lifts each `<math>` out of the wrappers that hold only it and its visual copies (an
 * aria-hidden HTML rendering, a fallback image, a hidden accessible copy): run on the page's
 * copy before Readability, which would drop a formula whose wrapper has a class it reads as
 * clutter (MathJax's "CtxtMenu") or is hidden (Wikipedia's display:none MathML, whose image it keeps).
 */
export function liftFormulas(doc: Document): void {
  for (const math of Array.from(doc.getElementsByTagName('math'))) {
    if (math.parentElement?.closest('math')) continue;
    let wrapper: Element = math;
    for (let parent = math.parentElement, n = 0; parent && n < MAX_WRAPPERS; parent = parent.parentElement, n++) {
      if (!WRAPPER.test(parent.localName.toLowerCase()) || !holdsOnly(parent, wrapper)) break;
      wrapper = parent;
    }
    // In a span: Readability reads phrasing content by upper-case tagName, and a browser's or
    // jsdom's MathML `tagName` is lower-case, so a bare <math> would cut its paragraph in two.
    const span = doc.createElement('span');
    wrapper.replaceWith(span);
    span.append(math);
  }
}

/** True when every child of `parent` but `kept` is blank or a visual copy of the formula. */
function holdsOnly(parent: Element, kept: Element): boolean {
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (child === kept || child.nodeType === 8) continue;
    if (child.nodeType === 3) {
      if (child.nodeValue?.trim()) return false;
    } else if (child.nodeType === 1) {
      const el = child as Element;
      const copy = el.getAttribute('aria-hidden') === 'true' || el.localName.toLowerCase() === 'img' || !el.textContent?.trim();
      if (!copy) return false;
    }
  }
  return true;
}

/** The formula of a sanitized `<math>` element. */
export function mathFormula(math: Element): MathFormula {
  const formula: MathFormula = { tree: toTree(math, 0) ?? { tag: 'math' }, display: math.getAttribute('display') === 'block' };
  const tex = texOf(math);
  if (tex) formula.tex = tex;
  return formula;
}

/**
 * The formula's text as read aloud, searched and highlighted: its tokens (annotations left out)
 * one space apart, so that `<mi>a</mi><mo>=</mo>` reads the same written compact or indented.
 */
export function mathText(math: Element): string {
  const tokens: string[] = [];
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) tokens.push((child.nodeValue ?? '').replace(/\s+/g, ' ').trim());
      else if (child.nodeType === 1 && !isAnnotation(child as Element)) walk(child);
    }
  };
  walk(math);
  return tokens.filter(Boolean).join(' ');
}

function isAnnotation(el: Element): boolean {
  return el.localName === 'annotation' || el.localName === 'annotation-xml';
}

function texOf(math: Element): string | undefined {
  for (const annotation of Array.from(math.getElementsByTagName('annotation'))) {
    if (TEX_ENCODING.test(annotation.getAttribute('encoding') ?? '')) {
      const tex = (annotation.textContent ?? '').trim();
      if (tex) return tex;
    }
  }
  return undefined;
}

function toTree(el: Element, depth: number): MathNode | null {
  let tag = el.localName;
  // <semantics> shows its first child (the presentation); the rest are annotations.
  if (tag === 'semantics') {
    const first = el.firstElementChild;
    return first && !isAnnotation(first) ? toTree(first, depth) : null;
  }
  if (tag === 'none') tag = 'mrow'; // MathML Core writes an empty script as <mrow/>
  if (!CORE_TAGS.has(tag)) return null;
  const node: MathNode = { tag };
  for (const attr of Array.from(el.attributes)) {
    const name = attr.name.toLowerCase();
    if (CORE_ATTRS.has(name)) (node.attrs ??= {})[name] = attr.value;
  }
  const children: (MathNode | string)[] = [];
  if (depth > MAX_DEPTH) {
    children.push(mathText(el));
  } else {
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        if (child.nodeValue?.trim()) children.push(child.nodeValue.trim());
      } else if (child.nodeType === 1) {
        const sub = toTree(child as Element, depth + 1);
        if (sub) children.push(sub);
        // An element outside MathML Core (HTML in <mtext>, legacy <mfenced>) keeps its text.
        else if (!isAnnotation(child as Element) && child.textContent?.trim()) children.push(mathText(child as Element));
      }
    }
  }
  if (children.length) node.children = children;
  return node;
}

/** True for a tree node the views may build: a MathML Core name and layout attributes only. */
export function isRenderableMath(node: MathNode): boolean {
  return CORE_TAGS.has(node.tag) && Object.keys(node.attrs ?? {}).every((a) => CORE_ATTRS.has(a));
}
