/**
 * Attribution: walks an article's quotes and reported-speech markers in reading order and gives
 * each one a speaker with the most precise rule that applies (see tiers.ts for the order).
 */

import type { Quote } from '../types';
import { pairQuotes, type QuoteSegment } from './marks';
import type { CueKind, CueMatch } from './cues';
import { cutPhrase, hasDummy, impersonalSource, patterns, type Patterns } from './patterns';
import type { Gender, LangData } from './rules/types';
import { analyzePhrase, entityShaped, type Mention, namedPersons, personNames, Registry, type SpeakerRec, stripDeterminer } from './speakers';
import { findReported, type ReportedHit } from './reported';
import { confidence, type Rule, type SpeakerKind, tierName } from './tiers';
import { isUpper, sentenceEnds, upperBound, wordCount } from './text';
import { type Candidate, candidatesFor, type Site } from './candidates';
import { choose, type Model } from './scorer';
import { MODEL } from './rules/weights';

export interface Unit {
  id: string;
  text: string;
}

/** A tag found for a quote: who (as written), the cue, the tier, and where the tag ends. */
interface Tag {
  mention: Mention;
  cue: string;
  tier: Rule;
  block: number;
  end: number;
  /** The speaker the tag resolved to (kept for the second part of a split quote). */
  who?: Who | null;
}

type Who = { rec: SpeakerRec | null; unnamed: boolean };

export interface AttributorOptions {
  /** The candidate scorer's model (default: the trained weights). */
  model?: Model;
  /**
   * Called with each quote left without a speaker by the rules, or given one through a pronoun
   * tag, and its candidates (for training). Set, pronoun tags' quotes are read for it too.
   */
  onCandidates?: (quote: Quote, candidates: Candidate[]) => void;
}

