/**
 * Reported speech without quote marks: "according to X, …" / "selon X, …" / "laut X …" /
 * "X zufolge …" / "según X, …" (tier reported), and "X said that …" (tier said-that, less precise).
 * The statement is the rest of the clause: after the source when the marker opens the sentence,
 * else the whole sentence, or the clause before the marker when the marker closes it or an
 * apposition follows the source. A statement that is a direct quote is left to the quote.
 */

import type { QuoteSegment } from './marks';
import { cutPhrase, hasDummy, impersonalSource, type Patterns } from './patterns';
import type { LangData } from './rules/types';
import { analyzePhrase, type Mention } from './speakers';
import { sentenceEnds, upperBound, wordCount } from './text';

export interface ReportedHit {
  block: number;
  cueStart: number;
  start: number;
  end: number;
  cue: string;
  mention: Mention;
  tier: 'reported' | 'said-that';
}

/** A statement needs a few words to be one ("selon lui" alone is not). */
const MIN_WORDS = 3;
/** The longest verb group before "that" ("a notamment fait savoir"). */
const VERB_REACH = 48;
/** Words after a leading source's head before the comma that ends it ("du Forum économique mondial,"). */
const SOURCE_TAIL = 6;
/** A clause this long before ", according to X," is the statement, not a subject ("L'Etat, selon X, ne serait"). */
const APPOSITION_LEAD = 4;

