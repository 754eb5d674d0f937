/**
 * A formula of the block model as native MathML elements (MathML Core: Chrome and Firefox draw
 * it). Built from the serialisable tree of utils/math.ts, never from markup; a node outside the
 * MathML Core allow-list shows its text only.
 */
import type { ComponentChild } from 'preact';
import { isRenderableMath } from '../utils/math';
import type { MathFormula, MathNode } from '../utils/types';

function build(node: MathNode | string): ComponentChild {
  if (typeof node === 'string') return node;
  const children = node.children?.map(build);
  const Tag = node.tag as 'math';
  return isRenderableMath(node) ? <Tag {...node.attrs}>{children}</Tag> : children;
}

export function MathView({ formula, label }: { formula: MathFormula; label: string }) {
  // The outer element is always <math>, with the formula's plain text as its accessible name.
  return <math display={formula.display ? 'block' : undefined} aria-label={label}>{formula.tree.children?.map(build)}</math>;
}
