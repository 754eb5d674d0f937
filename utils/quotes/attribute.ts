/**
 * Attribution: walks an article's quotes and reported-speech markers in reading order and gives
 * each one a speaker with the most precise rule that applies: the tag finders, then the
 * fallbacks, in the order of tags/index.ts, then the candidate scorer (candidate-pass.ts). Their
 * tiers' precisions are in tiers.ts.
 */

import type { Quote } from '../types';
import { chooseAmongCandidates, dropUnshapedSpeakers, type AttributorOptions, type OpenQuote } from './candidate-pass';
import { Context, type Unit } from './context';
import { dialogueSegments, withDialogue } from './dialogue';
import { pairQuotes, type QuoteSegment } from './marks';
import { NarrationScanner } from './narration';
import { findReported, type ReportedHit } from './reported';
import { calledAfter, givesWord, glossInBrackets, inReportedSentence, isHeading, isNamed, isTitle, labelOrTitle, namedAfterCue, namedAfterMarker, namedAfterRole } from './shape';
import type { LangData } from './rules/types';
import type { SpeakerRec } from './registry';
import { answerer, continuing, FALLBACKS, incise, TAG_FINDERS, type DirectQuote, type Tag, type Who } from './tags';
import { wordCount } from './text';
import { confidence, speakerKind, tierName } from './tiers';

export type { AttributorOptions, Unit };

/** Quotes shorter than this need a speech cue to count (titles, nicknames, scare quotes). */
const MIN_FREE_WORDS = 4;

export class Attributor {
  private readonly ctx: Context;
  private readonly narration: NarrationScanner;

  /**
   * The quotes the rules left without a speaker (index of the first quote, and where it stands);
   * when training, also those whose speaker a pronoun tag gave (`rule`: that speaker).
   */
  private readonly open: OpenQuote[] = [];

  constructor(
    units: Unit[],
    L: LangData,
    private readonly opts: AttributorOptions = {},
  ) {
    this.ctx = new Context(units, L);
    this.narration = new NarrationScanner(this.ctx);
  }

  run() {
    const texts = this.ctx.units.map((u) => u.text);
    const segments = withDialogue(pairQuotes(texts, this.ctx.L), dialogueSegments(texts, this.ctx.L));
    const groups = groupSegments(segments);
    const reported = findReported(texts, this.ctx.L, this.ctx.P, segments);
    for (const r of reported) if (r.tier === 'reported') (this.ctx.markers[r.block] ??= []).push(r);
    type Item = { block: number; pos: number; group?: QuoteSegment[]; rep?: ReportedHit };
    const items: Item[] = [
      ...groups.map((g) => ({ block: g[0].block, pos: g[0].open, group: g })),
      ...reported.map((r) => ({ block: r.block, pos: r.cueStart, rep: r })),
    ].sort((a, b) => a.block - b.block || a.pos - b.pos);

    let prevTag: Tag | null = null;
    items.forEach((item, i) => {
      this.narration.upTo(item.block, item.pos);
      if (item.rep) return this.addReported(item.rep);
      const group = item.group!;
      prevTag = this.addDirect(group, prevTag, items[i + 1]?.group);
      // Names inside the quote are not antecedents of the pronoun in its tag: skip them.
      const last = group[group.length - 1];
      this.narration.skipTo(last.block, last.close);
    });
    dropUnshapedSpeakers(this.ctx, this.open);
    chooseAmongCandidates(this.ctx, this.open, this.opts);
    // A speaker first named by surname may have got a full name since: quotes take the final name.
    for (const q of this.ctx.quotes) {
      if (!q.rec) continue;
      q.speaker = q.rec.name;
      if (q.rec.role) q.role = q.rec.role;
    }
    return { quotes: this.ctx.quotes, speakers: this.ctx.registry.list };
  }

