/**
 * DOM access that a hostile page cannot redirect: methods and getters read from the prototype
 * chain, past any element that a page named like them (DOM clobbering).
 */

/**
 * A DOM method or getter read from the prototype chain (`<img name=body>` shadows
 * `document.body`, `<input name=parentNode>` shadows a form's `parentNode`).
 */
export function real<T>(obj: object, key: string): T {
  for (let p = Object.getPrototypeOf(obj) as object | null; p; p = Object.getPrototypeOf(p) as object | null) {
    const d = Object.getOwnPropertyDescriptor(p, key);
    if (d) return (d.get ? d.get.call(obj) : (d.value as (...a: unknown[]) => unknown).bind(obj)) as T;
  }
  throw new Error(`DOM property ${key} not found`);
}

/** `root.getElementsByTagName(tag)` as an array, immune to clobbering. */
export function byTag(root: Document | Element, tag: string): Element[] {
  return Array.from(real<(tag: string) => HTMLCollectionOf<Element>>(root, 'getElementsByTagName')(tag));
}
