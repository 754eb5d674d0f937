/**
 * Quote attribution evaluation on the shared sets (../shared/quotes), train and dev side by side:
 * English PolNeAR, German WikiNews, French and Spanish news (texts, and pages: HTML → extractArticle
 * → quotes). Spanish has no dev split: its dev is a fixed fold of its train file, every third
 * article (file positions 2, 5, 8, …), and its train the other two thirds. English train has 840
 * articles: the eval reads every third (280) unless `--full`. Run: npm run eval:quotes
 * (`--ts`: the tier table of utils/quotes/tiers.ts, measured on train; `--timing`: cold and warm
 * times, bundle size; `--split=dev` with `--errors`/`--missed` to print one split's errors).
 *
 * Matching: predicted and gold quotes pair one-to-one by normalised text (letters and digits,
 * case-folded) when they overlap by ≥ 0.5 of both spans. A quote is right end-to-end when its
 * speaker is right too: equal to the gold speaker or one of its mentions, or sharing its surname.
 * Gold speakers that are pronouns (or missing) have no name to compare: they are left out of the
 * speaker measure and count as found. Predicted direct quotes lying inside a gold attribution that
 * is not a direct quote (a paraphrase with a quoted fragment) count neither for nor against.
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import type { Quote, Speaker } from '../utils/types';
import { attributeQuotes, DEFAULT_MIN_CONFIDENCE, splitParagraphs } from '../utils/quotes/index';
import type { Block } from '../utils/types';
import { withPage } from '../cli/dom';
import { decodeHtml } from '../cli/encoding';
import { extractArticle } from '../utils/extract';

export interface Gold {
  /** Normalised-text span in the document. */
  span: [number, number];
  /** Gold speaker names (canonical and mentions); empty when it has no name (pronoun). */
  names: string[];
  /** The article names no source ("selon les sources"). */
  unnamed: boolean;
  /** Reported speech introduced by an according-to marker (for the reported recall). */
  accordingTo?: boolean;
}

export interface Doc {
  lang: string;
  text: string;
  /** Page rows: the extracted article's blocks (their texts joined by blank lines make `text`). */
  blocks?: Block[];
  /** Page rows: the language the pipeline passes on (the page's own, or null). */
  pageLang?: string | null;
  direct: Gold[];
  /** All attributions (any kind) for the precision of reported speech. */
  reported: Gold[];
  /** Spans of non-direct attributions: predicted direct quotes inside them are ignored. */
  neutral: [number, number][];
}

export interface Counts {
  pred: number;
  gold: number;
  matched: number;
  right: number;
  /** Matched quotes whose gold speaker has a name (the speaker measure's base). */
  named: number;
  namedRight: number;
}

export interface EvalResult {
  /** lang → kind ("direct" | "reported" | "said-that") → counts. */
  byLang: Record<string, Record<string, Counts>>;
  /** tier → [predicted, right], all languages. */
  tiers: Record<string, [number, number]>;
  /** lang → tier → [predicted, right]. */
  langTiers: Record<string, Record<string, [number, number]>>;
  /** Recall of gold according-to statements, per language. */
  accordingRecall: Record<string, [number, number]>;
  ms: number;
  chars: number;
  /** Every scored prediction with its outcome (for analysis of the rules). */
  records: { lang: string; q: Quote; speaker?: Speaker; right: boolean; matched: boolean; context: string }[];
}

