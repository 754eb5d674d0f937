/**
 * Copies a document for Readability, which rewrites the tree it is given: the reader's page
 * must never change. Native cloneNode is used when it can; a page nested thousands deep
 * overflows the stack of recursive DOM implementations (jsdom), so then an iterative copy
 * flattens everything below MAX_NESTING into its ancestor at that depth, keeping all content.
 */
const MAX_NESTING = 100;

export function cloneDocument(doc: Document): Document {
  try {
    return doc.cloneNode(true) as Document;
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    return flatClone(doc);
  }
}

function flatClone(doc: Document): Document {
  const copy = doc.cloneNode(false) as Document;
  const stack: { source: Node; parent: Node; depth: number }[] = [];
  for (const child of Array.from(doc.childNodes)) stack.push({ source: child, parent: copy, depth: 0 });
  stack.reverse();
  while (stack.length) {
    const { source, parent, depth } = stack.pop()!;
    const node = copy.importNode(source, false);
    parent.appendChild(node);
    // Below the nesting cap, children go into the capped ancestor instead of the deep node.
    const childParent = depth < MAX_NESTING ? node : parent;
    const children = Array.from(source.childNodes);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ source: children[i], parent: childParent, depth: depth + 1 });
  }
  return copy;
}
