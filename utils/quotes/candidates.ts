/**
 * Attribution as a choice among candidates, for the quotes no rule gave a speaker: the persons,
 * organisations and roles in reach (this paragraph and the one before, and the first sentence of
 * the next), each described by binary features — where it stands relative to the quote, whether
 * it is the subject of a sentence with a speech cue, whether a colon or a "NAME:" label introduces
 * the quote, whether it spoke the previous quote — and scored by the linear model learned from the
 * train sets (`npm run train:quotes`, weights in rules/weights.ts).
 */

import type { Patterns } from './patterns';
import type { LangData } from './rules/types';
import type { SpeakerRec } from './registry';
import { type Mention, nameRuns } from './speakers';

/** What the candidate finder reads of the article (the Attributor's sentence index). */
export interface Reader {
  texts: string[];
  L: LangData;
  P: Patterns;
  sentence(block: number, pos: number): number;
  sentenceStart(block: number, pos: number): number;
  sentenceEnd(block: number, pos: number): number;
  /** Per sentence ("block:start"), its speech cue and name runs: read once for all the quotes near it. */
  seen: Map<string, { cue: boolean; runs: { name: string; start: number; end: number }[] }>;
  /** `texts` in lower case (read once for `spread`). */
  lowered: string[];
  /** Per surname or name, how many paragraphs of the article hold it as a word, and whether one has it after a preposition of place (read once). */
  spread: Map<string, Spread>;
}

/** A quote to attribute: its first and last segments' marks. */
export interface Site {
  block: number;
  open: number;
  lastBlock: number;
  close: number;
  /** Its tag's subject is a pronoun that resolved to nobody. */
  pronounTag: boolean;
}

export interface Candidate {
  /** The name as written at its nearest mention (a known speaker's canonical name). */
  name: string;
  /** The known speaker it is, if any. */
  rec: SpeakerRec | null;
  /** How to register it when chosen and not known (a person unless an opening subject says otherwise). */
  mention?: Mention;
  features: string[];
}

/**
 * The subject a sentence near the quote opens with ("Die Organisation verlangte eine Untersuchung
 * der „…“", "Le chef de l’État a appelé à …"), found by the rules' reading of subjects
 * (tags/subjects.ts): a candidate even when its verb is no speech cue. `d` as for occurrences.
 */
export interface Opening {
  mention: Exclude<Mention, { kind: 'pronoun' } | { kind: 'unnamed' }>;
  d: number;
}

