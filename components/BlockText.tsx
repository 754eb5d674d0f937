/**
 * The one component that renders a block's text: inline runs with their formatting and the
 * marks laid over them. Every view renders text through it, so quotes, highlights and
 * search hits are all marks by offset into `block.text`.
 */
import type { ComponentChild } from 'preact';
import type { Inline } from '../utils/types';
import { pieces, type Piece, type TextMark } from './marks';
import { Formula } from './Formula';

function PieceView({ piece }: { piece: Piece }) {
  const { run, text } = piece;
  if (text === '\n') return <br />;
  // A formula cut by a mark is drawn once, in its first piece (its text offsets stay exact).
  let node: ComponentChild = run.math ? piece.start === piece.runStart && <Formula formula={run.math} label={run.text} /> : text;
  if (run.code) node = <code>{node}</code>;
  if (run.em) node = <em>{node}</em>;
  if (run.strong) node = <strong>{node}</strong>;
  for (const mark of piece.marks) {
    const data = Object.fromEntries(Object.entries(mark.data ?? {}).map(([k, v]) => [`data-${k}`, v]));
    // The label goes on the mark's last piece only.
    const label = mark.label && mark.end === piece.end ? mark.label : undefined;
    // A named mark is one tab stop: the first piece is the button.
    const name = mark.name && mark.start === piece.start ? mark.name : undefined;
    node = (
      <mark class={mark.class} data-label={label} {...data} tabIndex={name ? 0 : undefined} role={name ? 'button' : undefined} aria-label={name}>
        {node}
      </mark>
    );
  }
  if (run.href) node = <a href={run.href} target="_blank" rel="noopener noreferrer">{node}</a>;
  return <>{node}</>;
}

export interface BlockTextProps {
  inlines: Inline[];
  /** Marks in offsets of the block's text. */
  marks?: readonly TextMark[];
  /** Where these runs start in the block's text (list items after the first). */
  offset?: number;
  /**
   * The block's id: the runs are then wrapped in a span carrying it and `offset`, so a DOM
   * selection can be mapped back to offsets in `block.text` (components/highlights/selection.ts).
   */
  blockId?: string;
}

export function BlockText({ inlines, marks = [], offset = 0, blockId }: BlockTextProps) {
  const runs = pieces(inlines, marks, offset).map((p) => <PieceView key={p.start} piece={p} />);
  if (blockId === undefined) return <>{runs}</>;
  return <span class="block-text" data-block-id={blockId} data-offset={offset}>{runs}</span>;
}
