/**
 * A quoted span's shape and its place in the sentence: whether it is a title, a name or a heading
 * rather than speech, and the words before it that make a single word a quote.
 */

import type { Context } from './context';
import type { QuoteSegment } from './marks';
import type { LangData } from './rules/types';
import { isUpper, wordCount } from './text';
import { isJobNoun, isTitleWord } from './speakers';
import type { Tag } from './tags/types';

/** The longest untagged quote read as a subheading when it makes up its paragraph. */
const HEADING_WORDS = 10;

/** A title in title case ("The Art of the Deal"): every longer word capitalised. */
export function isTitle(text: string, L: LangData): boolean {
  // A colon may split a title ("Half-Life: Alyx"); other stops inside make a sentence.
  if (L.capitalisesNouns || /[.!?,;]/.test(text.replace(/[.!?,;:]$/, ''))) return false;
  const words = text.split(/\s+/);
  // Four words or more with one capital, the sentence's own, are a sentence ("Llevamos un mes sin luz").
  if (words.length >= 4 && words.filter((w) => /^\p{Lu}/u.test(w)).length < 2) return false;
  return words.every((w) => w.length <= 3 || /^[\p{Lu}\p{N}]/u.test(w));
}

/** An article, a determiner or a preposition: the words that open a noun phrase before its noun. */
const opensNounPhrase = (w: string, L: LangData) => {
  const x = w.toLowerCase();
  return L.determiners.includes(x) || !!L.prepositions?.includes(x) || !!L.nounPhrase?.articles.includes(x);
};

/**
 * An untagged quote shaped as a name, not speech: inside brackets after a label's colon, or a
 * short capitalised phrase with no final stop inside a sentence, not after a colon or a
 * sentence end ("in „Nackt unter Wölfen“", "mit dem Lied „Für dich soll's …“").
 */
