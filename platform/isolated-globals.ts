/**
 * The two names our on-demand content scripts leave in the page's isolated world, for the
 * background's `scripting.executeScript` calls to find. They are own properties of that world's
 * window, installed with `defineProperty` and read as own properties: a page's
 * `<img name="__lucidCleanView">` is a named property of the window in every world (DOM
 * clobbering, R6), found by `globalThis.__lucidCleanView` but never by `getOwnPropertyDescriptor`.
 * (The functions passed to executeScript are serialised, so they repeat the one-line read.)
 */
export const EXTRACT_GLOBAL = '__lucidExtract';
export const HOST_GLOBAL = '__lucidCleanView';

/** Installs `value` as an own property of this world's window (once; a second call keeps the first). */
export function installGlobal(name: string, make: () => unknown): void {
  if (Object.getOwnPropertyDescriptor(globalThis, name)) return;
  Object.defineProperty(globalThis, name, { value: make(), configurable: true });
}

/** This world's own property `name`, or undefined (never a page element of that name). */
export function ownGlobal<T>(name: string): T | undefined {
  return Object.getOwnPropertyDescriptor(globalThis, name)?.value as T | undefined;
}
