import type { Context } from '../context';
import { opensDialogue } from '../dialogue';
import type { DirectQuote, Resolved } from './types';

/**
 * An interview's answers (rules' `dialogueDash`): "—¿Y si no firman? ¶ —No vamos a ceder.": a
 * dash paragraph with no tag continues the latest speaker when that speaker's quote was in a
 * dash paragraph too and only dash paragraphs (the interviewer's questions) lie between.
 */
export function dialogueTurn(ctx: Context, { first }: DirectQuote): Resolved | null {
  const last = ctx.lastSpeaker;
  const texts = ctx.units.map((u) => u.text);
  if (!ctx.L.dialogueDash || !last || last.narrated || last.block >= first.block || !opensDialogue(texts[first.block])) return null;
  for (let b = last.block; b < first.block; b++) if (!opensDialogue(texts[b])) return null;
  return {
    tag: { mention: { kind: 'pronoun', gender: null }, cue: '', tier: 'floating', block: first.block, end: first.open },
    who: { rec: last.rec, unnamed: false },
    far: true,
  };
}
