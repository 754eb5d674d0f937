/**
 * From a DOM selection in the rendered article to offsets in the article text. Block text is
 * rendered by BlockText inside `span.block-text[data-block-id][data-offset]`, whose text nodes
 * (and <br> for "\n") concatenate to the block's text from `data-offset` on; labels drawn by
 * CSS are not in the DOM, and the fold and correction buttons are outside these spans.
 */
import type { ArticleLayout } from './layout';

/** Characters of rendered block text in `node`: text nodes, and 1 for each <br>. */
function textLength(node: Node): number {
  if (node.nodeType === Node.TEXT_NODE) return (node as Text).data.length;
  if (node.nodeName === 'BR') return 1;
  let n = 0;
  for (let child = node.firstChild; child; child = child.nextSibling) n += textLength(child);
  return n;
}

/** The offset in the span's text of the DOM point (node, offset) inside it. */
function offsetIn(span: Element, node: Node, offset: number): number {
  const before = span.ownerDocument.createRange();
  before.setStart(span, 0);
  before.setEnd(node, offset);
  return textLength(before.cloneContents());
}

/**
 * The article-text range that `range` covers, trimmed of white space at both ends; null when
 * it covers no text of a kept block (only the header, a folded block, a figure, a table…).
 * A range starting or ending outside the block text is clipped to the text it covers.
 */
export function rangeToArticle(range: Range, root: Element, layout: ArticleLayout): { start: number; end: number } | null {
  const spans = [...root.querySelectorAll<HTMLElement>('span.block-text[data-block-id]')].filter(
    (span) => layout.byId.has(span.dataset.blockId!) && range.intersectsNode(span),
  );
  const first = spans[0];
  const last = spans.at(-1);
  if (!first || !last) return null;
  const base = (span: HTMLElement) => layout.byId.get(span.dataset.blockId!)!.start + Number(span.dataset.offset ?? 0);
  let start = base(first) + (first.contains(range.startContainer) ? offsetIn(first, range.startContainer, range.startOffset) : 0);
  let end = base(last) + (last.contains(range.endContainer) ? offsetIn(last, range.endContainer, range.endOffset) : textLength(last));
  const { text } = layout;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}

/** The current selection's range in the article under `root`, or null. */
export function selectionToArticle(root: Element, layout: ArticleLayout): { start: number; end: number } | null {
  const selection = root.ownerDocument.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  return rangeToArticle(selection.getRangeAt(0), root, layout);
}