  private addDirect(group: QuoteSegment[], prevTag: Tag | null, next?: QuoteSegment[]): Tag | null {
    const ctx = this.ctx;
    const first = group[0];
    const last = group[group.length - 1];
    const text = group.map((s) => ctx.units[s.block].text.slice(s.start, s.end)).join(' ');
    const words = wordCount(text);
    if (!words) return null;

    const inner = incise(ctx, first);
    if (inner) {
      // The tag inside the marks splits the quote: its two parts, then the rest of the group.
      const [seg, tag] = inner;
      group = [{ ...first, end: seg.cut }, ...(seg.resume < first.end ? [{ ...first, start: seg.resume }] : []), ...group.slice(1)];
      return this.emit(group, tag, { rec: tag.who!.rec, unnamed: tag.who!.unnamed });
    }
    const quote: DirectQuote = { first, last, text, prevTag, next };
    let tag: Tag | null = null;
    for (const find of TAG_FINDERS) if ((tag = find(ctx, quote))) break;
    // A title ("The Art of the Deal", "“Morning Joe,”") or a name after its noun ("dem Sender
    // „Al Jazeera“") is no quote, even after a speech verb.
    const sentence = ctx.sentence(first.block, first.open);
    const reported = inReportedSentence(ctx, first);
    if (isTitle(text, ctx.L) || isNamed(ctx, first, words) || namedAfterCue(ctx, first, text) || namedAfterRole(ctx, first, text) || namedAfterMarker(ctx, first, text) || glossInBrackets(ctx, first, text) || calledAfter(ctx, last) || (!tag && ((words < MIN_FREE_WORDS && !reported) || isHeading(ctx, group, text)))) {
      // “Amazing,” Davis said. “…”: a word that may be a title is left out, but its tag still
      // names the speaker of the quote that follows.
      if (tag?.tier === 'after' && isTitle(text, ctx.L)) {
        const who = tag.who ?? ctx.speakerOf(tag.mention, sentence, ctx.offsets[tag.block] + tag.end);
        if (who.rec) this.remember(who.rec, tag, last);
      }
      return null;
    }
    let far = false;
    let who = tag ? (tag.who ?? ctx.speakerOf(tag.mention, sentence, ctx.offsets[tag.block] + tag.end)) : null;
    // "…», a-t-il déclaré" after a long quote or a quoted tweet: the previous speaker, when the
    // narration since then (quotes left out) is two sentences at most and names nobody else.
    if (tag && who && !who.rec && tag.mention.kind === 'pronoun' && tag.tier !== 'floating') who = { rec: continuing(ctx, first, tag.mention.gender), unnamed: false };
    if (tag && who?.rec && tag.mention.kind === 'pronoun' && tag.tier !== 'floating') who = { ...who, rec: answerer(ctx, tag.cue, who.rec, sentence) };
    // A quote no finder tags: the previous speaker or sentence's subject, by the fallbacks' order.
    if (!tag) {
      for (const fallback of FALLBACKS) {
        const found = fallback(ctx, quote);
        if (found) {
          ({ tag, who } = found);
          far = !!found.far;
          break;
        }
      }
    }
    // A one- or two-word quote without a speech or naming cue is no quote (a scare quote:
    // „Gesindel“); a single word needs a tag that gives it (shape.ts).
    if (!reported && ((tag && !tag.cue && words <= 2) || (words === 1 && !givesWord(ctx, first, tag)))) return null;
    // Detection apart from attribution: speech whose speaker no rule finds (no tag, or a tag
    // whose subject resolves to nobody) is still a quote, kept with its speaker not named. Its
    // shape got it here: four words or more untagged (titles, names and headings left out above),
    // or a speech cue.
    if (!tag || !who || (!who.rec && !who.unnamed)) {
      // A short fragment is kept for its reported sentence only with the speaker who reports it.
      if (reported && words < MIN_FREE_WORDS && (!tag || !tag.cue)) return null;
      // A label in brackets ("(Motto: „…“)") or a title after a preposition is named, not said.
      if (!tag && labelOrTitle(ctx, first, text)) return null;
      const unresolved = !!tag && tag.mention.kind === 'pronoun' && tag.tier !== 'floating';
      this.open.push({ index: ctx.quotes.length, count: group.length, site: { block: first.block, open: first.open, lastBlock: last.block, close: last.close, pronounTag: unresolved } });
      this.emit(group, tag && unresolved ? tag : { mention: { kind: 'unnamed' }, cue: tag?.cue ?? '', tier: 'untagged', block: first.block, end: first.open }, { rec: null, unnamed: false });
      return null;
    }
    // A pronoun tag's antecedent, the rules' weakest choice, stays theirs (letting the scorer
    // replace it gained speakers on train but lost some on dev); its quote and candidates are
    // examples to train the scorer on (npm run train:quotes).
    if (this.opts.onCandidates && who.rec && tag.mention.kind === 'pronoun' && tag.tier !== 'floating' && tag.tier !== 'split') {
      this.open.push({ index: ctx.quotes.length, count: group.length, site: { block: first.block, open: first.open, lastBlock: last.block, close: last.close, pronounTag: true }, rule: who.rec });
    }
    return this.emit(group, tag, who, far);
  }