/** The kinds of verbs a tag before a quote may have (see cues.ts). */
const KINDS: CueKind[] = ['speech', 'naming', 'gerund'];
/** Quotes shorter than this need a speech cue to count (titles, nicknames, scare quotes). */
const MIN_FREE_WORDS = 4;
/** Pronouns look back this many sentences for their speaker (a pronoun subject on the way is a mention too). */
const PRONOUN_WINDOW = 2;
/** A quoted span, to leave out of narration. */
const QUOTED = /[«“„"][^«»“”„"]*[»”“"]/g;
/** A floating quote takes the previous speaker only if that quote is this many paragraphs back at most. */
const FLOAT_BLOCKS = 2;
/** The longest untagged quote read as a subheading when it makes up its paragraph. */
const HEADING_WORDS = 10;
export class Attributor {
  private readonly P: Patterns;
  private readonly ends: number[][];
  private readonly base: number[] = [];
  private readonly registry = new Registry();
  private readonly quotes: (Quote & { rec: SpeakerRec | null })[] = [];
  /** Text before this point (block, offset) has been scanned for mentions. */
  private scanned = { block: 0, pos: 0 };
  private readonly offsets: number[] = [];
  /** The according-to statements of each block. */
  private readonly markers: ReportedHit[][] = [];
  /** The latest speaker, where its tag or quote ends (pos) and where its sentence ends (from). */
  private lastSpeaker: { rec: SpeakerRec; block: number; pos: number; from: number; narrated?: boolean } | null = null;

  /**
   * The quotes the rules left without a speaker (index of the first quote, and where it stands);
   * when training, also those whose speaker a pronoun tag gave (`rule`: that speaker).
   */
  private readonly open: { index: number; count: number; site: Site; rule?: SpeakerRec }[] = [];

  constructor(
    private readonly units: Unit[],
    private readonly L: LangData,
    private readonly opts: AttributorOptions = {},
  ) {
    this.P = patterns(L);
    this.ends = units.map((u) => sentenceEnds(u.text, L));
    let n = 0;
    let chars = 0;
    this.ends.forEach((e, b) => {
      this.base.push(n);
      n += e.length + 1;
      this.offsets.push(chars);
      chars += units[b].text.length + 1;
    });
  }

  run() {
    const texts = this.units.map((u) => u.text);
    const segments = pairQuotes(texts, this.L);
    const groups = groupSegments(segments);
    const reported = findReported(texts, this.L, this.P, segments);
    for (const r of reported) if (r.tier === 'reported') (this.markers[r.block] ??= []).push(r);
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
    for (const q of this.quotes) {
      if (!q.rec) continue;
      q.speaker = q.rec.name;
      if (q.rec.role) q.role = q.rec.role;
    }
    return { quotes: this.quotes, speakers: this.registry.list };
  }

  private addDirect(group: QuoteSegment[], prevTag: Tag | null, next?: QuoteSegment[]): Tag | null {
    const first = group[0];
    const last = group[group.length - 1];
    const text = group.map((s) => this.units[s.block].text.slice(s.start, s.end)).join(' ');
    const words = wordCount(text);
    if (!words) return null;

    const inner = this.incise(first);
    if (inner) {
      // The tag inside the marks splits the quote: its two parts, then the rest of the group.
      const [seg, tag] = inner;
      group = [{ ...first, end: seg.cut }, ...(seg.resume < first.end ? [{ ...first, start: seg.resume }] : []), ...group.slice(1)];
      return this.emit(group, tag, { rec: tag.who!.rec, unnamed: tag.who!.unnamed });
    }
    let tag = this.splitTag(first, prevTag) ?? this.afterTag(last, text) ?? this.beforeTag(first) ?? this.markerTag(first) ?? this.nextTag(last, next) ?? this.endTag(last) ?? this.wordsTag(first, last) ?? this.colonTag(first) ?? this.subjectTag(first);
    // A title ("The Art of the Deal", "“Morning Joe,”") or a name after its noun ("dem Sender
    // „Al Jazeera“") is no quote, even after a speech verb.
    const sentence = this.sentence(first.block, first.open);
    if (isTitle(text, this.L) || this.isNamed(first, words) || (!tag && (words < MIN_FREE_WORDS || this.isHeading(group, text)))) {
      // “Amazing,” Davis said. “…”: a word that may be a title is left out, but its tag still
      // names the speaker of the quote that follows.
      if (tag?.tier === 'after' && isTitle(text, this.L)) {
        const who = tag.who ?? this.speakerOf(tag.mention, sentence, this.offsets[tag.block] + tag.end);
        if (who.rec) this.remember(who.rec, tag, last);
      }
      return null;
    }
    let far = false;
    let who = tag ? (tag.who ?? this.speakerOf(tag.mention, sentence, this.offsets[tag.block] + tag.end)) : null;
    // "…», a-t-il déclaré" after a long quote or a quoted tweet: the previous speaker, when the
    // narration since then (quotes left out) is two sentences at most and names nobody else.
    if (tag && who && !who.rec && tag.mention.kind === 'pronoun' && tag.tier !== 'floating') who = { rec: this.continuing(first, tag.mention.gender), unnamed: false };
    // A floating quote opens its sentence, or stays in the paragraph of the previous speaker: a
    // quote inside a later sentence belongs to that sentence's subject ("Das Amt rät dazu, „…“").
    const opensSentence = /^[\s\u00a0\u202f—–-]*$/.test(this.units[first.block].text.slice(this.sentenceStart(first.block, first.open), first.open));
    // German indirect speech goes on in the subjunctive: "Der Niederländer sei „nicht aggressiv“".
    const indirect = !tag && this.subjunctive(first);
    if (!tag && (opensSentence || indirect || (this.lastSpeaker?.block === first.block && !this.lastSpeaker.narrated)) && this.lastSpeaker && first.block - this.lastSpeaker.block <= FLOAT_BLOCKS && (this.lastSpeaker.block < first.block || this.lastSpeaker.pos <= first.open)) {
      const { block, from } = this.lastSpeaker;
      // From the end of the speaker's sentence, its full stop included (names open the next one).
      const between = this.between(block, Math.max(0, (block === first.block ? Math.min(from, first.open) : from) - 1), first.block, first.open);
      // From an earlier paragraph, only the continuation of a speaker who ended the paragraph
      // before ("…,” he said.¶“More…”): otherwise the paragraph break changes the topic.
      const continues = block === first.block || (first.block === block + 1 && (indirect || (from >= this.units[block].text.length && first.open === 0)));
      if (continues && !this.namesOther(between, this.lastSpeaker.rec)) {
        who = { rec: this.lastSpeaker.rec, unnamed: false };
        far = block < first.block;
        tag = { mention: { kind: 'pronoun', gender: null }, cue: '', tier: 'floating', block: first.block, end: first.open };
      }
    }
    // "Die SPD will am Kurs festhalten. „Wir wollen …“": a first-person quote opening the sentence
    // after one whose subject is named speaks for that subject.
    if (!tag && opensSentence && this.L.firstPerson?.includes(text.split(/[^\p{L}]+/u)[0].toLowerCase())) {
      const start = this.sentenceStart(first.block, first.open);
      const prev = start > 0 ? this.units[first.block].text.slice(this.sentenceStart(first.block, start - 1), start) : '';
      const mention = prev && this.openingSubject(prev, 'any');
      if (mention) {
        tag = { mention, cue: '', tier: 'colon', block: first.block, end: first.open };
        who = this.speakerOf(mention, this.sentence(first.block, start - 1), this.offsets[first.block] + start);
      }
    }
    // A one- or two-word quote without a speech or naming cue is no quote (a scare quote:
    // „Gesindel“). A single word is a quote only as a label a naming verb gives ("called him a
    // “bully”"), as a word of indirect speech ("die Lage bleibe „kritisch“") or as part of a split
    // quote.
    const label = tag && (tag.tier === 'split' || (this.L.naming?.includes(tag.cue.toLowerCase().split(/\s+/).pop()!) && !this.negated(first)) || this.subjunctive(first) || (!!tag.cue && this.labelled(first)));
    if ((tag && !tag.cue && words <= 2) || (words === 1 && !label)) return null;
    // Detection apart from attribution: speech whose speaker no rule finds (no tag, or a tag
    // whose subject resolves to nobody) is still a quote, kept with its speaker not named. Its
    // shape got it here: four words or more untagged (titles, names and headings left out above),
    // or a speech cue.
    if (!tag || !who || (!who.rec && !who.unnamed)) {
      // A label in brackets ("(Motto: „…“)") or a title after a preposition is named, not said.
      if (!tag && this.labelOrTitle(first, text)) return null;
      const unresolved = !!tag && tag.mention.kind === 'pronoun' && tag.tier !== 'floating';
      this.open.push({ index: this.quotes.length, count: group.length, site: { block: first.block, open: first.open, lastBlock: last.block, close: last.close, pronounTag: unresolved } });
      this.emit(group, tag && unresolved ? tag : { mention: { kind: 'unnamed' }, cue: tag?.cue ?? '', tier: 'untagged', block: first.block, end: first.open }, { rec: null, unnamed: false });
      return null;
    }
    // A pronoun tag's antecedent, the rules' weakest choice, stays theirs (letting the scorer
    // replace it gained speakers on train but lost some on dev); its quote and candidates are
    // examples to train the scorer on (npm run train:quotes).
    if (this.opts.onCandidates && who.rec && tag.mention.kind === 'pronoun' && tag.tier !== 'floating' && tag.tier !== 'split') {
      this.open.push({ index: this.quotes.length, count: group.length, site: { block: first.block, open: first.open, lastBlock: last.block, close: last.close, pronounTag: true }, rule: who.rec });
    }
    return this.emit(group, tag, who, far);
  }

  /**
   * A speaker no reader would accept as a name (a fragment, a pronoun, a lone title) is dropped:
   * its quotes stay, and go to the candidate scorer like those the rules left without a speaker.
   */
  private dropUnshapedSpeakers() {
    const blockOf = new Map(this.units.map((u, i) => [u.id, i]));
    this.quotes.forEach((q, index) => {
      if (!q.rec || entityShaped(q.rec, this.L)) return;
      q.rec.quoteIds = q.rec.quoteIds.filter((id) => id !== q.id);
      Object.assign(q, { rec: null, speaker: null, tier: `${q.tier.replace(/-(?:org|role)$/, '')}-unknown` });
      q.confidence = confidence(q.tier, this.L.code);
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
    const blockOf = new Map(this.units.map((u, i) => [u.id, i]));
    const reader = {
      texts: this.units.map((u) => u.text),
      L: this.L,
      P: this.P,
      sentence: (b: number, p: number) => this.sentence(b, p),
      sentenceStart: (b: number, p: number) => this.sentenceStart(b, p),
      sentenceEnd: (b: number, p: number) => this.sentenceEnd(b, p),
      seen: new Map(),
    };
    for (const { index, count, site, rule } of this.open) {
      const q = this.quotes[index];
      if (q.rec !== (rule ?? null)) continue;
      let previous: SpeakerRec | null = null;
      for (let i = index - 1; i >= 0 && !previous; i--) {
        if ((blockOf.get(this.quotes[i].blockId) ?? 0) < site.block - FLOAT_BLOCKS) break;
        previous = this.quotes[i].rec;
      }
      // Speakers dropped as no name a reader would accept are no candidates either.
      const known = this.registry.list.filter((r) => entityShaped(r, this.L));
      const candidates = candidatesFor(reader, site, known, this.registry.namedSoFar(), previous && entityShaped(previous, this.L) ? previous : null);
      this.opts.onCandidates?.(q, candidates);
      if (rule) continue;
      const chosen = choose(model, candidates, this.L.code);
      if (!chosen) continue;
      const sentence = this.sentence(site.block, site.open);
      const rec = chosen.best.rec ?? this.registry.resolve({ kind: 'person', name: chosen.best.name, gender: null }, sentence, this.offsets[site.block] + site.open);
      if (!rec) continue;
      const tier = tierName('candidate', { speaker: speakerKind({ rec, unnamed: false }) });
      // Every segment of the quote (a quote over several paragraphs is one quote per paragraph).
      for (const part of this.quotes.slice(index, index + count)) {
        Object.assign(part, { rec, speaker: rec.name, tier, confidence: confidence(tier, this.L.code) });
        rec.quoteIds.push(part.id);
      }
    }
  }

  /**
   * An untagged quote shaped as a name, not speech: inside brackets after a label's colon, or a
   * short capitalised phrase with no final stop inside a sentence, not after a colon or a
   * sentence end ("in „Nackt unter Wölfen“", "mit dem Lied „Für dich soll's …“").
   */
  private labelOrTitle(seg: QuoteSegment, text: string): boolean {
    const before = this.units[seg.block].text.slice(0, seg.open);
    if (/\([^()]{0,40}:[\s\u00a0\u202f]*$/.test(before)) return true;
    const opens = /(?:^|[.!?:…—–-])[\s\u00a0\u202f]*$/.test(before);
    return !opens && wordCount(text) <= 8 && isUpper(text[0]) && !/[.!?…,]$/.test(text);
  }

  /** A paragraph that is nothing but a short quote with no final stop is a subheading ("« Nouvelles réformes propices à la croissance »"). */
  private isHeading(group: QuoteSegment[], text: string): boolean {
    const s = group[0];
    const block = this.units[s.block].text;
    return group.length === 1 && !block.slice(0, s.open).trim() && !block.slice(s.close).trim() && wordCount(text) <= HEADING_WORDS && !/[.!?…]$/.test(text);
  }

  /** A short capitalised quote right after a noun, not opening its sentence, is the name the noun gives ("die Zeitung „Neues Deutschland“"). */
  private isNamed(seg: QuoteSegment, words: number): boolean {
    const text = this.units[seg.block].text;
    const before = /(\S+)[\s\u00a0\u202f]+$/u.exec(text.slice(Math.max(0, seg.open - 40), seg.open))?.[1];
    const opens = seg.open <= this.sentenceStart(seg.block, seg.open) + (before?.length ?? 0) + 1;
    return words <= 4 && isUpper(text[seg.start]) && !!before && isUpper(before[0]) && /\p{L}$/u.test(before) && !opens;
  }

  /**
   * A word a speech verb gives: after a label link ("wies sie als „haltlos“ zurück") or inside the
   * verb's "that" clause ("urteilte, dass Hongkong in einen „Bunker“ verwandelt würde").
   */
  private labelled(seg: QuoteSegment): boolean {
    const words = this.wordsBefore(seg);
    return words.slice(-3, -1).some((w) => this.L.labelLinks?.includes(w)) || words.some((w) => this.L.that.includes(w));
  }

  /** A negation earlier in the quote's sentence ("nannte sie nicht „Gesindel“"). */
  private negated(seg: QuoteSegment): boolean {
    return this.wordsBefore(seg).some((w) => this.L.negations.includes(w));
  }

  /** A subjunctive of reported speech earlier in the quote's sentence ("Sie seien „…“"). */
  private subjunctive(seg: QuoteSegment): boolean {
    return !!this.L.subjunctive && this.wordsBefore(seg).some((w) => this.L.subjunctive!.includes(w));
  }

  private wordsBefore(seg: QuoteSegment): string[] {
    return this.units[seg.block].text.slice(this.sentenceStart(seg.block, seg.open), seg.open).toLowerCase().split(/[^\p{L}’']+/u);
  }

  /** Records the quotes of a group with their speaker; returns the tag for a following split part. */
  private emit(group: QuoteSegment[], tag: Tag, who: Who, far = false): Tag {
    const last = group[group.length - 1];
    const pronoun = tag.mention.kind === 'pronoun' && tag.tier !== 'floating' && tag.tier !== 'split';
    const tier = tierName(tag.tier, { pronoun, far, speaker: speakerKind(who) });
    for (const s of group) {
      this.push({
        text: this.units[s.block].text.slice(s.start, s.end),
        kind: 'direct',
        rec: who.rec,
        unnamed: who.unnamed,
        cue: tag.cue,
        tier,
        blockId: this.units[s.block].id,
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
    this.lastSpeaker = { rec, block: tag.block, pos, from: this.sentenceEnd(tag.block, pos - 1) };
  }

  private addReported(r: ReportedHit) {
    const who = this.speakerOf(r.mention, this.sentence(r.block, r.cueStart), this.offsets[r.block] + r.cueStart);
    if (!who.rec && !who.unnamed) return;
    const tier = tierName(r.tier, { pronoun: r.mention.kind === 'pronoun', speaker: speakerKind(who) });
    this.push({
      text: this.units[r.block].text.slice(r.start, r.end),
      kind: 'reported',
      rec: who.rec,
      unnamed: who.unnamed,
      cue: r.cue,
      tier,
      blockId: this.units[r.block].id,
      start: r.start,
      end: r.end,
    });
    if (who.rec) this.lastSpeaker = { rec: who.rec, block: r.block, pos: r.end, from: r.end };
  }

  private push(q: Omit<Quote, 'id' | 'speaker' | 'confidence' | 'role'> & { rec: SpeakerRec | null }) {
    const id = `q${this.quotes.length}`;
    const quote = { ...q, id, speaker: q.rec?.name ?? null, confidence: confidence(q.tier, this.L.code), role: q.rec?.role };
    if (!quote.unnamed) delete quote.unnamed;
    if (!quote.cue) delete quote.cue;
    if (!quote.role) delete quote.role;
    q.rec?.quoteIds.push(id);
    this.quotes.push(quote);
  }

  /** "“A,” said X, “B”": the second part of a quote split by its tag. */
  private splitTag(first: QuoteSegment, prev: Tag | null): Tag | null {
    if (!prev || prev.block !== first.block || prev.end > first.open || prev.tier === 'floating' || prev.tier === 'dash') return null;
    const text = this.units[first.block].text;
    const gap = text.slice(prev.end, first.open);
    if (/^[\s\u00a0\u202f]*[,:;—–-]?[\s\u00a0\u202f]*$/.test(gap)) return { ...prev, tier: 'split', end: first.open };
    // "menace de … par « petits cercles » et « avec parcimonie »": a quote coordinated with the
    // previous one, whose tag came before it.
    const q = this.quotes[this.quotes.length - 1];
    const coordinated = q && q.blockId === this.units[first.block].id && prev.end <= q.start && q.end <= first.open && this.P.coordinated?.test(text.slice(q.end, first.open));
    return coordinated ? { ...prev, tier: 'split', end: first.open } : null;
  }

  /**
   * "“A”, “B”, a-t-il déclaré" / "Die „A“ hätten „B“, so Murtha": a quote followed in its sentence
   * by another one whose tag closes the sentence; no speech verb in between (else the tag there
   * is the first quote's own).
   */
  private nextTag(last: QuoteSegment, next?: QuoteSegment[]): Tag | null {
    if (!next || next[0].block !== last.block || this.sentence(last.block, last.close - 1) !== this.sentence(last.block, next[0].open)) return null;
    const gap = this.units[last.block].text.slice(last.close, next[0].open);
    if (this.P.cues.find(gap).length) return null;
    const nl = next[next.length - 1];
    const tag = this.afterTag(nl, this.units[nl.block].text.slice(nl.start, nl.end));
    return tag ? { ...tag, tier: 'split' } : null;
  }

  /** A tag right after the closing mark, within the sentence. */
  private afterTag(seg: QuoteSegment, quoteText: string): Tag | null {
    const own = this.sentenceEnd(seg.block, seg.close - 1);
    if (own > seg.close) return this.readTag(seg.block, seg.close, Math.min(own, seg.close + 250), quoteText);
    // The quote ends its sentence: a tag may follow only as a sentence of its own (“… .” Smith
    // said.), not as the start of the next one (“… .” Laut der Website wird …).
    const next = this.sentenceEnd(seg.block, seg.close);
    const tag = this.readTag(seg.block, seg.close, Math.min(next, seg.close + 250), quoteText);
    return tag && this.endsTag(this.units[seg.block].text.slice(tag.end, next)) ? tag : null;
  }

  /** Nothing but a stop, or an adjunct without quotes (“…!” Trump tweeted before Election Day.), ends a tag's sentence. */
  private endsTag(rest: string): boolean {
    if (/^[\s\u00a0\u202f]*[.!]?[\s\u00a0\u202f]*$/.test(rest)) return true;
    const words = rest.trim().replace(/^,[\s\u00a0\u202f]*/, '').split(/[\s\u00a0\u202f]+/);
    const L = this.L;
    const opener = words[0].toLowerCase();
    const adjunct = [L.prepositions ?? [], L.timeWords, L.stopWords].some((list) => list.includes(opener)) && ![L.that, L.relatives, L.coordinators ?? [], L.reported.pre].some((list) => list.includes(opener));
    return adjunct && words.length <= 12 && !/[“”"«»„‘’]/.test(rest);
  }

  /**
   * "Il est « trop tôt pour dire » si …, estimait fin janvier Gérald Darmanin.": a fragment in a
   * sentence that ends with an inverted tag after a comma (tier sentence).
   */
  private endTag(seg: QuoteSegment): Tag | null {
    const text = this.units[seg.block].text;
    const end = this.sentenceEnd(seg.block, seg.close - 1);
    const comma = text.lastIndexOf(',', end);
    if (comma <= seg.close || end - comma > 250) return null;
    const tag = this.readTag(seg.block, comma, end, null);
    return tag && /^[\s\u00a0\u202f]*[.!]?[\s\u00a0\u202f]*$/.test(text.slice(tag.end, end)) ? { ...tag, tier: 'sentence' } : null;
  }

  /**
   * "Mit den Worten „…“, richtete er seinen Blick …": a quote announced as someone's words is the
   * clause's subject's: the pronoun after the verb that follows it, else the sentence's opening subject.
   */
  private wordsTag(first: QuoteSegment, last: QuoteSegment): Tag | null {
    const text = this.units[first.block].text;
    const start = this.sentenceStart(first.block, first.open);
    const before = text.slice(start, first.open);
    if (!this.L.wordsCue?.test(before) || first.block !== last.block) return null;
    const pron = /^[\s\u00a0\u202f]*,[\s\u00a0\u202f]*\p{Ll}+[\s\u00a0\u202f]+(\p{L}+)/u.exec(text.slice(last.close))?.[1].toLowerCase();
    const mention: Mention | null = pron && Object.hasOwn(this.L.pronouns, pron) ? { kind: 'pronoun', gender: this.L.pronouns[pron] } : this.openingSubject(before);
    return mention ? { mention, cue: '', tier: 'sentence', block: first.block, end: last.close } : null;
  }

  /**
   * « A, a poursuivi X. B » / « A, s’indigne X, militante. B »: a tag inside the marks after a
   * comma (the French way of quoting), only in the inverted forms. Returns where the first part
   * ends, where the second resumes, and the tag with its speaker.
   */
  private incise(seg: QuoteSegment): [{ cut: number; resume: number }, Tag] | null {
    const text = this.units[seg.block].text;
    for (let c = text.indexOf(',', seg.start); c >= 0 && c < seg.end; c = text.indexOf(',', c + 1)) {
      const tag = this.readTag(seg.block, c, Math.min(seg.end, c + 200), null);
      if (!tag || wordCount(text.slice(seg.start, c)) < 2) continue;
      const rest = /^[^.!?…;]*?[.!?…;,]?[\s\u00a0\u202f]*/.exec(text.slice(tag.end, seg.end))![0];
      // The tag ends its clause: punctuation, or the end of the quote, follows the speaker's phrase.
      if (tag.end + rest.length < seg.end && !/^[\s\u00a0\u202f]*[.!?…;,]/.test(text.slice(tag.end, seg.end))) continue;
      const who = this.speakerOf(tag.mention, this.sentence(seg.block, c), this.offsets[seg.block] + tag.end);
      if (!who.rec && !who.unnamed) return null;
      const resume = tag.end + rest.length;
      return [{ cut: c, resume }, { ...tag, tier: 'incise', end: resume, who }];
    }
    return null;
  }

  /**
   * The tag at `from` (a closing mark, or a comma inside a quote when `quoteText` is null: then
   * only verb-first and inverted tags, as a subject-first clause inside a quote is quoted speech).
   */
  private readTag(block: number, from: number, stop: number, quoteText: string | null): Tag | null {
    // "», comme prévenait l'OMS" / "”, as Smith put it": a tag behind a comparative link.
    const link = quoteText === null ? null : this.P.link?.exec(this.units[block].text.slice(from, stop));
    if (link) from += link[0].length;
    const after = this.units[block].text.slice(from, stop);
    const tag = (np: Mention | null, cue: string, end: number): Tag | null =>
      np ? { mention: np, cue, tier: 'after', block, end: from + end } : null;

    // “A” ― Pamela Padilla: a pull quote signed with a dash and a full name, nothing after it.
    const dash = quoteText === null ? null : /^[\s\u00a0\u202f]*[—―–][\s\u00a0\u202f]*/.exec(after);
    if (dash) {
      const np = cutPhrase(after.slice(dash[0].length), this.L);
      const m = np ? analyzePhrase(np, this.L) : null;
      const end = dash[0].length + np.length;
      if (m?.kind === 'person' && m.name.includes(' ') && /^[\s\u00a0\u202f]*(?:[.,;]|["“«„]|$)/.test(after.slice(end))) {
        return { mention: m, cue: '', tier: 'dash', block, end: from + end };
      }
    }
    const inv = this.P.cues.inverted(after);
    if (inv) {
      const pron = inv.pron.toLowerCase();
      return tag({ kind: 'pronoun', gender: this.L.pronouns[pron] ?? null }, after.slice(0, inv.end).trim().replace(/^[,;—–-]\s*/, ''), inv.end);
    }
    const listed = this.P.cues.verbFirst(after);
    const unlisted = listed || quoteText === null ? null : this.unlistedVerb(after, quoteText);
    const vf = listed ?? unlisted;
    // "», a indiqué sur Twitter le syndicat": adjuncts between the verb and its subject, when no
    // subject follows the verb itself.
    for (const withAdjuncts of [false, true]) {
      if (!vf) break;
      let skipped = vf.end + this.P.skip.exec(after.slice(vf.end))![0].length;
      const adjuncts = withAdjuncts ? this.pastAdjuncts(after.slice(skipped)) : 0;
      if (withAdjuncts && !adjuncts) break;
      skipped += adjuncts + this.P.skip.exec(after.slice(skipped + adjuncts))![0].length;
      const rest = after.slice(skipped);
      const cue = vf.cue;
      const addressed = this.L.addressed?.includes(cue.toLowerCase().split(/\s+/).pop()!);
      const np = addressed ? '' : cutPhrase(rest, this.L);
      // Past adjuncts, or after a verb no list holds, only a subject that ends the clause.
      const ends = !!np && /^[\s\u00a0\u202f]*(?:[.!?…;,:]|$)/.test(rest.slice(rest.indexOf(np) + np.length));
      // Spanish drops the subject ("», dijo."): like a pronoun, the previous speaker.
      const dropped = quoteText !== null && (!adjuncts || !!this.L.dropsSubject) && /^[\s\u00a0\u202f]*[.,;]/.test(rest) && (!unlisted || !!this.L.tagVerb?.dropped?.test(cue));
      const mention = np && (ends || !(adjuncts || unlisted)) ? analyzePhrase(np, this.L) : !np && dropped ? ({ kind: 'pronoun', gender: null } as const) : null;
      const late = addressed ? null : this.lateSubject(rest);
      // "», a prévenu le commissaire à l’économie Pierre Moscovici": the name ending the clause.
      if (mention && !(mention.kind === 'role' && late)) return tag(mention, cue, skipped + rest.indexOf(np) + np.length);
      if (late) return tag(late.mention, cue, skipped + late.end);
    }
    const sf = quoteText === null ? null : this.P.cues.subjectFirst(after);
    if (sf && quoteText !== null) {
      const rest = after.slice(sf.end);
      const sentenceDone = /[.!?…]$/.test(quoteText);
      if (!(sentenceDone && this.P.colonOrThat.test(rest))) {
        // "„…“, hatte VW-Chef Winterkorn in einem Interview erklärt": past an auxiliary, the
        // subject ends at its first adjunct.
        const aux = /^[\p{L}’']+/u.exec(sf.np)?.[0] ?? '';
        const np = this.L.aux.includes(aux.toLowerCase()) ? cutPhrase(sf.np.slice(aux.length), this.L) : sf.np;
        return tag(analyzePhrase(np, this.L), sf.cue, sf.end);
      }
    }
    return null;
  }

  /**
   * "», sourit Victor" / "”, espetó el ministro" / "», a tonné le maire": after the quote's comma
   * (or dash), one lower-case word of the language's verb shape (rules' tagVerb), past an
   * auxiliary or an elided reflexive; not a function word. The caller requires a subject that
   * ends the clause, or none where the language drops it.
   */
  private unlistedVerb(after: string, quoteText: string): CueMatch | null {
    const L = this.L;
    if (!L.tagVerb) return null;
    const m = UNLISTED_TAG.exec(after);
    if (!m || (!m[1] && !quoteText.endsWith(','))) return null;
    const aux = !!m[4] && L.aux.includes(m[2]);
    const verb = aux ? m[4] : m[2];
    const end = aux ? m[0].length : m[0].length - (m[3]?.length ?? 0);
    const fn = [L.stopWords, L.determiners, L.prepositions ?? [], L.that, L.relatives, L.coordinators ?? [], L.leadWords, L.timeWords, L.adverbs, L.negations, L.reported.pre, Object.keys(L.pronouns), Object.keys(L.reported.pronouns ?? {})];
    if (!L.tagVerb.shape.test(verb) || fn.some((list) => list.includes(verb))) return null;
    return { index: end - verb.length, end, cue: verb };
  }

  /**
   * Where the prepositional adjuncts (two at most) opening `text` end ("sur Twitter", "dans un
   * communiqué", "à l'AFP", "in einer Erklärung"), or 0: a preposition, a determiner, then one word
   * and the capitalised words after it.
   */
  private pastAdjuncts(text: string): number {
    const L = this.L;
    let end = 0;
    for (let n = 0; n < 2; n++) {
      const m = ADJUNCT.exec(text.slice(end));
      if (!m || !L.prepositions?.includes(m[1]) || (m[2] && !L.determiners.includes(m[2]))) break;
      // The determiner starts the subject itself ("a déclaré à son tour le ministre"): not an adjunct word.
      const word = m[0].trimEnd().split(/[\s\u00a0\u202f]+/).pop()!.toLowerCase();
      if (L.determiners.includes(word)) break;
      end += m[0].length;
    }
    return end;
  }

  /**
   * An inverted subject after an adjunct ("», avait indiqué à l'AFP Savera Mosnier, habitante"):
   * the clause after the verb ends with a full name, optionally with its role before it.
   */
  private lateSubject(rest: string): { mention: Mention; end: number } | null {
    // One apposition too: "», avait répondu à l'AFP son avocat, André Buffard".
    const clause = /^[^,.;:!?«»“”„"()]*(?:,[\s\u00a0\u202f]+\p{Lu}[^,.;:!?«»“”„"()]*)?/u.exec(rest)![0].trimEnd();
    if (wordCount(clause) > 12) return null;
    const names = personNames(clause, this.L);
    const name = names[names.length - 1];
    if (!name || !clause.endsWith(name)) return null;
    // "», destacó en Onda Cero": a name right after a preposition is its object, not the subject.
    const before = /(\S+)[\s\u00a0\u202f]*$/u.exec(clause.slice(0, clause.length - name.length))?.[1].toLowerCase() ?? '';
    if (this.L.prepositions?.includes(before)) return null;
    return { mention: { kind: 'person', name, gender: null }, end: clause.length };
  }

  /** A speech verb earlier in the quote's sentence: right before the mark (tier before) or further (sentence). */
  private beforeTag(seg: QuoteSegment): Tag | null {
    const text = this.units[seg.block].text;
    const from = Math.max(this.sentenceStart(seg.block, seg.open), seg.open - 300, this.prevClose(seg));
    const before = text.slice(from, seg.open);
    // The verb nearest the quote: a speech verb, a naming verb ("called the senator a “nasty guy”"),
    // or a gerund whose subject is the sentence's ("Trump attacked Clinton, saying, “…”").
    const m = this.P.cues.last(before, KINDS);
    if (!m) return null;
    const found = m.kind === 'gerund' ? this.gerundSubject(before.slice(0, m.index), seg) : this.cueSubject(before, m);
    return found ? { ...found, cue: m.cue, block: seg.block, end: seg.open } : null;
  }

  private readonly tagOf = (mention: Mention | null, tier: Rule) => (mention ? { mention, tier } : null);

  /**
   * The subject of a gerund's main clause: the subject of a speech verb before it ("…, a confirmé
   * Xavier Bonhomme, ajoutant que « … »"), else the sentence's opening subject, else the speaker
   * of a quote's tag earlier in the sentence ("« … », a-t-il estimé, soulignant que … « … »").
   */
  private gerundSubject(main: string, seg: QuoteSegment): { mention: Mention; tier: Rule } | null {
    const verb = this.P.cues.last(main, ['speech']);
    const found = verb ? this.cueSubject(main, verb) : null;
    return found ? { ...found, tier: 'sentence' } : this.tagOf(this.openingSubject(main) ?? this.sentenceSpeaker(seg), 'sentence');
  }

  /** The speaker of a tag earlier in the quote's sentence. */
  private sentenceSpeaker(seg: QuoteSegment): Mention | null {
    const last = this.lastSpeaker;
    if (!last || last.narrated || last.block !== seg.block || this.sentence(seg.block, last.pos - 1) !== this.sentence(seg.block, seg.open)) return null;
    const { rec } = last;
    return rec.organisation ? { kind: 'org', name: rec.name } : { kind: 'person', name: rec.name, gender: rec.gender };
  }

  /**
   * The speaker of the speech verb `m` in `before` (a sentence up to a quote): tier before when
   * the verb sits right before the quote, else sentence.
   */
  private cueSubject(before: string, m: CueMatch): { mention: Mention; tier: Rule } | null {
    const gap = before.slice(m.end);
    const adjacent = this.P.gap.test(gap);
    const tier: Rule = adjacent ? 'before' : 'sentence';
    const cue = m.cue;
    const tag = this.tagOf;
    // Before the verb: its subject ("Limbaugh told his audience: “"), or an adverbial that puts the
    // subject after the verb ("Nach einem Besuch sprach der Präsident von „…“", "Gestern sagte X:").
    const left = before.slice(0, m.index);
    const clause = left.split(/,[\s\u00a0\u202f]+/).pop()!;
    const first = clause.trim().split(/[\s\u00a0\u202f]+/).find((w) => !this.L.leadWords.includes(w.toLowerCase()));
    const w = first?.toLowerCase() ?? '';
    // A clause opening with an article opens with its subject ("Ein Sprecher sagte:"), not an adverbial.
    // Nothing but an adverb before the verb ("So warnten Vertreter …") puts the subject after it too;
    // after "and" the subject is the previous clause's ("… and calls people “losers”").
    const lead = clause.trim().toLowerCase().split(/[\s\u00a0\u202f]+/);
    const adverbial = (!w && /\p{L}/u.test(clause) && !lead.some((x) => this.L.coordinators?.includes(x))) || (!!w && !this.L.relatives.includes(w) && !this.L.determiners.includes(w) && (this.L.stopWords.includes(w) || this.L.timeWords.includes(w)));
    const subject = adverbial ? null : this.leftSubject(left);
    const addressed = this.L.addressed?.includes(cue.toLowerCase().split(/\s+/).pop()!);
    // "sagte Filep Karma:", "a déclaré X :", "said Smith:" — the subject after the verb, unless
    // a subject precedes it (a single word may be a German V2 adverbial: "Dazu sagte X:").
    // "X zitiert den Augenzeugen Y mit den Worten:": the object of a quoting verb is the speaker
    // (past its article, which would otherwise end the phrase).
    const quoting = this.L.quoting?.includes(cue.toLowerCase());
    // "So heißt es in dem Schreiben:": the document speaks; "hieß es," alone names no source.
    const imp = this.L.impersonal;
    if (imp?.verbs.includes(cue.toLowerCase().split(/\s+/).pop()!)) {
      const dummy = this.P.dummy?.exec(gap);
      // Without its dummy subject, after or before it ("in denen es … heißt"), the verb names ("Der Film heißt „Das Boot“").
      if (!dummy && !hasDummy(clause, this.L)) return null;
      return tag(impersonalSource([gap.slice(dummy?.[0].length ?? gap.length), clause.trim()], this.L), tier);
    }
    // "Asimismo, denuncia que «…»" / "En este sentido, asegura que": an opener ending in a comma
    // right before the verb is no subject; a language that drops subjects speaks for the previous speaker.
    const opener = this.L.dropsSubject && /^[^,]+,[\s\u00a0\u202f]*$/.test(left) && !/[«»“”„"]/.test(left) && !this.namesSomeone(left);
    if (opener && !(adjacent || addressed ? '' : cutPhrase(gap, this.L))) return tag({ kind: 'pronoun', gender: null }, tier);
    const pron = /^[\s\u00a0\u202f]*(\p{L}+)/u.exec(gap)?.[1].toLowerCase();
    if (pron && this.L.subjectPronouns?.includes(pron)) return tag({ kind: 'pronoun', gender: this.L.pronouns[pron] ?? null }, tier);
    // Past adverbs too ("zitiert dazu Néstor Kirchner mit folgenden Worten:").
    const object = quoting ? gap.replace(this.P.skip, '').replace(this.P.leadDeterminer, '') : gap;
    const inverted = adjacent || addressed ? '' : cutPhrase(object, this.L);
    const after = object.slice(object.indexOf(inverted) + inverted.length);
    const closed = !!inverted && /^[^,:]*[,:][\s\u00a0\u202f]*$/.test(after);
    // "…, a précisé Stuart Bell, rendant hommage au « … »": a name right after the verb, ended by a comma.
    const inverts = !!inverted && !closed && /^,/.test(after) && /(?:^|[,;:])[\s\u00a0\u202f]*$/.test(left);
    const late = inverted && (closed || adverbial || inverts) ? analyzePhrase(inverted, this.L) : null;
    // A one-word clause before the verb may be a German V2 adverbial ("Dazu sagte X:"); an empty one
    // follows the subject's apposition ("Michael Knipper, …, kritisierte die Entscheidung:").
    const weakSubject = !subject || subject.kind === 'role' || (closed && (wordCount(clause) === 1 || (subject.kind !== 'person' && late?.kind === 'person')));
    if (late && (quoting || weakSubject) && (!inverts || late.kind === 'person')) return tag(late, closed ? 'before' : 'sentence');
    // An English adverbial does not invert ("In a Bloomberg interview Trump declared “…”"); else
    // the sentence's opening subject ("Gilles Artigues porte plainte et dénonce un chantage …").
    return tag(subject ?? (adverbial ? this.leftSubject(left) : null), tier) ?? tag(this.openingSubject(before.slice(0, m.index), true), 'sentence');
  }

  /**
   * "Das Buch ist laut einem Jury-Mitglied eine „…“" / "selon le naturopathe Olivier Panisset : « … »":
   * a quote after an according-to marker in its sentence is the marker's source's.
   */
  private markerTag(seg: QuoteSegment): Tag | null {
    const sentence = this.sentence(seg.block, seg.open);
    const r = this.markers[seg.block]?.findLast((h) => h.cueStart < seg.open && this.sentence(seg.block, h.cueStart) === sentence);
    return r ? { mention: r.mention, cue: r.cue, tier: 'marker', block: seg.block, end: seg.open } : null;
  }

  /**
   * "Staatssekretär Harald Stegemann bestreitet jede Kenntnis: „…“" / "Aurélie Hannedouche appelle
   * à résister : « … »": a quote opened after a colon that ends its sentence's clause, with no
   * speech verb; the speaker is the sentence's subject when it opens the sentence as a named person
   * (the capitalised words before the first lower-case word) or as a speaker already met.
   */
  private colonTag(seg: QuoteSegment): Tag | null {
    const text = this.units[seg.block].text;
    const start = this.sentenceStart(seg.block, seg.open);
    const before = text.slice(start, seg.open);
    // Not a label inside brackets ("(Motto: „…“)").
    if (!/:[\s\u00a0\u202f]*$/.test(before) || before.lastIndexOf('(') > before.lastIndexOf(')')) return null;
    const mention = this.openingSubject(before, 'any') ?? this.label(before);
    return mention ? { mention, cue: '', tier: 'colon', block: seg.block, end: seg.open } : null;
  }

  /**
   * "Inès, 20 ans, étudiante : « … »" / "Paul, Rentner aus Kiel: „…“": a sentence that is a first
   * name and its short appositions before the colon, no clause: a speaker's label.
   */
  private label(before: string): Mention | null {
    const m = /^[\s\u00a0\u202f]*(\p{Lu}[\p{Ll}’'-]+),[\s\u00a0\u202f]+([^:;.!?«»“”„"]+):[\s\u00a0\u202f]*$/u.exec(before);
    if (!m || wordCount(m[2]) > 8 || this.P.cues.find(m[2]).length) return null;
    const w = m[1].toLowerCase();
    const L = this.L;
    if ([L.stopWords, L.leadWords, L.timeWords, L.determiners, L.prepositions ?? []].some((list) => list.includes(w))) return null;
    return { kind: 'person', name: m[1], gender: null };
  }

  /**
   * The subject a sentence opens with, past a short adverbial ending in a comma ("Lundi 6 mai,
   * Sebastian Kurz, …"): a pronoun, or a named person (its capitalised words before the first
   * lower-case one; a surname alone only for a speaker or a full name already met).
   */
  private openingSubject(sentence: string, orgs: boolean | 'any' = false): Mention | null {
    const all = sentence.trim().split(/[\s\u00a0\u202f]+/);
    const comma = all.findIndex((w) => /[,:]$/.test(w));
    // German puts the subject after the verb when an adverb opens the sentence ("Hier sparte der Präsident nicht mit Kritik:").
    const v2 = !!this.L.capitalisedNouns && all.length > 3 && !isUpper(all[1][0]) && this.L.determiners.includes(all[2].toLowerCase());
    for (const words of [all, ...(comma >= 0 && comma < 5 ? [all.slice(comma + 1)] : []), ...(v2 ? [all.slice(2)] : [])]) {
      while (words.length && this.L.leadWords.includes(words[0].toLowerCase())) words.shift();
      // A sentence opening with an adverbial ("With Democratic turnout …") has its subject further on.
      if (!words.length || this.L.stopWords.includes(words[0].toLowerCase())) continue;
      const w = words[0].toLowerCase();
      if (Object.hasOwn(this.L.pronouns, w)) return { kind: 'pronoun', gender: this.L.pronouns[w] };
      const phrase: string[] = [];
      for (const w of words) {
        // Lower-case adjectives between an article and its capitalised noun ("Der italienische Innenminister").
        const adjective = !!this.L.capitalisedNouns && phrase.length > 0 && phrase.every((p) => !isUpper(p[0]) || this.L.determiners.includes(p.toLowerCase()));
        if (!isUpper(w[0]) && !this.L.determiners.includes(w.toLowerCase()) && !adjective) break;
        phrase.push(w);
        if (/[,;:]$/.test(w)) break;
      }
      if (!phrase.length || phrase.length === words.length) continue;
      const mention = analyzePhrase(phrase.join(' '), this.L);
      // An organisation right before a speech verb opens the sentence as its subject ("Die CCE bestätigte … und nannte sie „…“").
      if (orgs && mention?.kind === 'org' && (orgs === 'any' || this.P.cues.find(words[phrase.length]).length)) return mention;
      // A role noun opening a sentence with a speech verb or a colon ("Chinesische Politiker haben … angekündigt, man werde …").
      if (orgs && mention?.kind === 'role') return mention;
      if (mention?.kind !== 'person') continue;
      const known = mention.name.includes(' ') || this.registry.list.some((s) => !s.organisation && s.name.endsWith(mention.name)) || this.registry.namedSoFar().some((n) => n.endsWith(` ${mention.name}`));
      if (known) return mention;
    }
    return null;
  }

  /**
   * A quoted fragment inside a sentence without a speech verb ("Er bezeichnete das Schreiben als
   * „Unsensibilität“", "Le maire menace de … par « petits cercles »"): the sentence's subject, when
   * it opens the sentence as a pronoun or as the surname of a speaker already met.
   */
  private subjectTag(seg: QuoteSegment): Tag | null {
    const text = this.units[seg.block].text;
    const words = text.slice(this.sentenceStart(seg.block, seg.open), seg.open).trim().split(/[\s\u00a0\u202f]+/);
    // "Trump called the senator a “nasty guy”": the naming verb is the cue of a short fragment.
    const cue = words.find((w) => this.L.naming?.includes(w.toLowerCase())) ?? '';
    while (words.length && this.L.leadWords.includes(words[0].toLowerCase())) words.shift();
    if (words.length < 2) return null;
    const w = words[0].toLowerCase();
    const tag = (mention: Mention): Tag => ({ mention, cue, tier: 'subject', block: seg.block, end: seg.open });
    if (w in this.L.pronouns) return tag({ kind: 'pronoun', gender: this.L.pronouns[w] });
    let n = 0;
    while (n < words.length && isUpper(words[n][0]) && !/[,;:]$/.test(words[n - 1] ?? '')) n++;
    if (n === 0 || n === words.length) return null;
    const name = words.slice(0, n).join(' ');
    const known = this.registry.list.some((s) => !s.organisation && s.name.endsWith(words[n - 1]));
    return known ? tag({ kind: 'person', name: words[n - 1] === name ? name : name.split(' ').slice(-2).join(' '), gender: null }) : null;
  }

  /**
   * "Zippy Duvall, the president of the American Farm Bureau," / "Sen. Ben Sasse, R-Neb.," /
   * "Prince Andrew, the brother of the heir, Charles,": a name, then appositions — parts opening
   * with a determiner, a party-and-state tag, or the single name an apposition ends on. The name
   * is the subject, the first apposition its role.
   */
  private appositionHead(raw: string[]): Mention | null {
    const L = this.L;
    const parts = raw.map((p) => p.replace(/[\s\u00a0\u202f,;:]+$/, ''));
    const apposition = (p: string) => L.determiners.includes(p.split(/[\s\u00a0\u202f]+/)[0].toLowerCase()) || PARTY_TAG.test(p);
    for (let i = parts.length - 2; i >= Math.max(0, parts.length - 4); i--) {
      if (!apposition(parts[i + 1])) continue;
      const tail = parts.slice(i + 2);
      if (!tail.every((p, k) => apposition(p) || (k === tail.length - 1 && /^\p{Lu}\p{Ll}+$/u.test(p)))) continue;
      const words = parts[i].trim().split(/[\s\u00a0\u202f]+/);
      // Only a name: capitalised words (and particles), no clause ("In Paris", "Asked by Trump").
      if (!words.every((w) => isUpper(w[0]) || L.nameParticles.includes(w.toLowerCase())) || L.stopWords.concat(L.leadWords).includes(words[0].toLowerCase())) continue;
      const m = analyzePhrase(parts[i], L);
      if (m?.kind === 'person') return { ...m, role: m.role ?? (PARTY_TAG.test(parts[i + 1]) ? undefined : stripDeterminer(parts[i + 1], L)) };
    }
    return null;
  }

  /** The text is a person's name: two words or more read as one, or a surname met before (not "Asimismo,"). */
  private namesSomeone(text: string): boolean {
    const m = analyzePhrase(text, this.L);
    if (m?.kind !== 'person') return false;
    return m.name.includes(' ') || this.registry.list.some((s) => s.name.endsWith(m.name)) || this.registry.namedSoFar().some((n) => n.endsWith(` ${m.name}`));
  }

  /** The subject phrase ending a text: its last comma-separated part, or "Name, role" parts. */
  private leftSubject(left: string): Mention | null {
    // Commas and parenthetical dashes ("… ― as was true for years ― Trump boasted") end phrases.
    const parts = left.trim().split(/(?:,|[\s\u00a0\u202f][―—–])[\s\u00a0\u202f]+/);
    // "Rima Abdul Malak, qui s'est dite": the relative pronoun's antecedent is the subject.
    if (parts.length > 1 && this.L.relatives.includes(parts[parts.length - 1].toLowerCase())) parts.pop();
    const head = this.appositionHead(parts);
    if (head) return head;
    const last = analyzePhrase(parts[parts.length - 1], this.L);
    if (last && last.kind !== 'role') return last;
    // "John Kline, ein Repräsentant aus Minnesota," / "X, Y, qui": a name and its apposition.
    for (const pair of [parts.slice(-2), parts.slice(-3, -1)]) {
      const m = pair.length === 2 ? analyzePhrase(pair.join(', '), this.L) : null;
      if (m?.kind === 'person') return m;
    }
    return last;
  }

  private speakerOf(m: Mention, sentence: number, seen: number): Who {
    if (m.kind === 'unnamed') return { rec: null, unnamed: true };
    if (m.kind === 'pronoun') {
      const orgsToo = !!this.L.genderedNouns || m.gender === null;
      const rec = this.registry.pronounTarget(m.gender, sentence, PRONOUN_WINDOW, orgsToo);
      if (rec && m.gender && !rec.organisation) rec.gender ??= m.gender;
      return { rec, unnamed: false };
    }
    return { rec: this.registry.resolve(m, sentence, seen), unnamed: false };
  }

  /** The previous speaker, if of this gender, at most FLOAT_BLOCKS paragraphs and PRONOUN_WINDOW sentences of narration back, nobody else named since. */
  private continuing(first: QuoteSegment, gender: Gender | null): SpeakerRec | null {
    const last = this.lastSpeaker;
    if (!last || first.block - last.block > FLOAT_BLOCKS || last.rec.organisation || (gender && last.rec.gender && last.rec.gender !== gender)) return null;
    const narration = this.between(last.block, last.from, first.block, first.open).replace(QUOTED, ' ');
    const sentences = narration.match(/[.!?…](?=[\s\u00a0\u202f]|$)/g)?.length ?? 0;
    return sentences <= PRONOUN_WINDOW && !this.namesOther(narration, last.rec) ? last.rec : null;
  }

  /** True when the text names someone other than `rec`: another known speaker or a two-word name. */
  private namesOther(text: string, rec: SpeakerRec): boolean {
    const own = new Set([rec.name, ...rec.aliases].flatMap((n) => n.split(' ')));
    for (const s of this.registry.list) {
      if (s !== rec && text.includes(s.name.slice(s.name.lastIndexOf(' ') + 1))) return true;
    }
    // Any two capitalised words, sentence starts too; capitalised nouns need the stricter reading.
    const names = this.L.capitalisedNouns ? personNames(text, this.L) : [...text.matchAll(/\p{Lu}[\p{Ll}’'-]+\s+\p{Lu}[\p{Ll}’'-]+/gu)].map((m) => m[0]);
    return names.some((n) => !n.split(/\s+/).some((w) => own.has(w)));
  }

  private between(b0: number, p0: number, b1: number, p1: number): string {
    if (b0 === b1) return this.units[b0].text.slice(p0, p1);
    const parts = [this.units[b0].text.slice(p0)];
    for (let b = b0 + 1; b < b1; b++) parts.push(this.units[b].text);
    parts.push(this.units[b1].text.slice(0, p1));
    return parts.join('\n');
  }

  private prevClose(seg: QuoteSegment): number {
    // Set by findQuotes order: quotes of the same block before this one end before its open.
    const q = this.quotes[this.quotes.length - 1];
    if (!q || q.blockId !== this.units[seg.block].id || q.end > seg.open) return 0;
    return q.end + 1;
  }

  /**
   * "Lynch was sworn in in 2015. She recently called in to … She said …": a sentence opening with
   * a subject pronoun mentions the speaker it resolves to, which keeps the chain within reach.
   */
  private noteSubjectPronoun(sentence: string, index: number, seen: number) {
    // The subject opens the sentence, or follows a short adverbial ("But right now, he is …").
    const words = sentence.trim().split(/[\s\u00a0\u202f]+/, 6).map((w) => w.toLowerCase());
    const comma = words.findIndex((x) => x.endsWith(','));
    const w = [this.L.leadWords.includes(words[0]) ? words[1] : words[0], words[comma + 1]].find((x) => x && Object.hasOwn(this.L.pronouns, x));
    if (!w) return;
    const { rec } = this.speakerOf({ kind: 'pronoun', gender: this.L.pronouns[w] }, index, seen);
    if (rec) Object.assign(rec, { sentence: index, seen });
  }

  /**
   * "…, Schiff said." / "John Kline sagte zu den Anschuldigungen, dass …": a sentence of narration
   * with a speech verb makes its subject the latest speaker, whom a quote opening the next
   * sentence continues (tier floating).
   */
  private noteSpeech(block: number, start: number, end: number): boolean {
    const text = this.units[block].text.slice(start, end);
    // Not a noun after its article ("le juge Bocock").
    const m = this.P.cues.find(text).find((c) => !this.L.determiners.includes(/(\S+)\s+$/u.exec(text.slice(0, c.index))?.[1].toLowerCase() ?? ''));
    if (!m) return false;
    const left = text.slice(0, m.index);
    // Verb first ("…, said Schiff."): the subject follows the verb.
    const rest = text.slice(m.end);
    const mention =
      (/[\p{L}]/u.test(left) ? this.cueSubject(text, m)?.mention : null) ??
      (/^(?:.*,)?[\s\u00a0\u202f]*$/su.test(left) ? analyzePhrase(cutPhrase(rest.slice(this.P.skip.exec(rest)![0].length), this.L), this.L) : null);
    // Only a clear subject: a named person, a pronoun, or a short organisation name.
    if (!mention || mention.kind === 'role' || mention.kind === 'unnamed' || (mention.kind !== 'pronoun' && wordCount(mention.name) > 5)) return false;
    const who = this.speakerOf(mention, this.sentence(block, start), this.offsets[block] + end);
    if (who.rec) this.lastSpeaker = { rec: who.rec, block, pos: end, from: end, narrated: true };
    return !!who.rec;
  }

  /** Tells the registry which speakers and persons the text before (block, pos) mentions. */
  private noteMentionsUpTo(block: number, pos: number) {
    let { block: b, pos: p } = this.scanned;
    // Whole sentences of narration in the item's paragraph or the one before (the only ones a
    // floating quote may continue, see addDirect): the latest with a speaker counts.
    const narration: [number, number, number][] = [];
    while (b < block || (b === block && p < pos)) {
      const text = this.units[b].text;
      const end = b === block ? pos : text.length;
      // One sentence at a time, so that each mention records its own sentence.
      for (let s = p; s < end; ) {
        const e = Math.min(end, this.sentenceEnd(b, s));
        const piece = text.slice(s, e);
        this.registry.noteMentions(piece, namedPersons(piece, this.L), this.sentence(b, s), this.offsets[b] + e);
        if (s === this.sentenceStart(b, s)) this.noteSubjectPronoun(piece, this.sentence(b, s), this.offsets[b] + e);
        if (b >= block - 1 && e === this.sentenceEnd(b, s) && s === this.sentenceStart(b, s)) narration.push([b, s, e]);
        s = e;
      }
      if (b === block) p = pos;
      else [b, p] = [b + 1, 0];
    }
    this.scanned = { block, pos };
    for (let i = narration.length - 1; i >= 0 && !this.noteSpeech(...narration[i]); i--);
  }

  private sentence(block: number, pos: number) {
    return this.base[block] + upperBound(this.ends[block], pos);
  }
  private sentenceStart(block: number, pos: number) {
    const k = upperBound(this.ends[block], pos);
    return k ? this.ends[block][k - 1] : 0;
  }
  private sentenceEnd(block: number, pos: number) {
    const k = upperBound(this.ends[block], pos);
    return k < this.ends[block].length ? this.ends[block][k] : this.units[block].text.length;
  }
}

/** A preposition, maybe a determiner, a word and the capitalised words after it ("sur Twitter", "dans un communiqué"). */
const ADJUNCT = /^[\s\u00a0\u202f]*(\p{Ll}+)[\s\u00a0\u202f]+(?:(\p{Ll}+)[\s\u00a0\u202f]+)?[\p{L}\p{N}][\p{L}\p{N}’'-]*(?:[\s\u00a0\u202f]+\p{Lu}[\p{L}’'-]*)*/u;

/** A separator, then a lower-case word and the next one (an auxiliary and its verb), an elided reflexive before either ("», s’amuse X"). */
const UNLISTED_TAG = /^[\s\u00a0\u202f]*([,—–]?)[\s\u00a0\u202f]*(?:[sS]['’])?(\p{Ll}[\p{L}-]*)(?![\p{L}’'])([\s\u00a0\u202f]+(?:[sS]['’])?(\p{Ll}[\p{L}-]*)(?![\p{L}’']))?/u;

/** A party-and-state tag in apposition ("R-Neb.", "D-N.Y."). */
const PARTY_TAG = /^\p{Lu}[\p{L}]*[-.][\p{L}.-]*$/u;

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

/** A title in title case ("The Art of the Deal"): every longer word capitalised. */
function isTitle(text: string, L: LangData): boolean {
  // A colon may split a title ("Half-Life: Alyx"); other stops inside make a sentence.
  if (L.capitalisedNouns || /[.!?,;]/.test(text.replace(/[.!?,;:]$/, ''))) return false;
  return text.split(/\s+/).every((w) => w.length <= 3 || /^[\p{Lu}\p{N}]/u.test(w));
}
