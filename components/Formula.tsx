/**
 * A formula in the text. Its MathML builder (MathView, with the MathML Core allow-list) is a
 * chunk of its own, loaded when the first formula shows, so that pages without math do not pay
 * for it before the first paint; until then the formula's plain text stands in.
 */
import { useEffect, useState } from 'preact/hooks';
import type { MathFormula } from '../utils/types';

type View = typeof import('./MathView');
let loaded: View | null = null;

export function Formula({ formula, label }: { formula: MathFormula; label: string }) {
  const [view, setView] = useState(loaded);
  useEffect(() => {
    if (!view) void import('./MathView').then((m) => setView((loaded = m)));
  }, []);
  return view ? <view.MathView formula={formula} label={label} /> : <span class="formula-text">{label}</span>;
}
