/**
 * Attribution: walks an article's quotes and reported-speech markers in reading order and gives
 * each one a speaker with the most precise rule that applies (see tiers.ts for the order).
 */

import type { Quote } from '../types';
import { pairQuotes, type QuoteSegment } from './marks';
import { cutPhrase } from './patterns';
import type { LangData } from './rules/types';
import { analyzePhrase, entityShaped, namedPersons, type SpeakerRec } from './speakers';
import { findReported, type ReportedHit } from './reported';
import { confidence, type SpeakerKind, tierName } from './tiers';
import { wordCount } from './text';
import { type Candidate, candidatesFor, type Site } from './candidates';
import { choose, type Model } from './scorer';
import { MODEL } from './rules/weights';
import { Context, FLOAT_BLOCKS, type Unit } from './context';
import { isHeading, isNamed, isTitle, labelled, labelOrTitle, negated, subjunctive } from './shape';
import { continuing, FALLBACKS, incise, TAG_FINDERS, type DirectQuote, type Tag, type Who } from './tags';
import { cueSubject } from './tags/cue-subject';

export type { Unit };

export interface AttributorOptions {
  /** The candidate scorer's model (default: the trained weights). */
  model?: Model;
  /**
   * Called with each quote left without a speaker by the rules, or given one through a pronoun
   * tag, and its candidates (for training). Set, pronoun tags' quotes are read for it too.
   */
  onCandidates?: (quote: Quote, candidates: Candidate[]) => void;
}

/** Quotes shorter than this need a speech cue to count (titles, nicknames, scare quotes). */
const MIN_FREE_WORDS = 4;

export class Attributor {
  private readonly ctx: Context;
  /** Text before this point (block, offset) has been scanned for mentions. */
  private scanned = { block: 0, pos: 0 };

  /**
   * The quotes the rules left without a speaker (index of the first quote, and where it stands);
   * when training, also those whose speaker a pronoun tag gave (`rule`: that speaker).
   */
  private readonly open: { index: number; count: number; site: Site; rule?: SpeakerRec }[] = [];

  constructor(
    units: Unit[],
    L: LangData,
    private readonly opts: AttributorOptions = {},
  ) {
    this.ctx = new Context(units, L);
  }

