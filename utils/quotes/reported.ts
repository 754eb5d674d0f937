/**
 * Reported speech without quote marks: "according to X, …" / "selon X, …" / "laut X …" /
 * "X zufolge …" / "según X, …" (tier reported), and "X said that …" (tier said-that, less precise).
 * The statement is the rest of the clause: after the source when the marker opens the sentence,
 * else the sentence up to the marker.
 */

import type { QuoteSegment } from './marks';
import { cutPhrase, type Patterns } from './patterns';
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
      const afterCue = m.index + m[0].length;
      const np = cutPhrase(text.slice(afterCue), L);
      const mention = np ? analyzePhrase(np, L) : null;
      if (!mention || mention.kind === 'pronoun' || mention.kind === 'role' && /^(laquelle|lequel|lesquel|que|qu|which|whom|der|die|dem|denen)/i.test(np)) continue;
      if (nonAgent(np, L)) continue;
      const [s0, s1] = bounds(m.index);
      const npEnd = afterCue + np.length;
      const lead = text.slice(s0, m.index);
      // "overweight according to his body mass index": inside a sentence, no comma, no source.
      if (L.markerComma && !isLead(lead, L) && !/[,(—–-][\s\u00a0\u202f]*$/.test(lead)) continue;
      // Mid-sentence ("Die Firma plant laut X den Abbau …"): the statement is the whole sentence.
      const start = isLead(lead, L) ? npEnd : s0;
      const end = isLead(lead, L) || wordCount(text.slice(npEnd, s1)) >= MIN_WORDS ? s1 : m.index;
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
      const left = text.slice(s0, cueStart).trim().split(/,[\s\u00a0\u202f]+/).pop()!;
      const mention = left ? analyzePhrase(left, L) : null;
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
  const head = np.trim().split(/[\s\u00a0\u202f]+/).find((w) => !L.determiners.includes(w.toLowerCase()) && !/^(?:eigenen|ersten|jüngsten|neuesten|latest|new|dernier|derniers|dernières)$/i.test(w));
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