export function labelOrTitle(ctx: Context, seg: QuoteSegment, text: string): boolean {
  const before = ctx.units[seg.block].text.slice(0, seg.open);
  if (/\([^()]{0,40}:[\s\u00a0\u202f]*$/.test(before)) return true;
  const opens = /(?:^|[.!?:…—–-])[\s\u00a0\u202f]*$/.test(before);
  return !opens && wordCount(text) <= 8 && isUpper(text[0]) && !/[.!?…,]$/.test(text);
}

/** A quote a naming verb after it gives as what something is called ("„Uncle Ted“, wie der Senator genannt wurde"). */
export function calledAfter(ctx: Context, seg: QuoteSegment): boolean {
  return !!ctx.L.calledAfter?.test(ctx.units[seg.block].text.slice(seg.close, seg.close + 120));
}

/** The longest quote in brackets read as a gloss (longer ones are examples of speech: "from 1 (“Oh, I'm voting for Eric”) to 6"). */
const GLOSS_WORDS = 4;
/** Quoted stretches, removed to read the words around a quote. */
const QUOTED = /[«“„"‹‚][^«»“”„"‹›‚‘]*[»”“"›‘]/g;

/**
 * A short quote that fills a bracket, alone or listed with others ("(„PLoS Biology“)", "(„Hartz
 * IV“, „Rente mit 67“)", "[auf Deutsch: „…“]"), glosses what is before it: a name, an
 * abbreviation or a translation, no speech.
 */
export function glossInBrackets(ctx: Context, seg: QuoteSegment, text: string): boolean {
  if (wordCount(text) > GLOSS_WORDS || /[.!?…]$/.test(text)) return false;
  const unit = ctx.units[seg.block].text;
  const before = /[([]([^()[\]]{0,80})$/.exec(unit.slice(Math.max(0, seg.open - 80), seg.open));
  const after = /^([^()[\]]{0,80})[)\]]/.exec(unit.slice(seg.close, seg.close + 81));
  if (!before || !after) return false;
  // Around it only other quotes, commas, coordinators, and a label before a colon.
  const rest = `${before[1]} ${after[1]}`.replace(QUOTED, ' ').replace(/^[^:]*:/, ' ');
  return rest.split(/[\s\u00a0\u202f,;/]+/).every((w) => !w || !!ctx.L.coordinators?.includes(w.toLowerCase()));
}

/** A paragraph that is nothing but a short quote with no final stop is a subheading ("« Nouvelles réformes propices à la croissance »"). */
export function isHeading(ctx: Context, group: QuoteSegment[], text: string): boolean {
  const s = group[0];
  const block = ctx.units[s.block].text;
  return group.length === 1 && !block.slice(0, s.open).trim() && !block.slice(s.close).trim() && wordCount(text) <= HEADING_WORDS && !/[.!?…]$/.test(text);
}

/** A short capitalised quote right after a noun, not opening its sentence, is the name the noun gives ("die Zeitung „Neues Deutschland“"). */
export function isNamed(ctx: Context, seg: QuoteSegment, words: number): boolean {
  const text = ctx.units[seg.block].text;
  const before = /(\S+)[\s\u00a0\u202f]+$/u.exec(text.slice(Math.max(0, seg.open - 40), seg.open))?.[1];
  const opens = seg.open <= ctx.sentenceStart(seg.block, seg.open) + (before?.length ?? 0) + 1;
  return words <= 4 && isUpper(text[seg.start]) && !!before && isUpper(before[0]) && /\p{L}$/u.test(before) && !opens;
}

/**
 * A short capitalised quote right after a speech verb and the article or preposition that opens
 * its object ("sagte der „Berliner Zeitung“", "teilte das „Space Telescope Science Institute“
 * mit", "äußerte sich gegenüber dem „Hamburger Abendblatt“") names the medium or the addressee:
 * what a verb says comes after a colon, a comma or "that", never as its object's noun.
 */
export function namedAfterCue(ctx: Context, seg: QuoteSegment, text: string): boolean {
  if (wordCount(text) > 6 || !isUpper(text[0]) || /[.!?…,]$/.test(text)) return false;
  const unit = ctx.units[seg.block].text;
  const before = unit.slice(ctx.sentenceStart(seg.block, seg.open), seg.open);
  const cue = ctx.P.cues.last(before, ['speech']);
  // A naming verb's object may be the quote ("sprach von einer „Gefahr für Leib und Leben“").
  if (!cue || ctx.L.naming?.includes(cue.cue.toLowerCase().split(/\s+/).pop()!)) return false;
  const between = before.slice(cue.end).split(/[\s\u00a0\u202f]+/).filter(Boolean);
  return between.length > 0 && between.length <= 3 && between.every((w) => opensNounPhrase(w, ctx.L));
}

/**
 * A short quote in the source phrase of an according-to marker ("laut „tagesschau.de“", "Laut
 * einem Artikel der „New York Times“") names the source: a capitalised title or a website, with
 * at most four words between, each a function word or capitalised.
 */
export function namedAfterMarker(ctx: Context, seg: QuoteSegment, text: string): boolean {
  if (wordCount(text) > 6 || !(isUpper(text[0]) || /^\S+\.\p{L}{2,4}$/u.test(text)) || /[.!?…,]$/.test(text)) return false;
  const before = ctx.units[seg.block].text.slice(ctx.sentenceStart(seg.block, seg.open), seg.open);
  const marker = [...before.matchAll(ctx.P.reportedPre)].pop();
  if (!marker) return false;
  const between = before.slice(marker.index + marker[0].length).split(/[\s\u00a0\u202f]+/).filter(Boolean);
  return between.length <= 4 && between.every((w) => /^[\p{L}-]+$/u.test(w) && (opensNounPhrase(w, ctx.L) || isUpper(w[0])));
}

/**
 * A short capitalised quote in the complement of a role noun ("ein Sprecher der „Polizei von
 * DeLand“", "Militärexperte der „New York Times“", "Geschäftsführer von „Ener1“") names the body
 * the role is held in.
 */
export function namedAfterRole(ctx: Context, seg: QuoteSegment, text: string): boolean {
  // A case's or an operation's name opens with its lower-case noun ("el instructor del ‘caso Noos’").
  const named = isUpper(text[0]) || (wordCount(text) <= 3 && /[\s\u00a0]\p{Lu}/u.test(text));
  if (wordCount(text) > 8 || !named || /[.!?…,]$/.test(text)) return false;
  const L = ctx.L;
  const words = ctx.units[seg.block].text.slice(Math.max(0, seg.open - 80), seg.open).trim().split(/[\s\u00a0\u202f]+/);
  const link = (w: string) => L.determiners.includes(w.toLowerCase()) || !!L.prepositions?.includes(w.toLowerCase());
  let at = words.length - 1;
  while (at > 0 && words.length - at <= 2 && link(words[at])) at--;
  const role = (w: string) => isTitleWord(w, L) || isJobNoun(w, L);
  return at < words.length - 1 && at >= 0 && /^[\p{L}-]+$/u.test(words[at]) && role(words[at]);
}

/**
 * A word a speech verb gives: after a label link ("wies sie als „haltlos“ zurück") or inside the
 * verb's "that" clause ("urteilte, dass Hongkong in einen „Bunker“ verwandelt würde").
 */
function labelled(ctx: Context, seg: QuoteSegment): boolean {
  const words = ctx.wordsBefore(seg);
  return words.slice(-3, -1).some((w) => ctx.L.labelLinks?.includes(w)) || words.some((w) => ctx.L.that.includes(w));
}

/** A negation earlier in the quote's sentence ("nannte sie nicht „Gesindel“"). */
function negated(ctx: Context, seg: QuoteSegment): boolean {
  return ctx.wordsBefore(seg).some((w) => ctx.L.negations.includes(w));
}

/** A subjunctive of reported speech earlier in the quote's sentence ("Sie seien „…“"). */
export function subjunctive(ctx: Context, seg: QuoteSegment): boolean {
  return !!ctx.L.subjunctive && ctx.wordsBefore(seg).some((w) => ctx.L.subjunctive!.includes(w));
}

/**
 * The quote's sentence is reported speech by its verb's mood, before the quote or after it
 * ("Eine „offene architektonische Frage“ sei der Grund"): a fragment quoted there is the source's words.
 */
export function inReportedSentence(ctx: Context, seg: QuoteSegment): boolean {
  if (!ctx.L.subjunctive) return false;
  const text = ctx.units[seg.block].text;
  const after = text.slice(seg.close + 1, ctx.sentenceEnd(seg.block, seg.close + 1)).toLowerCase().split(/[^\p{L}’']+/u);
  return subjunctive(ctx, seg) || after.some((w) => ctx.L.subjunctive!.includes(w));
}

/** The quote opens its sentence (nothing but a dash before it). */
export function opensSentence(ctx: Context, seg: QuoteSegment): boolean {
  return /^[\s\u00a0\u202f—–-]*$/.test(ctx.units[seg.block].text.slice(ctx.sentenceStart(seg.block, seg.open), seg.open));
}

/**
 * A single word is a quote only as a label a naming verb gives ("called him a “bully”"), as a
 * word of indirect speech ("die Lage bleibe „kritisch“") or as part of a split quote.
 */
export function givesWord(ctx: Context, seg: QuoteSegment, tag: Tag | null): boolean {
  return !!tag && (tag.tier === 'split' || (ctx.L.naming?.includes(tag.cue.toLowerCase().split(/\s+/).pop()!) && !negated(ctx, seg)) || subjunctive(ctx, seg) || (!!tag.cue && labelled(ctx, seg)));
}
