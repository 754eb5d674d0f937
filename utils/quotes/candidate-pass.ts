/**
 * The candidate scorer's pass over the quotes the rules left without a speaker (or with a speaker
 * no reader would accept): the best candidate in reach, when the learned scorer is sure enough.
 */

import type { Quote } from '../types';
import { blank, type Candidate, candidatesFor, type Opening, type Site } from './candidates';
import { type Context, FLOAT_BLOCKS } from './context';
import { MODEL } from './rules/weights';
import { choose, type Model } from './scorer';
import type { SpeakerRec } from './registry';
import { entityShaped, trimLeadingPreposition } from './speakers';
import { openingSubject } from './tags/subjects';
import { confidence, speakerKind, tierName } from './tiers';

export interface AttributorOptions {
  /** The candidate scorer's model (default: the trained weights). */
  model?: Model;
  /**
   * Called with each quote left without a speaker by the rules, or given one through a pronoun
   * tag, and its candidates (for training). Set, pronoun tags' quotes are read for it too.
   */
  onCandidates?: (quote: Quote, candidates: Candidate[]) => void;
}

/**
 * A quote the rules left without a speaker (index of its first segment among the quotes, their
 * count, and where it stands); when training, also one whose speaker a pronoun tag gave (`rule`:
 * that speaker).
 */
export interface OpenQuote {
  index: number;
  count: number;
  site: Site;
  rule?: SpeakerRec;
}

/**
 * A speaker no reader would accept as a name (a fragment, a pronoun, a lone title) is dropped:
 * its quotes stay, and go to the candidate scorer like those the rules left without a speaker.
 */
export function dropUnshapedSpeakers(ctx: Context, open: OpenQuote[]) {
  // A body's name loses the preposition the rules read with it before its shape is judged.
  for (const rec of ctx.registry.list) trimLeadingPreposition(rec, ctx.L);
  const blockOf = new Map(ctx.units.map((u, i) => [u.id, i]));
  ctx.quotes.forEach((q, index) => {
    if (!q.rec || entityShaped(q.rec, ctx.L)) return;
    q.rec.quoteIds = q.rec.quoteIds.filter((id) => id !== q.id);
    Object.assign(q, { rec: null, speaker: null, tier: `${q.tier.replace(/-(?:org|role)$/, '')}-unknown` });
    q.confidence = confidence(q.tier, ctx.L.code);
    const block = blockOf.get(q.blockId)!;
    open.push({ index, count: 1, site: { block, open: Math.max(0, q.start - 1), lastBlock: block, close: q.end + 1, pronounTag: false } });
  });
  open.sort((a, b) => a.index - b.index);
}

/** A mention not yet a speaker is taken only as a name a reader would accept ("Défenseur des", "L’été" are not). */
const shaped = (m: Opening['mention'], ctx: Context) =>
  entityShaped({ name: m.name, aliases: [], quoteIds: [], gender: null, sentence: 0, seen: 0, organisation: m.kind === 'org', roleOnly: m.kind === 'role' }, ctx.L);

/**
 * The subjects the quote's sentence and the sentence before it (in its paragraph) open with,
 * read as the rules read a subject, whatever the verb.
 */
function openings(ctx: Context, site: Site): Opening[] {
  const text = ctx.units[site.block].text;
  const found: Opening[] = [];
  let end = site.open;
  for (let d = 0; d < 2 && end > 0; d++) {
    const start = ctx.sentenceStart(site.block, Math.max(0, end - 1));
    // Quoted stretches are no subjects: blanked before reading the sentence's opening.
    const sentence = blank(text.slice(start, end));
    const mention = openingSubject(ctx, sentence, 'any');
    // "El PP, ha remachado, ha mantenido su « … »": a speech verb set off by commas has a speaker of its own.
    const incise = [...sentence.matchAll(/,([^,]+),/g)].some((m) => ctx.P.cues.find(m[1]).length > 0);
    if (mention && mention.kind !== 'pronoun' && mention.kind !== 'unnamed' && !incise && shaped(mention, ctx)) found.push({ mention, d });
    end = start;
  }
  return found;
}

/**
 * The quotes the rules left without a speaker: the best candidate in reach by the learned
 * scorer, when it is likely enough (candidates.ts). In reading order, so that a quote given a
 * speaker here is the previous speaker of the next one.
 */
export function chooseAmongCandidates(ctx: Context, open: readonly OpenQuote[], opts: AttributorOptions) {
  const model = opts.model ?? MODEL;
  const blockOf = new Map(ctx.units.map((u, i) => [u.id, i]));
  const reader = {
    texts: ctx.units.map((u) => u.text),
    L: ctx.L,
    P: ctx.P,
    sentence: (b: number, p: number) => ctx.sentence(b, p),
    sentenceStart: (b: number, p: number) => ctx.sentenceStart(b, p),
    sentenceEnd: (b: number, p: number) => ctx.sentenceEnd(b, p),
    seen: new Map(),
    lowered: ctx.units.map((u) => u.text.toLowerCase()),
    spread: new Map(),
  };
  for (const { index, count, site, rule } of open) {
    const q = ctx.quotes[index];
    if (q.rec !== (rule ?? null)) continue;
    let previous: SpeakerRec | null = null;
    for (let i = index - 1; i >= 0 && !previous; i--) {
      if (ctx.paragraphsAfter(blockOf.get(ctx.quotes[i].blockId) ?? 0, site.block) > FLOAT_BLOCKS) break;
      previous = ctx.quotes[i].rec;
    }
    // Speakers dropped as no name a reader would accept are no candidates either.
    const known = ctx.registry.list.filter((r) => entityShaped(r, ctx.L));
    const candidates = candidatesFor(reader, site, known, ctx.registry.namedSoFar(), previous && entityShaped(previous, ctx.L) ? previous : null, openings(ctx, site));
    opts.onCandidates?.(q, candidates);
    if (rule) continue;
    const chosen = choose(model, candidates, ctx.L.code);
    if (!chosen) continue;
    const sentence = ctx.sentence(site.block, site.open);
    const rec = chosen.best.rec ?? ctx.registry.resolve(chosen.best.mention ?? { kind: 'person', name: chosen.best.name, gender: null }, sentence, ctx.offsets[site.block] + site.open);
    if (!rec) continue;
    const tier = tierName('candidate', { speaker: speakerKind({ rec, unnamed: false }) });
    // Every segment of the quote (a quote over several paragraphs is one quote per paragraph).
    for (const part of ctx.quotes.slice(index, index + count)) {
      Object.assign(part, { rec, speaker: rec.name, tier, confidence: confidence(tier, ctx.L.code) });
      rec.quoteIds.push(part.id);
    }
  }
}
