/**
 * A fresh element to render into for each test of a component file, with the component tests'
 * common setup: English strings, matchMedia and scrollIntoView (jsdom has neither).
 */
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach } from 'vitest';
import { useLocale } from './locale';

export interface Dom {
  /** The element of the running test. */
  root: HTMLElement;
  show(node: ComponentChild): void;
  click(el: Element | null | undefined): void;
}

export function useDom(): Dom {
  const dom: Dom = {
    root: document.body,
    show: (node) => act(() => render(node, dom.root)),
    click: (el) => act(() => (el as HTMLElement).click()),
  };
  beforeEach(() => {
    useLocale('en');
    window.matchMedia ??= (() => ({ matches: false })) as never;
    Element.prototype.scrollIntoView ??= () => undefined;
    dom.root = document.createElement('div');
    document.body.append(dom.root);
  });
  afterEach(() => {
    render(null, dom.root);
    dom.root.remove();
  });
  return dom;
}