/** A quoted stretch, blanked out of the narration (names inside quotes are not its speakers). */
const QUOTED = /[«“„"‹][^«»“”„"‹›]*[»”“"›]/g;
export const blank = (s: string) => s.replace(QUOTED, (m) => ' '.repeat(m.length));

interface Occurrence {
  key: string;
  name: string;
  rec: SpeakerRec | null;
  mention?: Mention;
  /** The subject its sentence opens with. */
  opening?: boolean;
  /** Sentence distance: the quote's sentence minus the mention's (0 same, 1 the one before, −1 after). */
  d: number;
  before: boolean;
  samePara: boolean;
  subject: boolean;
  cue: boolean;
  label: boolean;
  /** Next to the quote in its paragraph: three words at most between them ("», sourit Victor"; "Victor, 19 ans : «"). */
  adjacent: 'before' | 'after' | null;
  /** A run of capitalised words that opens its sentence (in German, any noun may start one: "Starke Winde"). */
  initial?: boolean;
}

/** The most words between a mention and the quote for it to stand next to it. */
const ADJACENT_WORDS = 3;
const words = (s: string) => s.split(/[\s\u00a0\u202f]+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** Where `word` occurs as a whole word in `text`, or −1. */
function wordAt(text: string, word: string): number {
  const edge = (c: string | undefined) => !c || !/[\p{L}\p{N}]/u.test(c);
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) if (edge(text[i - 1]) && edge(text[i + word.length])) return i;
  return -1;
}

const surname = (name: string) => name.slice(name.lastIndexOf(' ') + 1).toLowerCase();

/**
 * The candidates for a quote. `known` are the article's speakers so far (met again by surname or
 * role), `previous` the speaker of the nearest attributed quote before it in reach.
 */
export function candidatesFor(R: Reader, site: Site, known: SpeakerRec[], named: string[], previous: SpeakerRec | null, openings: Opening[] = []): Candidate[] {
  const occ: Occurrence[] = [];
  const qSentence = R.sentence(site.block, site.open);
  const text = R.texts[site.block];
  const colon = /:[\s\u00a0\u202f]*$/.test(text.slice(Math.max(0, site.open - 4), site.open));
  const stretches: [number, number, number][] = [];
  if (site.block > 0) stretches.push([site.block - 1, 0, R.texts[site.block - 1].length]);
  stretches.push([site.block, 0, text.length]);
  if (site.lastBlock + 1 < R.texts.length) stretches.push([site.lastBlock + 1, 0, R.sentenceEnd(site.lastBlock + 1, 0)]);
  for (const [b, from, to] of stretches) {
    const plain = blank(R.texts[b].slice(from, to));
    for (let s = 0; s < plain.length; ) {
      const e = Math.min(plain.length, R.sentenceEnd(b, from + s) - from);
      const piece = plain.slice(s, e);
      const sentence = R.sentence(b, from + s);
      const id = `${b}:${from + s}:${e}`;
      let read = R.seen.get(id);
      if (!read) R.seen.set(id, (read = { cue: R.P.cues.find(piece).length > 0, runs: nameRuns(piece, R.L) }));
      const cue = read.cue;
      const at = (start: number) => {
        const lead = piece.slice(0, start).trim();
        return lead.split(/\s+/).filter(Boolean).length <= 3 && !/[,;:]/.test(lead);
      };
      const position = (start: number) => (b < site.block || (b === site.block && from + s + start < site.open) ? true : false);
      // A pronoun in the quote's tag refers back: its speaker is mentioned before the quote.
      const push = (key: string, name: string, rec: SpeakerRec | null, start: number, end: number) =>
        (!site.pronounTag || position(start)) &&
        occ.push({
          key,
          name,
          rec,
          d: qSentence - sentence,
          before: position(start),
          samePara: b === site.block,
          subject: at(start),
          cue,
          label: b === site.block && from + s + end <= site.open && /^[\s\u00a0\u202f]*:[\s\u00a0\u202f]*$/.test(R.texts[b].slice(from + s + end, site.open)),
          adjacent: adjacency(R.texts[b], b, from + s + start, from + s + end),
        });
      const adjacency = (t: string, blk: number, start: number, end: number) => {
        if (blk === site.block && end <= site.open && !/[«»“”„"]/.test(t.slice(end, site.open)) && words(t.slice(end, site.open)) <= ADJACENT_WORDS) return 'before';
        if (blk === site.lastBlock && start >= site.close && !/[«»“”„".!?]/.test(t.slice(site.close, start)) && words(t.slice(site.close, start)) <= ADJACENT_WORDS) return 'after';
        return null;
      };
      for (const r of read.runs) {
        const rec = known.find((k) => surname(k.name) === surname(r.name) && !k.organisation) ?? null;
        // A name the article writes after a preposition of place is a place ("à Khan Younès"), unless it has spoken.
        if (!rec && spread(R, r.name.toLowerCase()).locative) continue;
        if (push(surname(r.name), rec?.name ?? r.name, rec, r.start, r.end) && !/[\p{L}\p{N}]/u.test(piece.slice(0, r.start))) occ[occ.length - 1].initial = true;
      }
      for (const k of known) {
        const words = k.roleOnly || k.organisation ? k.name : k.name.slice(k.name.lastIndexOf(' ') + 1);
        const i = wordAt(piece, words);
        if (i >= 0 && !occ.some((o) => o.rec === k && o.d === qSentence - sentence)) push(k.organisation || k.roleOnly ? k.name.toLowerCase() : surname(k.name), k.name, k, i, i + words.length);
      }
      // A surname alone ("Stoiber hatte betont: „…“") of a full name met earlier.
      for (const full of named) {
        const last = full.slice(full.lastIndexOf(' ') + 1);
        if (known.some((k) => surname(k.name) === last.toLowerCase())) continue;
        const i = wordAt(piece, last);
        if (i >= 0 && !occ.some((o) => o.key === last.toLowerCase() && o.d === qSentence - sentence)) push(last.toLowerCase(), full, null, i, i + last.length);
      }
      // "Durand : « … »": a capitalised word or two right before the colon that opens the quote.
      if (b === site.block && from + e >= site.open && colon) {
        const m = /(\p{Lu}[\p{L}’'-]+(?:[\s\u00a0]\p{Lu}[\p{L}’'-]+)?)[\s\u00a0\u202f]*:[\s\u00a0\u202f]*$/u.exec(plain.slice(s, site.open - from));
        // Where nouns are capitalised, a word before the colon after any lower-case word but a
        // determiner (an adjective, a preposition: "folgende Sanktionen:", "auf Deutsch:") is a noun,
        // no label; after a determiner it may end a role's complement ("Ein Beamter der
        // Nationalpolizei:"); a conjunction is none ("Denn:").
        const prev = m ? (/([\p{L}’'-]+)[^\p{L}]*$/u.exec(piece.slice(0, m.index))?.[1] ?? '') : '';
        const noun = !!R.L.capitalisesNouns && /^\p{Ll}/u.test(prev) && !R.L.determiners.includes(prev);
        const label = m && !noun && !R.L.leadWords.includes(m[1].toLowerCase());
        if (m && label && !occ.some((o) => o.label)) {
          const rec = known.find((k) => surname(k.name) === surname(m[1])) ?? null;
          push(surname(m[1]), rec?.name ?? m[1], rec, m.index, m.index + m[1].length);
        }
      }
      s = e;
    }
  }
  for (const { mention, d } of openings) addOpening(occ, mention, d, known, site);
  return describe(occ, site, colon, previous, (key) => spread(R, key).paragraphs);
}

/** An opening subject: marks the mention of it already found, or becomes a candidate of its own (a role, an organisation). */
function addOpening(occ: Occurrence[], mention: Opening['mention'], d: number, known: SpeakerRec[], site: Site) {
  const name = mention.name.toLowerCase();
  const rec = known.find((k) => k.name.toLowerCase() === name || k.aliases.some((a) => a.toLowerCase() === name)) ?? null;
  const key = mention.kind === 'person' && !rec ? surname(mention.name) : (rec?.name ?? mention.name).toLowerCase();
  const same = occ.filter((o) => o.d === d && (o.key === key || (rec && o.rec === rec)));
  if (same.length) {
    for (const o of same) o.opening = true;
    return;
  }
  if (site.pronounTag && d < 0) return;
  occ.push({ key, name: rec?.name ?? mention.name, rec, mention, opening: true, d, before: d >= 0, samePara: true, subject: true, cue: false, label: false, adjacent: null });
}

interface Spread {
  paragraphs: number;
  locative: boolean;
}

/**
 * Where the article names a surname or a name: in how many paragraphs (a name met once may be any
 * capitalised phrase), and whether once right after a preposition of place ("à Khan Younès").
 */
function spread(R: Reader, key: string): Spread {
  let found = R.spread.get(key);
  if (!found) {
    found = { paragraphs: 0, locative: false };
    for (const low of R.lowered) {
      if (wordAt(low, key) < 0) continue;
      found.paragraphs++;
      found.locative ||= (R.L.locatives ?? []).some((p) => wordAt(low, `${p} ${key}`) >= 0);
    }
    R.spread.set(key, found);
  }
  return found;
}

/** One candidate per person (by surname), with the features of its nearest mention and of all. */
function describe(occ: Occurrence[], site: Site, colon: boolean, previous: SpeakerRec | null, paragraphsNaming: (key: string) => number): Candidate[] {
  const byKey = new Map<string, Occurrence[]>();
  for (const o of occ) byKey.set(o.key, [...(byKey.get(o.key) ?? []), o]);
  if (previous && ![...byKey.values()].some((os) => os[0].rec === previous)) {
    byKey.set(surname(previous.name), [{ key: '', name: previous.name, rec: previous, d: 9, before: true, samePara: false, subject: false, cue: false, label: false, adjacent: null }]);
  }
  const rank = (o: Occurrence) => (o.before ? o.d * 2 : Math.abs(o.d) * 2 + 1);
  const nearestOf = (os: Occurrence[]) => os.reduce((a, b) => (rank(b) < rank(a) ? b : a));
  const all = [...byKey.values()].map((os) => ({ os, near: nearestOf(os) }));
  const closest = all.length ? Math.min(...all.map((c) => rank(c.near))) : 0;
  return all.map(({ os, near }) => {
    const f: string[] = ['bias'];
    const d = near.d === 9 ? 'far' : near.before ? `b${Math.min(near.d, 3)}` : `a${Math.min(Math.abs(near.d), 1)}`;
    f.push(`d:${d}`);
    if (near.samePara) f.push('samePara');
    if (near.subject) f.push('subject', `subject:${d}`);
    if (near.cue) f.push('cue', `cue:${d}`);
    if (near.subject && near.cue) f.push(`subjectCue:${d}`);
    if (os.some((o) => o.label)) f.push('label');
    const adjacent = os.find((o) => o.adjacent)?.adjacent;
    if (adjacent) f.push(`adjacent:${adjacent}`, ...(near.cue ? [`adjacentCue:${adjacent}`] : []));
    if (colon && near.d === 0 && near.before) f.push('colonSame');
    if (near.rec && near.rec === previous) f.push('previous', `previous:${d}`);
    if (near.rec?.quoteIds.length) f.push('spoke');
    if (os.some((o) => o.opening)) f.push('opening', `opening:${d}`);
    const kind = near.rec ? (near.rec.organisation ? 'org' : near.rec.roleOnly ? 'role' : null) : near.mention?.kind === 'person' ? null : near.mention?.kind;
    if (kind) f.push(kind);
    if (rank(near) === closest) f.push('nearest');
    if (all.length === 1) f.push('only');
    if (os.length > 1) f.push('repeated');
    // A name not yet a speaker: its shape (one word, only ever opening a sentence) and whether the article names it again.
    if (!near.rec && near.mention?.kind !== 'org' && near.mention?.kind !== 'role') {
      if (!near.name.includes(' ')) f.push('single');
      if (os.every((o) => o.initial)) f.push('initial');
      if (near.key && paragraphsNaming(near.key) > 1) f.push('elsewhere');
    }
    if (site.pronounTag) f.push('pronounTag', ...(near.rec === previous ? ['pronounTag:previous'] : []));
    return { name: near.name, rec: near.rec, mention: near.mention, features: f };
  });
}
