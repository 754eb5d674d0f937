/**
 * Reading the narration between quotes: the mentions it makes (for pronouns and surnames to
 * resolve to), and the latest sentence with a speech verb, whose subject a floating quote may
 * continue.
 */

import type { Context } from './context';
import { cutPhrase } from './patterns';
import { analyzePhrase, namedPersons } from './speakers';
import { wordCount } from './text';
import { cueSubject } from './tags/cue-subject';

/** Scans the text of an article once, in reading order, up to each quote or marker. */
export class NarrationScanner {
  /** Text before this point (block, offset) has been scanned for mentions. */
  private scanned = { block: 0, pos: 0 };

  constructor(private readonly ctx: Context) {}

  /** Leaves the text up to (block, pos) unread: names inside a quote are not antecedents of the pronoun in its tag. */
  skipTo(block: number, pos: number) {
    this.scanned = { block, pos };
  }

  /** Tells the registry which speakers and persons the text before (block, pos) mentions. */
  upTo(block: number, pos: number) {
    let { block: b, pos: p } = this.scanned;
    // Whole sentences of narration in the item's paragraph or the one before (the only ones a
    // floating quote may continue, see tags/floating.ts): the latest with a speaker counts.
    const narration: [number, number, number][] = [];
    while (b < block || (b === block && p < pos)) {
      const text = this.ctx.units[b].text;
      const end = b === block ? pos : text.length;
      // One sentence at a time, so that each mention records its own sentence.
      for (let s = p; s < end; ) {
        const e = Math.min(end, this.ctx.sentenceEnd(b, s));
        const piece = text.slice(s, e);
        const opens = s === this.ctx.sentenceStart(b, s);
        // A sentence whose subject is dropped ("Corroboró sus buenas relaciones con X"): the names in it are its objects.
        // Its subject is someone met before: resolved before the sentence's own names are noted.
        const dropped = opens && droppedOpening(this.ctx, piece);
        if (dropped) noteSubjectPronoun(this.ctx, piece, this.ctx.sentence(b, s), this.ctx.offsets[b] + e);
        const names = namedPersons(piece, this.ctx.L).map((n) => (dropped ? { ...n, oblique: true } : n));
        this.ctx.registry.noteMentions(piece, names, this.ctx.sentence(b, s), this.ctx.offsets[b] + e, this.ctx.L);
        if (opens && !dropped) noteSubjectPronoun(this.ctx, piece, this.ctx.sentence(b, s), this.ctx.offsets[b] + e);
        if (b >= block - 1 && e === this.ctx.sentenceEnd(b, s) && s === this.ctx.sentenceStart(b, s)) narration.push([b, s, e]);
        s = e;
      }
      if (b === block) p = pos;
      else [b, p] = [b + 1, 0];
    }
    this.scanned = { block, pos };
    for (let i = narration.length - 1; i >= 0 && !noteSpeech(this.ctx, ...narration[i]); i--);
  }
}

/** The words that may open a sentence's subject: the first (past a lead word), or the first after a short adverbial and its comma. */
function openingWords(sentence: string, L: Context['L']): string[] {
  const words = sentence.trim().split(/[\s\u00a0\u202f]+/, 6).map((w) => w.toLowerCase());
  const comma = words.findIndex((x) => x.endsWith(','));
  return [L.leadWords.includes(words[0]) ? words[1] : words[0], words[comma + 1]].filter((x) => x !== undefined);
}

/**
 * The sentence opens with a verb whose subject is dropped: a speech verb in any form ("En este
 * sentido, valora …") or a past form of the rules' tagVerb.dropped shape ("Corroboró …").
 */
function droppedOpening(ctx: Context, sentence: string): boolean {
  if (!ctx.L.dropsSubject) return false;
  const dropped = ctx.L.tagVerb?.dropped;
  return openingWords(sentence, ctx.L).some((x) => ctx.L.verbs.includes(x) || !!dropped?.test(x));
}

/**
 * "Lynch was sworn in in 2015. She recently called in to … She said …": a sentence opening with
 * a subject pronoun mentions the speaker it resolves to, which keeps the chain within reach. So
 * does a sentence opening with a verb whose subject is dropped.
 */
function noteSubjectPronoun(ctx: Context, sentence: string, index: number, seen: number) {
  // The subject opens the sentence, or follows a short adverbial ("But right now, he is …").
  const w = openingWords(sentence, ctx.L).find((x) => Object.hasOwn(ctx.L.pronouns, x));
  if (!w && !droppedOpening(ctx, sentence)) return;
  const { rec } = ctx.speakerOf({ kind: 'pronoun', gender: w ? ctx.L.pronouns[w] : null }, index, seen);
  if (rec) Object.assign(rec, { sentence: index, seen });
}

/**
 * "…, Schiff said." / "John Kline sagte zu den Anschuldigungen, dass …": a sentence of narration
 * with a speech verb makes its subject the latest speaker, whom a quote opening the next
 * sentence continues (tier floating).
 */
function noteSpeech(ctx: Context, block: number, start: number, end: number): boolean {
  const text = ctx.units[block].text.slice(start, end);
  // Not a noun after its article ("le juge Bocock").
  const m = ctx.P.cues.find(text).find((c) => !ctx.L.determiners.includes(/(\S+)\s+$/u.exec(text.slice(0, c.index))?.[1].toLowerCase() ?? ''));
  if (!m) return false;
  const left = text.slice(0, m.index);
  // Verb first ("…, said Schiff."): the subject follows the verb.
  const rest = text.slice(m.end);
  const mention =
    (/[\p{L}]/u.test(left) ? cueSubject(ctx, text, m)?.mention : null) ??
    (/^(?:.*,)?[\s\u00a0\u202f]*$/su.test(left) ? analyzePhrase(cutPhrase(rest.slice(ctx.P.skip.exec(rest)![0].length), ctx.L), ctx.L) : null);
  // Only a clear subject: a named person, a pronoun, or a short organisation name.
  if (!mention || mention.kind === 'role' || mention.kind === 'unnamed' || (mention.kind !== 'pronoun' && wordCount(mention.name) > 5)) return false;
  const who = ctx.speakerOf(mention, ctx.sentence(block, start), ctx.offsets[block] + end);
  if (who.rec) ctx.lastSpeaker = { rec: who.rec, block, pos: end, from: end, narrated: true };
  return !!who.rec;
}