const PRONOUNS = new Set(
  'he she they it we i you him her them his its who which that er sie es wir ich ihr man der die das dem den welche welcher il elle ils elles on nous je lui eux'.split(' '),
);
const DETERMINERS = new Set('the a an le la les l un une des der die das den dem des ein eine einer el los las'.split(' '));
const ACCORDING = /^(according to|selon|d['’]après|laut|zufolge|nach angaben|nach ansicht|nach auffassung|nach einschätzung|nach worten|según|de acuerdo con)/i;

/** Letters and digits, case-folded, with a map from original offsets to normalised ones. */
export function normalise(text: string): { norm: string; at: Int32Array } {
  const at = new Int32Array(text.length + 1);
  let norm = '';
  for (let i = 0; i < text.length; i++) {
    at[i] = norm.length;
    if (/[\p{L}\p{N}]/u.test(text[i])) norm += text[i].toLowerCase();
  }
  at[text.length] = norm.length;
  return { norm, at };
}

const normName = (s: string) =>
  s
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(/^l['’]/, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !DETERMINERS.has(w))
    .join(' ');

function speakerName(raw: string): string[] {
  const n = normName(raw);
  return !n || PRONOUNS.has(n) ? [] : [raw];
}

// --- corpora -------------------------------------------------------------------------------

/** The quoted segments ("…" “…” „…“ «…») inside [s, e) of a text, without marks. */
function quotedParts(text: string, s: number, e: number): [number, number][] {
  const out: [number, number][] = [];
  // An apostrophe between letters ("It’s", "won’t") is not a closing mark.
  const re = /[“"„«»‚‘]([^“”"„«»]*?)(?:[”"“«»‘]|’(?!\p{L})|(?<!\p{L})’|$)/gu;
  const lo = Math.max(0, s - 1);
  const slice = text.slice(lo, Math.min(text.length, e + 1));
  for (const m of slice.matchAll(re)) {
    const a = Math.max(s, lo + m.index + 1);
    const b = Math.min(e, lo + m.index + 1 + m[1].length);
    if (b > a) out.push([a, b]);
  }
  return out;
}

function loadEnglish(docs: any[]): Doc[] {
  return docs.map((d) => {
    const { at } = normalise(d.text);
    const doc: Doc = { lang: 'en', text: d.text, direct: [], reported: [], neutral: [] };
    const letters = (a: number, b: number) => at[b] - at[a];
    for (const q of d.quotes) {
      const spans: [number, number][] = q.content ?? [];
      if (!spans.length) continue;
      const first = spans[0][0];
      const last = spans[spans.length - 1][1];
      const names = speakerName(q.source_text ?? '');
      const unnamed = !!q.source_text && names.length > 0 && !/\p{Lu}/u.test(q.source_text);
      const whole: [number, number] = [at[first], at[last]];
      doc.reported.push({ span: whole, names, unnamed, accordingTo: ACCORDING.test((q.cue_text ?? '').trim()) });
      const parts = q.has_quote_marks ? spans.flatMap(([s, e]) => quotedParts(d.text, s, e)) : [];
      const quoted = parts.reduce((n, [a, b]) => n + letters(a, b), 0);
      const content = spans.reduce((n, [a, b]) => n + letters(a, b), 0);
      if (parts.length && quoted >= 0.5 * content) {
        for (const [a, b] of parts) doc.direct.push({ span: [at[a], at[b]], names, unnamed });
      } else doc.neutral.push(whole);
    }
    return doc;
  });
}

function loadGerman(docs: any[]): Doc[] {
  return docs.map((d) => {
    const { at } = normalise(d.text);
    const doc: Doc = { lang: 'de', text: d.text, direct: [], reported: [], neutral: [] };
    for (const q of d.quotes) {
      const spans: [number, number][] = q.quote;
      if (!spans.length) continue;
      const names = speakerName(q.speaker_text ?? '');
      const whole: [number, number] = [at[spans[0][0]], at[spans[spans.length - 1][1]]];
      doc.reported.push({ span: whole, names, unnamed: false, accordingTo: ACCORDING.test((q.cue_text ?? '').trim()) });
      if (q.type === 'Direct') {
        for (const [s, e] of spans) doc.direct.push({ span: [at[s], at[e]], names, unnamed: false });
      } else doc.neutral.push(whole);
    }
    return doc;
  });
}

/**
 * The French and Spanish news sets (one labelling scheme). With `pages`, the document is the
 * article extracted from the page's HTML by the pipeline (its kept blocks), not the labelled text.
 */
function loadNews(dir: string, lang: string, docs: any[], pages: boolean): Doc[] {
  return docs.map((d) => {
    const text = pages ? '' : readFileSync(join(dir, 'texts', `${d.id}.txt`), 'utf8');
    const doc: Doc = pages ? extractedDoc(join(dir, 'pages', `${d.id}.html`), d.url, lang) : { lang, text, direct: [], reported: [], neutral: [] };
    const { norm } = normalise(doc.text);
    const locate = (s: string): [number, number] | null => {
      const n = normalise(s).norm;
      const i = n ? norm.indexOf(n) : -1;
      return i < 0 ? null : [i, i + n.length];
    };
    for (const q of d.quotes) {
      const span = locate(q.text) ?? [-1, -1];
      const names = q.speaker ? [q.speaker, ...(q.speaker_mentions ?? [])] : [];
      const gold: Gold = { span, names, unnamed: !q.speaker, accordingTo: ACCORDING.test(q.cue ?? '') };
      (q.kind === 'direct' ? doc.direct : doc.reported).push(gold);
    }
    for (const n of d.note ?? []) {
      const span = locate(n.text);
      if (span) doc.neutral.push(span);
    }
    return doc;
  });
}

/** The page's article as the pipeline gives it to the quotes step: its kept blocks and language. */
function extractedDoc(file: string, url: string, lang: string): Doc {
  let seen: Block[] = [];
  let pageLang: string | null = null;
  // Decoded as the command line decodes a page: by its byte-order mark or declared charset.
  withPage(decodeHtml(readFileSync(file)), url, (doc) =>
    extractArticle(doc, {
      url,
      force: true,
      consume: true,
      quotes: (blocks, o) => {
        seen = blocks;
        pageLang = o.lang;
        return { quotes: [], speakers: [] };
      },
    }),
  );
  const blocks = seen.filter((b) => b.text);
  return { lang, pageLang, text: blocks.map((b) => b.text).join('\n\n'), blocks, direct: [], reported: [], neutral: [] };
}

function readLines(file: string): any[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

// --- scoring -------------------------------------------------------------------------------

export interface Pred {
  q: Quote;
  span: [number, number];
  names: string[];
}

/** Name suffixes that are not surnames ("Donald Trump Jr."). */
const SUFFIXES = new Set('jr sr ii iii iv'.split(' '));

/**
 * The name-bearing parts of a gold speaker span: its comma-separated parts, without parentheses
 * and relative clauses ("Kenneth Baer, a former Obama administration official who runs …" →
 * "kenneth baer", "former obama administration official").
 */
const RELATIVES = /^(?:who|which|whose|der|die|das|welche[rs]?|qui|que|dont)\s/i;
const goldParts = (raw: string) =>
  raw
    .replace(/\([^)]*\)?/g, ' ')
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter((p, i) => i === 0 || !RELATIVES.test(p))
    .map(normName)
    .filter(Boolean)
    // "John Sifton von Human Rights Watch", "a spokesman of the ministry": the words before a
    // preposition are a part too, when they are two words or more (not "Ursula von der Leyen").
    .flatMap((p) => {
      const m = /^(\S+ \S+.*?) (?:von|vom|aus|of|from|at|for|de|du|des|à)\s/.exec(p);
      return m ? [p, m[1]] : [p];
    });

const surnameOf = (n: string) => {
  const w = n.split(' ').filter((x) => !SUFFIXES.has(x));
  return w[w.length - 1] ?? '';
};

export function speakerRight(p: Pred, g: Gold): boolean {
  if (!g.names.length) return true;
  if (p.q.unnamed) return g.unnamed;
  if (!p.q.speaker) return false;
  // Right when the predicted name (or an alias) is the gold speaker or one of its mentions, or a
  // run of words of one of the span's parts (a name after its role: "White House press secretary
  // Josh Earnest"), or shares the surname (last word) of a part. Words elsewhere do not count:
  // "Obama" is not "Kenneth Baer, a former Obama administration official".
  const parts = g.names.flatMap(goldParts);
  return p.names.map((n) => normName(n.replace(/\([^)]*\)?/g, ' '))).some((n) => {
    if (!n) return false;
    const surname = surnameOf(n);
    return parts.some((part) => part === n || (n.includes(' ') && ` ${part} `.includes(` ${n} `)) || surnameOf(part) === surname);
  });
}

export const overlap = (a: [number, number], b: [number, number]) => Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));

/** With --errors, wrong predictions are printed with their context (for development). */
const SHOW_ERRORS = process.argv.includes('--errors');
/** With --missed, gold direct quotes left unmatched are printed with their context. */
const SHOW_MISSED = process.argv.includes('--missed');

function score(preds: Pred[], golds: Gold[], c: Counts, tiers: Record<string, [number, number]>, neutral: [number, number][], note?: (p: Pred, g: Gold | null, right: boolean) => void) {
  const pairs: [number, number, number][] = [];
  preds.forEach((p, i) =>
    golds.forEach((g, j) => {
      const o = overlap(p.span, g.span);
      const lp = p.span[1] - p.span[0];
      const lg = g.span[1] - g.span[0];
      if (o > 0 && o >= 0.5 * lp && o >= 0.5 * lg) pairs.push([o, i, j]);
    }),
  );
  // Equal overlaps: a quote annotated twice (its speaker, and the medium that reports it) pairs
  // with the annotation whose speaker the prediction names.
  const named = (i: number, j: number) => (speakerRight(preds[i], golds[j]) ? 1 : 0);
  pairs.sort((a, b) => b[0] - a[0] || named(b[1], b[2]) - named(a[1], a[2]));
  const pm = new Map<number, number>();
  const gm = new Set<number>();
  for (const [, i, j] of pairs) {
    if (pm.has(i) || gm.has(j)) continue;
    pm.set(i, j);
    gm.add(j);
  }
  c.gold += golds.length;
  preds.forEach((p, i) => {
    const j = pm.get(i);
    if (j === undefined && neutral.some((n) => overlap(p.span, n) >= 0.5 * (p.span[1] - p.span[0]))) return;
    c.pred++;
    const t = (tiers[p.q.tier] ??= [0, 0]);
    t[0]++;
    if (j === undefined) return note?.(p, null, false);
    c.matched++;
    const right = speakerRight(p, golds[j]);
    if (golds[j].names.length) {
      c.named++;
      if (right) c.namedRight++;
    }
    if (right) c.right++;
    // A quote kept with its speaker not named claims only that it is a quote: its tier's
    // precision (the confidence the views show) is that of the quote found.
    if (right || (!p.q.speaker && !p.q.unnamed)) t[1]++;
    note?.(p, golds[j], right);
  });
  return gm;
}

function printMissed(doc: Doc, found: Set<number>) {
  const { at } = normalise(doc.text);
  // Normalised offsets back to text offsets (first character at or after each).
  const back = (n: number) => {
    let i = 0;
    while (i < doc.text.length && at[i] < n) i++;
    return i;
  };
  doc.direct.forEach((g, j) => {
    if (found.has(j) || g.span[0] < 0) return;
    const s = back(g.span[0]);
    const e = back(g.span[1]);
    const ctx = `${doc.text.slice(Math.max(0, s - 150), s)}[[${doc.text.slice(s, e)}]]${doc.text.slice(e, e + 150)}`.replace(/\s+/g, ' ');
    console.log(`[${doc.lang} missed] gold=${g.names.join(' / ') || '(none)'}\n    ${ctx}`);
  });
}

const empty = (): Counts => ({ pred: 0, gold: 0, matched: 0, right: 0, named: 0, namedRight: 0 });

export type Split = 'train' | 'dev';
export type SetName = 'en' | 'de' | 'fr' | 'es' | 'fr-pages' | 'es-pages';
export const SETS: SetName[] = ['en', 'de', 'fr', 'es', 'fr-pages', 'es-pages'];

/** Spanish dev: every third article of the train file (positions 2, 5, 8, …); train: the rest. */
const esFold = (split: Split) => (_: unknown, i: number) => (i % 3 === 2) === (split === 'dev');

/**
 * The documents of one set and split. `full`: all 840 English train articles (else every third,
 * which keeps the eval to seconds).
 */
export function loadSet(shared: string, set: SetName, split: Split, full = false): Doc[] {
  const q = join(shared, 'quotes');
  switch (set) {
    case 'en': {
      const docs = readLines(join(q, 'en', `polnear_${split}.jsonl`));
      return loadEnglish(split === 'train' && !full ? docs.filter((_, i) => i % 3 === 0) : docs);
    }
    case 'de':
      return loadGerman(readLines(join(q, 'de', `de_wikinews_${split}.jsonl`)));
    case 'fr':
    case 'fr-pages':
      return loadNews(join(q, 'fr'), 'fr', readLines(join(q, 'fr', `fr_quotes_${split}.jsonl`)), set === 'fr-pages');
    case 'es':
    case 'es-pages':
      return loadNews(join(q, 'es'), 'es', readLines(join(q, 'es', 'es_quotes_train.jsonl')).filter(esFold(split)), set === 'es-pages');
  }
}

/** The blocks the quotes step reads for a document, with each block's offset in `doc.text`. */
export function docBlocks(doc: Doc): { blocks: Block[]; offset: Map<string, number> } {
  if (doc.blocks) {
    const offset = new Map<string, number>();
    let o = 0;
    for (const b of doc.blocks) {
      offset.set(b.id, o);
      o += b.text.length + 2;
    }
    return { blocks: doc.blocks, offset };
  }
  const paras = splitParagraphs(doc.text);
  return {
    blocks: paras.map((p) => ({ id: p.id, type: 'paragraph', text: p.text, inlines: [] })),
    offset: new Map(paras.map((p) => [p.id, p.offset])),
  };
}

export function runEval(docs: Doc[]): EvalResult {
  const res: EvalResult = { byLang: {}, tiers: {}, accordingRecall: {}, langTiers: {}, ms: 0, chars: 0, records: [] };
  for (const doc of docs) {
    const { blocks, offset } = docBlocks(doc);
    const t0 = performance.now();
    const out = attributeQuotes(blocks, { lang: doc.blocks ? doc.pageLang ?? null : doc.lang });
    res.ms += performance.now() - t0;
    res.chars += doc.text.length;
    const { at } = normalise(doc.text);
    const byName = new Map<string, Speaker>(out.speakers.map((s) => [s.name, s]));
    const preds = out.quotes.map((qq): Pred => {
      const o = offset.get(qq.blockId)!;
      const s = qq.speaker ? byName.get(qq.speaker) : undefined;
      return { q: qq, span: [at[o + qq.start], at[o + qq.end]], names: s ? [s.name, ...s.aliases] : [] };
    });
    const lang = (res.byLang[doc.lang] ??= { direct: empty(), reported: empty(), 'said-that': empty() });
    const context = (p: Pred) => {
      const o = offset.get(p.q.blockId)!;
      return doc.text.slice(Math.max(0, o + p.q.start - 120), o + p.q.end + 120).replace(/\s+/g, ' ');
    };
    const note = (p: Pred, g: Gold | null, right: boolean) => {
      const speaker = p.q.speaker ? byName.get(p.q.speaker) : undefined;
      res.records.push({ lang: doc.lang, q: p.q, speaker, right, matched: !!g, context: context(p) });
      const t = ((res.langTiers[doc.lang] ??= {})[p.q.tier] ??= [0, 0]);
      t[0]++;
      if (right || (!!g && !p.q.speaker && !p.q.unnamed)) t[1]++;
      if (SHOW_ERRORS && !right) {
        console.log(`[${doc.lang} ${p.q.kind} ${p.q.tier}] pred=${p.q.speaker}${p.q.unnamed ? ' (unnamed)' : ''} gold=${g ? g.names.join(' / ') || '(unnamed)' : 'NO MATCH'} cue=${p.q.cue} q=«${p.q.text.slice(0, 80)}»\n    ${context(p)}`);
      }
    };
    const foundDirect = score(preds.filter((p) => p.q.kind === 'direct'), doc.direct, lang.direct, res.tiers, doc.neutral, note);
    if (SHOW_MISSED) printMissed(doc, foundDirect);
    const according = preds.filter((p) => p.q.kind === 'reported' && p.q.tier.startsWith('reported'));
    const found = score(according, doc.reported, lang.reported, res.tiers, [], note);
    const r = (res.accordingRecall[doc.lang] ??= [0, 0]);
    doc.reported.forEach((g, j) => {
      if (!g.accordingTo) return;
      r[1]++;
      const p = according.find((pp) => overlap(pp.span, g.span) >= 0.5 * (g.span[1] - g.span[0]));
      if (found.has(j) && p && speakerRight(p, g)) r[0]++;
    });
    score(preds.filter((p) => p.q.tier.startsWith('said-that')), doc.reported, lang['said-that'], res.tiers, [], note);
  }
  return res;
}

const pct = (a: number, b: number) => (b ? (a / b).toFixed(3) : '  -  ');

/** Direct quotes: detection (span found, any speaker), end to end (span and speaker), speaker accuracy. */
export interface Figures {
  detP: number;
  detR: number;
  p: number;
  r: number;
  speaker: number;
}

export function figures(c: Counts): Figures {
  const f = (a: number, b: number) => (b ? a / b : 0);
  return { detP: f(c.matched, c.pred), detR: f(c.matched, c.gold), p: f(c.right, c.pred), r: f(c.right, c.gold), speaker: f(c.namedRight, c.named) };
}

/** One line per set: train and dev figures of direct quotes side by side, and the largest gap. */
export function sideBySide(rows: { set: string; train: EvalResult; dev: EvalResult; docs: [number, number] }[]): string {
  const cols = (c: Counts) => {
    const f = figures(c);
    return `${String(c.pred).padStart(5)} ${String(c.gold).padStart(5)}  ${[f.detP, f.detR, f.p, f.r, f.speaker].map((x) => x.toFixed(3)).join('  ')}`;
  };
  const head = ' pred  gold  det-P  det-R  e2e-P  e2e-R  spkr ';
  const lines = [
    'direct quotes — det: quote span found (any speaker, none included); e2e: span and speaker right; spkr: speaker right on found quotes with a named gold speaker',
    `set       docs(tr/dev) |${'train'.padStart(26).padEnd(48)}|${'dev'.padStart(25).padEnd(48)}| gap`,
    `                       |${head}|${head}|`,
  ];
  for (const { set, train, dev, docs } of rows) {
    const lang = set.slice(0, 2);
    const t = train.byLang[lang]?.direct ?? empty();
    const d = dev.byLang[lang]?.direct ?? empty();
    const ft = figures(t);
    const fd = figures(d);
    const gap = Math.max(...(Object.keys(ft) as (keyof Figures)[]).map((k) => Math.abs(ft[k] - fd[k])));
    lines.push(`${set.padEnd(9)} ${`${docs[0]}/${docs[1]}`.padStart(12)} |${cols(t)} |${cols(d)} | ${gap.toFixed(3)}`);
  }
  return lines.join('\n');
}

export function report(r: EvalResult): string {
  const lines = ['lang kind        pred  gold  P(e2e) R(e2e) P(quote) R(quote) speaker-acc'];
  for (const [lang, kinds] of Object.entries(r.byLang)) {
    for (const [kind, c] of Object.entries(kinds)) {
      lines.push(
        `${lang.padEnd(4)} ${kind.padEnd(10)} ${String(c.pred).padStart(5)} ${String(c.gold).padStart(5)}  ${pct(c.right, c.pred)}  ${pct(c.right, c.gold)}  ${pct(c.matched, c.pred)}   ${pct(c.matched, c.gold)}   ${pct(c.namedRight, c.named)}`,
      );
    }
  }
  lines.push('', 'reported ("according to" family) recall, quote and speaker right:');
  for (const [lang, [a, b]] of Object.entries(r.accordingRecall)) lines.push(`  ${lang}: ${pct(a, b)} (${a}/${b})`);
  lines.push('', `shown by default (confidence ≥ ${DEFAULT_MIN_CONFIDENCE}): predicted  right  precision  share of all predictions`);
  for (const lang of Object.keys(r.byLang)) {
    const all = r.records.filter((x) => x.lang === lang);
    const shown = all.filter((x) => x.q.confidence >= DEFAULT_MIN_CONFIDENCE);
    const ok = shown.filter((x) => x.right).length;
    lines.push(`  ${lang}: ${String(shown.length).padStart(5)} ${String(ok).padStart(5)}  ${pct(ok, shown.length)}  ${pct(shown.length, all.length)}`);
  }
  lines.push('', 'tier precision (all languages): tier  predicted  right  precision');
  for (const [tier, [n, ok]] of Object.entries(r.tiers).sort((a, b) => b[1][0] - a[1][0])) {
    lines.push(`  ${tier.padEnd(18)} ${String(n).padStart(5)} ${String(ok).padStart(5)}  ${pct(ok, n)}`);
  }
  lines.push('', `time: ${r.ms.toFixed(0)} ms for ${(r.chars / 1e6).toFixed(2)} M chars (${((r.ms / r.chars) * 1e5).toFixed(2)} ms per 100k chars)`);
  return lines.join('\n');
}

/**
 * Per-language figures need this many quotes of the tier in the language. Below POOLED_MIN quotes
 * a pooled figure is shrunk toward the overall precision, (ok + K·overall) / (n + K) with
 * K = POOLED_MIN, but never above its raw figure, and capped at its parent tier's: 3 right of 3
 * says little, so such a tier is not shown as certain.
 */
const LANG_MIN = 20;
const POOLED_MIN = 10;

/** The TIER_PRECISION table of utils/quotes/tiers.ts, from the measured figures. */
export function tierTable(r: EvalResult): Record<string, Record<string, number>> {
  const fig = ([n, ok]: [number, number]) => Math.floor((ok / n) * 1000) / 1000;
  const table: Record<string, Record<string, number>> = { all: {} };
  const sum = Object.values(r.tiers).reduce(([n, ok], [a, b]) => [n + a, ok + b], [0, 0]);
  const overall = sum[1] / sum[0];
  const small = ([n, ok]: [number, number]) => Math.min(fig([n, ok]), fig([n + POOLED_MIN, ok + POOLED_MIN * overall]));
  // Parents first ("after" before "after-pronoun"): a small tier is capped at its parent's figure.
  for (const [tier, c] of Object.entries(r.tiers).sort((a, b) => a[0].length - b[0].length)) {
    const parent = /-(?:pronoun|far|org|role)$/.test(tier) ? table.all[tier.slice(0, tier.lastIndexOf('-'))] : undefined;
    table.all[tier] = c[0] < POOLED_MIN ? Math.min(small(c), parent ?? 1) : fig(c);
  }
  for (const [lang, tiers] of Object.entries(r.langTiers)) {
    for (const [tier, c] of Object.entries(tiers)) if (c[0] >= LANG_MIN) (table[lang] ??= {})[tier] = fig(c);
  }
  return table;
}

export function tierTableTs(r: EvalResult): string {
  const rows = Object.entries(tierTable(r)).map(
    ([k, v]) => `  ${k}: { ${Object.entries(v).sort().map(([t, p]) => `${/^[a-z]+$/.test(t) ? t : `'${t}'`}: ${p}`).join(', ')} },`,
  );
  return `export const TIER_PRECISION: Record<string, Record<string, number>> = {\n${rows.join('\n')}\n};`;
}

export const sharedDir = () => resolve(process.cwd(), '..', 'shared');

// --- timing --------------------------------------------------------------------------------

/**
 * The module runs in a content script injected on the reader's click: its first call, in a fresh
 * process, is on the critical path. `coldTiming` measures that in a new node process on the
 * minified bundle (what ships): load (module evaluation) and first call; warm is the median of
 * 30 calls after 30 warm-up calls (the JIT has optimised the code by then).
 */
export interface Timing {
  lang: string;
  chars: number;
  load: number;
  first: number;
  /** CPU time of the first call (all of the process's threads): what a busy machine changes least. */
  firstCpu: number;
  warm: number;
}

/** Spanish has no development set: a few sentences of our own, repeated to article length. */
const SPANISH = [
  '«No vamos a ceder ante ninguna presión», dijo Ana García, ministra de Economía, en una rueda de prensa en Madrid.',
  'Según el Gobierno, la reforma entrará en vigor el próximo año y afectará a más de dos millones de personas.',
  '«Es un día histórico para el país», afirmó el presidente del sindicato, Luis Fernández.',
  'La oposición criticó la medida. «Llega tarde y mal», señaló su portavoz, que pidió más diálogo con las regiones.',
  'García insistió en que el plan es necesario: «Sin estos cambios, el sistema no será sostenible».',
].join('\n\n');

/** An article of typical length per language: the development text nearest 8,000 characters. */
export function timingTexts(shared: string): Record<string, string> {
  const q = join(shared, 'quotes');
  const nearest = (texts: string[]) => texts.reduce((a, b) => (Math.abs(b.length - 8000) < Math.abs(a.length - 8000) ? b : a));
  return {
    en: nearest(readLines(join(q, 'en', 'polnear_dev.jsonl')).map((d) => d.text)),
    de: nearest(readLines(join(q, 'de', 'de_wikinews_dev.jsonl')).map((d) => d.text)),
    fr: nearest(readdirSync(join(q, 'fr', 'texts')).map((f) => readFileSync(join(q, 'fr', 'texts', f), 'utf8'))),
    es: Array(6).fill(SPANISH).join('\n\n'),
  };
}

/** The minified ESM bundle of the module (esbuild, as the extension build does). */
export function bundle(): string {
  const esbuild = join(process.cwd(), 'node_modules', '.bin', 'esbuild');
  const out = spawnSync(esbuild, ['--bundle', '--minify', '--format=esm', 'utils/quotes/index.ts'], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`esbuild failed: ${out.stderr}`);
  return out.stdout;
}

/**
 * Cold and warm times of `quotesFromText` on each text, each language in a fresh node process;
 * with `runs` > 1, the first call of least CPU time among that many processes (robust to a busy machine).
 */
export function coldTiming(texts: Record<string, string>, code = bundle(), runs = 1): Timing[] {
  const dir = mkdtempSync(join(tmpdir(), 'quotes-timing-'));
  const file = join(dir, 'quotes.mjs');
  writeFileSync(file, code);
  return Object.entries(texts).map(([lang, text]) => {
    const textFile = join(dir, `${lang}.txt`);
    writeFileSync(textFile, text);
    const child = `
      import { readFileSync } from 'node:fs';
      const text = readFileSync(${JSON.stringify(textFile)}, 'utf8');
      const t0 = performance.now();
      const { quotesFromText } = await import(${JSON.stringify(pathToFileURL(file).href)});
      const t1 = performance.now();
      const c1 = process.cpuUsage();
      quotesFromText(text, { lang: ${JSON.stringify(lang)} });
      const t2 = performance.now();
      const c2 = process.cpuUsage(c1);
      const warm = [];
      for (let i = 0; i < 60; i++) {
        const t = performance.now();
        quotesFromText(text, { lang: ${JSON.stringify(lang)} });
        if (i >= 30) warm.push(performance.now() - t);
      }
      warm.sort((a, b) => a - b);
      console.log(JSON.stringify({ load: t1 - t0, first: t2 - t1, firstCpu: (c2.user + c2.system) / 1000, warm: warm[15] }));`;
    const run = (): Timing => {
      const out = spawnSync(process.execPath, ['--input-type=module', '-e', child], { encoding: 'utf8' });
      if (out.status !== 0) throw new Error(`timing child failed: ${out.stderr}`);
      return { lang, chars: text.length, ...JSON.parse(out.stdout) };
    };
    return Array.from({ length: runs }, run).reduce((a, b) => (b.firstCpu < a.firstCpu ? b : a));
  });
}

function timingReport(timings: Timing[], code: string): string {
  const per10k = (ms: number, chars: number) => ((ms / chars) * 1e4).toFixed(2).padStart(8);
  const lines = [
    'cold: fresh node processes on the minified bundle (the first call of least CPU time of 3); warm: median of calls 31–60',
    'lang  chars  load ms  first ms  warm ms   first/10k  warm/10k (ms per 10k chars)',
  ];
  for (const t of timings) {
    lines.push(
      `${t.lang.padEnd(4)} ${String(t.chars).padStart(6)} ${t.load.toFixed(1).padStart(8)} ${t.first.toFixed(1).padStart(9)} ${t.warm.toFixed(2).padStart(8)}  ${per10k(t.first, t.chars)}  ${per10k(t.warm, t.chars)}`,
    );
  }
  lines.push('', `bundle: ${code.length} bytes minified, ${gzipSync(code, { level: 9 }).length} bytes gzip -9`);
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const shared = sharedDir();
  const full = process.argv.includes('--full');
  const only = process.argv.find((a) => a.startsWith('--split='))?.slice(8) as Split | undefined;
  if (!existsSync(join(shared, 'quotes'))) {
    console.log(`eval-quotes: skipped — no shared data at ${shared} (expected ../shared/quotes beside the project).`);
  } else if (process.argv.includes('--timing')) {
    const code = bundle();
    console.log(timingReport(coldTiming(timingTexts(shared), code, 3), code));
  } else if (process.argv.includes('--ts')) {
    console.log(tierTableTs(runEval((['en', 'de', 'fr', 'es'] as SetName[]).flatMap((set) => loadSet(shared, set, 'train', full)))));
  } else if (only) {
    for (const set of SETS) console.log(`\n== ${set} ${only}\n${report(runEval(loadSet(shared, set, only, full)))}`);
  } else {
    const t0 = performance.now();
    const sets = process.argv.find((a) => a.startsWith('--sets='))?.slice(7).split(',') ?? SETS;
    const rows = SETS.filter((set) => sets.includes(set)).map((set) => {
      const train = loadSet(shared, set, 'train', full);
      const dev = loadSet(shared, set, 'dev', full);
      return { set, train: runEval(train), dev: runEval(dev), docs: [train.length, dev.length] as [number, number] };
    });
    console.log(sideBySide(rows));
    console.log(`\nen train: ${full ? 'all 840 articles' : 'every third article (280 of 840; --full for all)'}; es dev: every third article of es_quotes_train.jsonl (positions 2, 5, 8, …), es train the other 20.`);
    console.log('*-pages: the page HTML through extractArticle, then the quotes step on its kept blocks (gold located in that text).');
    if (process.argv.includes('--details')) for (const r of rows) console.log(`\n== ${r.set} dev\n${report(r.dev)}`);
    console.log(`\n${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
}
