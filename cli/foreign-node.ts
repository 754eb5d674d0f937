/**
 * Copies a node from another DOM implementation into `doc`, node by node (elements with their
 * namespace and attributes, text, comments). The CLI parses and runs Readability on linkedom,
 * which is fast but on which DOMPurify sanitizes nothing; the article subtree is copied into a
 * jsdom document this way and DOMPurify sanitizes the copy. A DOM copy, not a serialise-and-parse
 * round trip: re-parsing markup would move nodes that a parser never nests (Readability builds
 * `<p><h2>…</h2></p>`), so the blocks would differ from those of a jsdom-only run.
 */
const XHTML = 'http://www.w3.org/1999/xhtml';
const MATHML = 'http://www.w3.org/1998/Math/MathML';
/** MathML elements whose element children a browser's parser puts back in HTML (text integration points). */
const MATH_TEXT = new Set(['mi', 'mo', 'mn', 'ms', 'mtext']);
/** An element name the target DOM refuses becomes this unknown element: the sanitizer drops the tag and keeps its content. */
const INVALID_NAME = 'x-lucid-invalid-name';

export function isForeignNode(node: Node, doc: Document): boolean {
  const NodeClass = (doc.defaultView as (Window & typeof globalThis) | null)?.Node;
  return !!NodeClass && !(node instanceof NodeClass);
}

export function copyIntoDocument(source: Node, doc: Document): Node {
  const root = shallowCopy(source, doc, null);
  // Iterative: a page nested thousands deep would overflow a recursive copy.
  const stack: { from: Node; to: Node }[] = [{ from: source, to: root }];
  while (stack.length) {
    const { from, to } = stack.pop()!;
    // A template's content is no child in a browser DOM or jsdom (linkedom lists it as children).
    if (from.nodeType === 1 && (from as Element).localName === 'template') continue;
    for (let child = from.firstChild; child; child = child.nextSibling) {
      const copy = shallowCopy(child, doc, to);
      if (!copy) continue;
      to.appendChild(copy);
      if (child.firstChild) stack.push({ from: child, to: copy });
    }
  }
  return root;
}

/**
 * The namespace a browser's parser gives an element: linkedom puts `<math>` and its content in
 * HTML's, where the sanitizer would drop them as misplaced MathML.
 */
function namespaceOf(el: Element, parent: Node | null): string {
  if (el.namespaceURI && el.namespaceURI !== XHTML) return el.namespaceURI;
  const name = el.localName.toLowerCase();
  if (name === 'math') return MATHML;
  const p = parent?.nodeType === 1 ? (parent as Element) : null;
  if (p?.namespaceURI !== MATHML) return XHTML;
  // As the HTML parser does: HTML inside a token element or an HTML annotation, MathML elsewhere.
  if (MATH_TEXT.has(p.localName) && name !== 'mglyph' && name !== 'malignmark') return XHTML;
  if (p.localName === 'annotation-xml' && /^(?:text\/html|application\/xhtml\+xml)$/i.test(p.getAttribute('encoding') ?? '')) return XHTML;
  return MATHML;
}

function shallowCopy(node: Node, doc: Document, parent: Node | null): Node {
  switch (node.nodeType) {
    case 1: {
      const el = node as Element;
      let copy: Element;
      try {
        // HTML names are lowercased as createElement does in an HTML document (linkedom keeps
        // Readability's createElement('P') as "P"); SVG and MathML keep their case.
        const ns = namespaceOf(el, parent);
        const lower = el.localName.toLowerCase();
        copy = ns === XHTML ? doc.createElement(lower) : doc.createElementNS(ns, ns === el.namespaceURI ? el.tagName : lower);
      } catch {
        copy = doc.createElementNS(XHTML, INVALID_NAME);
      }
      for (const attr of Array.from(el.attributes)) {
        try {
          copy.setAttribute(attr.name, attr.value);
        } catch {
          // A name the HTML parser accepts but setAttribute refuses ("a\"b"): no sanitizer keeps it either.
        }
      }
      return copy;
    }
    case 3:
      return doc.createTextNode(node.nodeValue ?? '');
    case 8:
      return doc.createComment(node.nodeValue ?? '');
    case 11:
      return doc.createDocumentFragment();
    default:
      return doc.createTextNode('');
  }
}

/** `extractArticle`'s `adopt`: a node of another DOM is copied into `doc`; one of `doc`'s own is left as it is. */
export function adoptInto(node: Node, doc: Document): Node {
  return isForeignNode(node, doc) ? copyIntoDocument(node, doc) : node;
}
