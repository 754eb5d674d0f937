/**
 * A formula of the block model as native MathML elements (MathML Core: Chrome and Firefox draw
 * it). Built from the serialisable tree of utils/math.ts, never from markup; a node outside the
 * MathML Core allow-list shows its text only.
 */
import { h, type ComponentChild } from 'preact';
import { isRenderableMath } from '../utils/math';
import type { MathFormula, MathNode } from '../utils/types';

function build(node: MathNode | string): ComponentChild {
  if (typeof node === 'string') return node;
  const children = node.children?.map(build);
  return isRenderableMath(node) ? h(node.tag, node.attrs ?? null, children) : children;
}

export function MathView({ formula, label }: { formula: MathFormula; label: string }) {
  const { tree } = formula;
  // The outer element is always <math>, with the formula's plain text as its accessible name.
  return h('math', { display: formula.display ? 'block' : undefined, 'aria-label': label }, tree.children?.map(build));
}