  run() {
    const texts = this.ctx.units.map((u) => u.text);
    const segments = pairQuotes(texts, this.ctx.L);
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
      this.noteMentionsUpTo(item.block, item.pos);
      if (item.rep) return this.addReported(item.rep);
      const group = item.group!;
      prevTag = this.addDirect(group, prevTag, items[i + 1]?.group);
      // Names inside the quote are not antecedents of the pronoun in its tag: skip them.
      const last = group[group.length - 1];
      this.scanned = { block: last.block, pos: last.close };
    });
    this.dropUnshapedSpeakers();
    this.chooseAmongCandidates();
    // A speaker first named by surname may have got a full name since: quotes take the final name.
    for (const q of this.ctx.quotes) {
      if (!q.rec) continue;
      q.speaker = q.rec.name;
      if (q.rec.role) q.role = q.rec.role;
    }
    return { quotes: this.ctx.quotes, speakers: this.ctx.registry.list };
  }

  private addDirect(group: QuoteSegment[], prevTag: Tag | null, next?: QuoteSegment[]): Tag | null {
    const first = group[0];
    const last = group[group.length - 1];
    const text = group.map((s) => this.ctx.units[s.block].text.slice(s.start, s.end)).join(' ');
    const words = wordCount(text);
    if (!words) return null;

    const inner = incise(this.ctx, first);
    if (inner) {
      // The tag inside the marks splits the quote: its two parts, then the rest of the group.
      const [seg, tag] = inner;
      group = [{ ...first, end: seg.cut }, ...(seg.resume < first.end ? [{ ...first, start: seg.resume }] : []), ...group.slice(1)];
      return this.emit(group, tag, { rec: tag.who!.rec, unnamed: tag.who!.unnamed });
    }
    const quote: DirectQuote = { first, last, text, prevTag, next };
    let tag: Tag | null = null;
    for (const find of TAG_FINDERS) if ((tag = find(this.ctx, quote))) break;
    // A title ("The Art of the Deal", "“Morning Joe,”") or a name after its noun ("dem Sender
    // „Al Jazeera“") is no quote, even after a speech verb.
    const sentence = this.ctx.sentence(first.block, first.open);
    if (isTitle(text, this.ctx.L) || isNamed(this.ctx, first, words) || (!tag && (words < MIN_FREE_WORDS || isHeading(this.ctx, group, text)))) {
      // “Amazing,” Davis said. “…”: a word that may be a title is left out, but its tag still
      // names the speaker of the quote that follows.
      if (tag?.tier === 'after' && isTitle(text, this.ctx.L)) {
        const who = tag.who ?? this.ctx.speakerOf(tag.mention, sentence, this.ctx.offsets[tag.block] + tag.end);
        if (who.rec) this.remember(who.rec, tag, last);
      }
      return null;
    }
    let far = false;
    let who = tag ? (tag.who ?? this.ctx.speakerOf(tag.mention, sentence, this.ctx.offsets[tag.block] + tag.end)) : null;
    // "…», a-t-il déclaré" after a long quote or a quoted tweet: the previous speaker, when the
    // narration since then (quotes left out) is two sentences at most and names nobody else.
    if (tag && who && !who.rec && tag.mention.kind === 'pronoun' && tag.tier !== 'floating') who = { rec: continuing(this.ctx, first, tag.mention.gender), unnamed: false };
    // A quote no finder tags: the previous speaker or sentence's subject, by the fallbacks' order.
    if (!tag) {
      for (const fallback of FALLBACKS) {
        const found = fallback(this.ctx, quote);
        if (found) {
          ({ tag, who } = found);
          far = !!found.far;
          break;
        }
      }
    }
    // A one- or two-word quote without a speech or naming cue is no quote (a scare quote:
    // „Gesindel“). A single word is a quote only as a label a naming verb gives ("called him a
    // “bully”"), as a word of indirect speech ("die Lage bleibe „kritisch“") or as part of a split
    // quote.
    const label = tag && (tag.tier === 'split' || (this.ctx.L.naming?.includes(tag.cue.toLowerCase().split(/\s+/).pop()!) && !negated(this.ctx, first)) || subjunctive(this.ctx, first) || (!!tag.cue && labelled(this.ctx, first)));
    if ((tag && !tag.cue && words <= 2) || (words === 1 && !label)) return null;
    // Detection apart from attribution: speech whose speaker no rule finds (no tag, or a tag
    // whose subject resolves to nobody) is still a quote, kept with its speaker not named. Its
    // shape got it here: four words or more untagged (titles, names and headings left out above),
    // or a speech cue.
    if (!tag || !who || (!who.rec && !who.unnamed)) {
      // A label in brackets ("(Motto: „…“)") or a title after a preposition is named, not said.
      if (!tag && labelOrTitle(this.ctx, first, text)) return null;
      const unresolved = !!tag && tag.mention.kind === 'pronoun' && tag.tier !== 'floating';
      this.open.push({ index: this.ctx.quotes.length, count: group.length, site: { block: first.block, open: first.open, lastBlock: last.block, close: last.close, pronounTag: unresolved } });
      this.emit(group, tag && unresolved ? tag : { mention: { kind: 'unnamed' }, cue: tag?.cue ?? '', tier: 'untagged', block: first.block, end: first.open }, { rec: null, unnamed: false });
      return null;
    }
    // A pronoun tag's antecedent, the rules' weakest choice, stays theirs (letting the scorer
    // replace it gained speakers on train but lost some on dev); its quote and candidates are
    // examples to train the scorer on (npm run train:quotes).
    if (this.opts.onCandidates && who.rec && tag.mention.kind === 'pronoun' && tag.tier !== 'floating' && tag.tier !== 'split') {
      this.open.push({ index: this.ctx.quotes.length, count: group.length, site: { block: first.block, open: first.open, lastBlock: last.block, close: last.close, pronounTag: true }, rule: who.rec });
    }
    return this.emit(group, tag, who, far);
  }

  /**
   * A speaker no reader would accept as a name (a fragment, a pronoun, a lone title) is dropped:
   * its quotes stay, and go to the candidate scorer like those the rules left without a speaker.
   */
  private dropUnshapedSpeakers() {
    const blockOf = new Map(this.ctx.units.map((u, i) => [u.id, i]));
    this.ctx.quotes.forEach((q, index) => {
      if (!q.rec || entityShaped(q.rec, this.ctx.L)) return;
      q.rec.quoteIds = q.rec.quoteIds.filter((id) => id !== q.id);
      Object.assign(q, { rec: null, speaker: null, tier: `${q.tier.replace(/-(?:org|role)$/, '')}-unknown` });
      q.confidence = confidence(q.tier, this.ctx.L.code);
      const block = blockOf.get(q.blockId)!;
      this.open.push({ index, count: 1, site: { block, open: Math.max(0, q.start - 1), lastBlock: block, close: q.end + 1, pronounTag: false } });
    });
    this.open.sort((a, b) => a.index - b.index);
  }

  /**
   * The quotes the rules left without a speaker: the best candidate in reach by the learned
   * scorer, when it is likely enough (candidates.ts). In reading order, so that a quote given a
   * speaker here is the previous speaker of the next one.
   */
  private chooseAmongCandidates() {
    const model = this.opts.model ?? MODEL;
    const blockOf = new Map(this.ctx.units.map((u, i) => [u.id, i]));
    const reader = {
      texts: this.ctx.units.map((u) => u.text),
      L: this.ctx.L,
      P: this.ctx.P,
      sentence: (b: number, p: number) => this.ctx.sentence(b, p),
      sentenceStart: (b: number, p: number) => this.ctx.sentenceStart(b, p),
      sentenceEnd: (b: number, p: number) => this.ctx.sentenceEnd(b, p),
      seen: new Map(),
    };
    for (const { index, count, site, rule } of this.open) {
      const q = this.ctx.quotes[index];
      if (q.rec !== (rule ?? null)) continue;
      let previous: SpeakerRec | null = null;
      for (let i = index - 1; i >= 0 && !previous; i--) {
        if ((blockOf.get(this.ctx.quotes[i].blockId) ?? 0) < site.block - FLOAT_BLOCKS) break;
        previous = this.ctx.quotes[i].rec;
      }
      // Speakers dropped as no name a reader would accept are no candidates either.
      const known = this.ctx.registry.list.filter((r) => entityShaped(r, this.ctx.L));
      const candidates = candidatesFor(reader, site, known, this.ctx.registry.namedSoFar(), previous && entityShaped(previous, this.ctx.L) ? previous : null);
      this.opts.onCandidates?.(q, candidates);
      if (rule) continue;
      const chosen = choose(model, candidates, this.ctx.L.code);
      if (!chosen) continue;
      const sentence = this.ctx.sentence(site.block, site.open);
      const rec = chosen.best.rec ?? this.ctx.registry.resolve({ kind: 'person', name: chosen.best.name, gender: null }, sentence, this.ctx.offsets[site.block] + site.open);
      if (!rec) continue;
      const tier = tierName('candidate', { speaker: speakerKind({ rec, unnamed: false }) });
      // Every segment of the quote (a quote over several paragraphs is one quote per paragraph).
      for (const part of this.ctx.quotes.slice(index, index + count)) {
        Object.assign(part, { rec, speaker: rec.name, tier, confidence: confidence(tier, this.ctx.L.code) });
        rec.quoteIds.push(part.id);
      }
    }
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
    if (who.rec) this.remember(who.rec, tag, last);
    return { ...tag, who };
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

  /**
   * "Lynch was sworn in in 2015. She recently called in to … She said …": a sentence opening with
   * a subject pronoun mentions the speaker it resolves to, which keeps the chain within reach.
   */
  private noteSubjectPronoun(sentence: string, index: number, seen: number) {
    // The subject opens the sentence, or follows a short adverbial ("But right now, he is …").
    const words = sentence.trim().split(/[\s\u00a0\u202f]+/, 6).map((w) => w.toLowerCase());
    const comma = words.findIndex((x) => x.endsWith(','));
    const w = [this.ctx.L.leadWords.includes(words[0]) ? words[1] : words[0], words[comma + 1]].find((x) => x && Object.hasOwn(this.ctx.L.pronouns, x));
    if (!w) return;
    const { rec } = this.ctx.speakerOf({ kind: 'pronoun', gender: this.ctx.L.pronouns[w] }, index, seen);
    if (rec) Object.assign(rec, { sentence: index, seen });
  }

  /**
   * "…, Schiff said." / "John Kline sagte zu den Anschuldigungen, dass …": a sentence of narration
   * with a speech verb makes its subject the latest speaker, whom a quote opening the next
   * sentence continues (tier floating).
   */
  private noteSpeech(block: number, start: number, end: number): boolean {
    const text = this.ctx.units[block].text.slice(start, end);
    // Not a noun after its article ("le juge Bocock").
    const m = this.ctx.P.cues.find(text).find((c) => !this.ctx.L.determiners.includes(/(\S+)\s+$/u.exec(text.slice(0, c.index))?.[1].toLowerCase() ?? ''));
    if (!m) return false;
    const left = text.slice(0, m.index);
    // Verb first ("…, said Schiff."): the subject follows the verb.
    const rest = text.slice(m.end);
    const mention =
      (/[\p{L}]/u.test(left) ? cueSubject(this.ctx, text, m)?.mention : null) ??
      (/^(?:.*,)?[\s\u00a0\u202f]*$/su.test(left) ? analyzePhrase(cutPhrase(rest.slice(this.ctx.P.skip.exec(rest)![0].length), this.ctx.L), this.ctx.L) : null);
    // Only a clear subject: a named person, a pronoun, or a short organisation name.
    if (!mention || mention.kind === 'role' || mention.kind === 'unnamed' || (mention.kind !== 'pronoun' && wordCount(mention.name) > 5)) return false;
    const who = this.ctx.speakerOf(mention, this.ctx.sentence(block, start), this.ctx.offsets[block] + end);
    if (who.rec) this.ctx.lastSpeaker = { rec: who.rec, block, pos: end, from: end, narrated: true };
    return !!who.rec;
  }

  /** Tells the registry which speakers and persons the text before (block, pos) mentions. */
  private noteMentionsUpTo(block: number, pos: number) {
    let { block: b, pos: p } = this.scanned;
    // Whole sentences of narration in the item's paragraph or the one before (the only ones a
    // floating quote may continue, see addDirect): the latest with a speaker counts.
    const narration: [number, number, number][] = [];
    while (b < block || (b === block && p < pos)) {
      const text = this.ctx.units[b].text;
      const end = b === block ? pos : text.length;
      // One sentence at a time, so that each mention records its own sentence.
      for (let s = p; s < end; ) {
        const e = Math.min(end, this.ctx.sentenceEnd(b, s));
        const piece = text.slice(s, e);
        this.ctx.registry.noteMentions(piece, namedPersons(piece, this.ctx.L), this.ctx.sentence(b, s), this.ctx.offsets[b] + e);
        if (s === this.ctx.sentenceStart(b, s)) this.noteSubjectPronoun(piece, this.ctx.sentence(b, s), this.ctx.offsets[b] + e);
        if (b >= block - 1 && e === this.ctx.sentenceEnd(b, s) && s === this.ctx.sentenceStart(b, s)) narration.push([b, s, e]);
        s = e;
      }
      if (b === block) p = pos;
      else [b, p] = [b + 1, 0];
    }
    this.scanned = { block, pos };
    for (let i = narration.length - 1; i >= 0 && !this.noteSpeech(...narration[i]); i--);
  }

}

/** What kind of speaker an attribution names, a feature of its tier. */
function speakerKind(who: Who): SpeakerKind {
  if (!who.rec) return who.unnamed ? 'unnamed' : 'unknown';
  if (who.rec.organisation) return 'org';
  // A role noun alone ("l'acteur", "the spokesman"): no name was found for it.
  return who.rec.roleOnly ? 'role' : 'person';
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