export function findReported(texts: string[], L: LangData, P: Patterns, quotes: QuoteSegment[]): ReportedHit[] {
  const hits: ReportedHit[] = [];
  texts.forEach((text, block) => {
    const inQuote = quotes.filter((q) => q.block === block);
    const quoted = (pos: number) => inQuote.some((q) => pos >= q.open && pos < q.close);
    const ends = sentenceEnds(text, L);
    const bounds = (pos: number): [number, number] => {
      const k = upperBound(ends, pos);
      return [k ? ends[k - 1] : 0, k < ends.length ? ends[k] : text.length];
    };
    const add = (hit: ReportedHit) => {
      const [start, end] = trim(text, hit.start, hit.end);
      if (wordCount(text.slice(start, end)) >= MIN_WORDS) hits.push({ ...hit, start, end });
    };

    for (const m of text.matchAll(P.reportedPre)) {
      if (quoted(m.index)) continue;
      // A source in quote marks: "laut „Reuters“", "laut „news.bbc.co.uk“".
      const afterCue = m.index + m[0].length + (/^[„“"«»‚‘][^„“”"«»‚‘’]{1,40}[“”"»«‘’]/.test(text.slice(m.index + m[0].length)) ? 1 : 0);
      const np = cutPhrase(text.slice(afterCue), L);
      // "selon elle", "according to him": a singular pronoun of known gender, resolved like a tag's.
      const objectGender = L.reported.pronouns?.[np.toLowerCase()];
      const mention: Mention | null = objectGender ? { kind: 'pronoun', gender: objectGender } : np ? analyzePhrase(np, L) : null;
      if (!mention || (mention.kind === 'pronoun' && !objectGender) || mention.kind === 'role' && /^(laquelle|lequel|lesquel|que|qu|which|whom|der|die|dem|denen)/i.test(np)) continue;
      if (nonAgent(np, L)) continue;
      const [s0, s1] = bounds(m.index);
      const npEnd = afterCue + np.length;
      const lead = text.slice(s0, m.index);
      const opens = isLead(lead, L);
      // "overweight according to his body mass index": inside a sentence, no comma, no source.
      if (L.markerComma && !opens && !/[,(—–-][\s\u00a0\u202f]*$/.test(lead) && (L.markerComma === true || mention.kind === 'unnamed')) continue;
      if (opens) {
        // "Selon le rapport annuel du Forum économique mondial, relatif à …, la Tunisie": in
        // languages that set the source off with a comma, the source runs to it.
        const gap = L.markerComma ? /^[^,.;:!?«»“”„"]*,/.exec(text.slice(npEnd, s1)) : null;
        const start = gap && wordCount(gap[0]) <= SOURCE_TAIL ? npEnd + gap[0].length : npEnd;
        // "According to Limbaugh, “…”": the statement is a direct quote, which carries the source.
        const next = inQuote.find((q) => q.open >= start && q.open < s1);
        if (next && /^[\s\u00a0\u202f]*$/.test(text.slice(start, next.open))) continue;
        // "Selon elle, … : « … », affirme-t-elle": a quote announced by a colon is no part of the statement.
        const colon = next && /:[\s\u00a0\u202f]*$/.test(text.slice(start, next.open));
        add({ block, cueStart: m.index, start, end: colon ? next.open : s1, cue: m.groups!.cue, mention, tier: 'reported' });
        continue;
      }
      // "X kommentierte … laut Y mit folgenden Worten: „…“": a speech tag before a quote, which carries the source.
      if (inQuote.some((q) => q.open > npEnd && q.open < s1 && /:[\s\u00a0\u202f]*$/.test(text.slice(npEnd, q.open))) && P.cues.find(lead).length) continue;
      // Mid-sentence ("Die Firma plant laut X den Abbau …"): the statement is the whole sentence;
      // after a comma, with an apposition or an adjunct after the source (", according to an
      // analysis by X, a former aide …", "…, according to Y, more than twice …"), the clause before it.
      const rest = text.slice(npEnd, s1);
      const tail = /^[\s\u00a0\u202f]*[,—–][\s\u00a0\u202f]*([\p{L}’']+)/u.exec(rest);
      const comma = /,[\s\u00a0\u202f]*$/.test(lead);
      const parenthetical = comma && wordCount(lead) >= APPOSITION_LEAD && tail && !L.leadWords.includes(tail[1].toLowerCase());
      // Without a comma the marker sits inside the clause, whose end is the statement's ("… wurden nach Angaben des Roten Kreuzes obdachlos").
      const end = !parenthetical && wordCount(rest) >= (comma ? MIN_WORDS : 1) ? s1 : m.index;
      // "… wrong - which it often is, according to Scott": a statement set off by a dash or a semicolon.
      let start = s0;
      if (end === m.index) {
        const cut = [...lead.matchAll(/[\s\u00a0\u202f][—–-][\s\u00a0\u202f]|;/g)].pop();
        if (cut && wordCount(lead.slice(cut.index + cut[0].length)) >= MIN_WORDS) start = s0 + cut.index + cut[0].length;
      }
      add({ block, cueStart: m.index, start, end, cue: m.groups!.cue, mention, tier: 'reported' });
    }
    if (P.reportedPost) {
      for (const m of text.matchAll(P.reportedPost)) {
        if (quoted(m.index)) continue;
        const [s0, s1] = bounds(m.index);
        const clause = text.slice(s0, m.index);
        const np = clause.split(/[,;:][\s\u00a0\u202f]*/).pop()!;
        const mention = analyzePhrase(np, L);
        // The source's head noun ends it here ("Medienberichten zufolge", "eigenen Angaben zufolge").
        if (!mention || mention.kind === 'pronoun' || nonAgent(np.trim().split(/[\s\u00a0\u202f]+/).pop()!, L)) continue;
        const cueEnd = m.index + m[0].length;
        add({ block, cueStart: m.index, start: cueEnd, end: s1, cue: m.groups!.cue, mention, tier: 'reported' });
      }
    }
    // "that" is rarer than word starts: find it first, then the verb right before it.
    for (const t of text.matchAll(P.that)) {
      if (quoted(t.index)) continue;
      const [s0, s1] = bounds(t.index);
      const before = text.slice(Math.max(s0, t.index - VERB_REACH), t.index);
      const v = P.cues.atEnd(before);
      if (!v) continue;
      const cueStart = t.index - before.length + v.index;
      const phrase = text.slice(cueStart, t.index + t[0].length).trim().replace(/[\s\u00a0\u202f]+/g, ' ').toLowerCase();
      if (L.conjunctions?.includes(phrase)) continue;
      const lead = text.slice(s0, cueStart).trim();
      const left = lead.split(/,[\s\u00a0\u202f]+/).pop()!;
      // "Igualmente, criticó que …": where subjects are dropped, an opener and its comma are no subject.
      let mention: Mention | null = L.dropsSubject && lead.endsWith(',') ? { kind: 'pronoun', gender: null } : left ? analyzePhrase(left, L) : null;
      // "In dem Bericht heißt es, dass": the document; "in denen es heißt": elsewhere, unknown.
      if (L.impersonal?.verbs.includes(v.cue.toLowerCase().split(/\s+/).pop()!)) {
        if (!hasDummy(left, L)) continue;
        mention = impersonalSource([left], L);
      }
      if (!mention) continue;
      add({ block, cueStart, start: t.index + t[0].length, end: s1, cue: v.cue, mention, tier: 'said-that' });
    }
  });
  return hits;
}

/**
 * The source is a document, a rule or an estimate, not someone who speaks ("laut Verfassung",
 * "Berichten zufolge", "according to the index", "selon les mesures"): its head noun, the first
 * word after the determiners, is one of the language's non-agent nouns.
 */
function nonAgent(np: string, L: LangData): boolean {
  if (!L.nonAgents) return false;
  const head = np.trim().split(/[\s\u00a0\u202f]+/).find((w) => !L.determiners.includes(w.toLowerCase()) && !/^(?:eigenen|ersten|jüngsten|neuesten|latest|new|own|dernier|derniers|dernières)$/i.test(w));
  return !!head && L.nonAgents.test(head.toLowerCase());
}

/** Nothing but spaces, punctuation and sentence-opening conjunctions before the marker. */
function isLead(text: string, L: LangData): boolean {
  return text
    .split(/[\s\u00a0\u202f,]+/)
    .every((w) => !w || L.leadWords.includes(w.toLowerCase()) || /^[—–(«"“„-]+$/.test(w));
}

/** Trims spaces, commas and the final full stop from a statement's bounds. */
function trim(text: string, start: number, end: number): [number, number] {
  while (start < end && /[\s\u00a0\u202f,:;]/.test(text[start])) start++;
  while (end > start && /[\s\u00a0\u202f,;:.]/.test(text[end - 1])) end--;
  return [start, end];
}
