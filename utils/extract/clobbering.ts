/**
 * Undoes DOM clobbering in the clone before Readability walks it: a form control named
 * `parentNode` shadows the form's own `parentNode`, and a parent walk then goes round in a
 * circle for ever (a frozen tab); `<img name=body>` shadows `document.body`. Only names and ids
 * that collide with a property of the document or of a form are dropped (the sanitizer drops
 * names anyway), so ordinary pages reach Readability unchanged. The candidates are gathered by
 * tag, not with a selector: jsdom's selector engine costs more than Readability's own clone.
 */
import { byTag, real } from './dom';

const CLOBBERING_TAGS = ['form', 'img', 'embed', 'object', 'iframe'];

export function defuseClobbering(doc: Document): void {
  const formProto = Object.getPrototypeOf(real<(tag: string) => Element>(doc, 'createElement')('form')) as object;
  const docProto = Object.getPrototypeOf(doc) as object;
  const collides = (value: string) => hasProperty(docProto, value) || hasProperty(formProto, value);
  const defuse = (el: Element) => {
    for (const attr of ['name', 'id']) {
      const value = real<(name: string) => string | null>(el, 'getAttribute')(attr);
      if (value && collides(value)) real<(name: string) => void>(el, 'removeAttribute')(attr);
    }
  };
  for (const tag of CLOBBERING_TAGS) byTag(doc, tag).forEach(defuse);
  for (const form of byTag(doc, 'form')) byTag(form, '*').forEach(defuse);
}

/** Whether `key` is a property defined anywhere on a prototype chain (not a clobbered name). */
function hasProperty(proto: object | null, key: string): boolean {
  for (let p = proto; p; p = Object.getPrototypeOf(p) as object | null) {
    if (Object.prototype.hasOwnProperty.call(p, key)) return true;
  }
  return false;
}