  /** Records the quotes of a group with their speaker; returns the tag for a following split part. */
  private emit(group: QuoteSegment[], tag: Tag, who: Who, far = false): Tag {
    const last = group[group.length - 1];
    const pronoun = tag.mention.kind === 'pronoun' && tag.tier !== 'floating' && tag.tier !== 'split';
    const tier = tierName(tag.tier, { pronoun, far, speaker: speakerKind(who) });
    for (const s of group) {
      this.push({
        text: this.ctx.units[s.block].text.slice(s.start, s.end),
        kind: 'direct',
        rec: who.rec,
        unnamed: who.unnamed,
        cue: tag.cue,
        tier,
        blockId: this.ctx.units[s.block].id,
        start: s.start,
        end: s.end,
      });
    }
    // Names in the rest of the tag's sentence ("said Earnest at a briefing before Clinton's
    // comments") are adjuncts: a following floating quote only checks the sentences after it.
    if (who.rec) {
      this.remember(who.rec, tag, last);
      if (tag.mention.kind === 'pronoun' && !tag.mention.gender && tag.tier !== 'floating') this.mentioned(who.rec, tag.block, tag.end);
    }
    return { ...tag, who };
  }

  /**
   * A tag's subject is a mention of its speaker, a pronoun or a dropped subject too ("», razonó."):
   * it keeps the speaker within a later pronoun's reach as a name would.
   */
  private mentioned(rec: SpeakerRec, block: number, end: number) {
    const sentence = this.ctx.sentence(block, Math.max(0, end - 1));
    if (sentence > rec.sentence) Object.assign(rec, { sentence, seen: Math.max(rec.seen, this.ctx.offsets[block] + end) });
  }

  /** The speaker a following floating quote may continue, from the end of its tag's sentence. */
  private remember(rec: SpeakerRec, tag: Tag, last: QuoteSegment) {
    const pos = Math.max(tag.end, last.close);
    this.ctx.lastSpeaker = { rec, block: tag.block, pos, from: this.ctx.sentenceEnd(tag.block, pos - 1) };
  }

  private addReported(r: ReportedHit) {
    const who = this.ctx.speakerOf(r.mention, this.ctx.sentence(r.block, r.cueStart), this.ctx.offsets[r.block] + r.cueStart);
    if (!who.rec && !who.unnamed) return;
    const tier = tierName(r.tier, { pronoun: r.mention.kind === 'pronoun', speaker: speakerKind(who) });
    this.push({
      text: this.ctx.units[r.block].text.slice(r.start, r.end),
      kind: 'reported',
      rec: who.rec,
      unnamed: who.unnamed,
      cue: r.cue,
      tier,
      blockId: this.ctx.units[r.block].id,
      start: r.start,
      end: r.end,
    });
    if (who.rec) this.ctx.lastSpeaker = { rec: who.rec, block: r.block, pos: r.end, from: r.end };
  }

  private push(q: Omit<Quote, 'id' | 'speaker' | 'confidence' | 'role'> & { rec: SpeakerRec | null }) {
    const id = `q${this.ctx.quotes.length}`;
    const quote = { ...q, id, speaker: q.rec?.name ?? null, confidence: confidence(q.tier, this.ctx.L.code), role: q.rec?.role };
    if (!quote.unnamed) delete quote.unnamed;
    if (!quote.cue) delete quote.cue;
    if (!quote.role) delete quote.role;
    q.rec?.quoteIds.push(id);
    this.ctx.quotes.push(quote);
  }
}

function groupSegments(segments: QuoteSegment[]): QuoteSegment[][] {
  const groups: QuoteSegment[][] = [];
  for (const s of segments) {
    const g = groups[groups.length - 1];
    if (g && g[0].group === s.group) g.push(s);
    else groups.push([s]);
  }
  return groups;
}
