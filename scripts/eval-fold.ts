/**
 * Folding checks on real pages, printed by `npm run eval` (or alone: node --import tsx
 * scripts/eval-fold.ts; EVAL_LIMIT=n for fewer pages):
 *   1. Duplicate injection: into the body of each Zyte page, insert a repeated headline, a pull
 *      quote copying a sentence, a paragraph repeated later, a "Read more:" line and an
 *      "Advertisement" line; measure how many reach the text unfolded and how many of the
 *      original tokens are lost.
 *   2. Readability's test pages: blocks folded per page, and any paragraph that appears once in
 *      expected.html yet was folded (there should be none).
 *   3. Over-folding on the Zyte pages (`npm run eval` only): blocks of running prose of the true
 *      article text folded as furniture (target 0), beside the furniture left in the text.
 */
import { pathToFileURL } from 'node:url';
import { parseHtml, withPage } from '../cli/dom';
import { extractArticle } from '../utils/extract';
import { isRunningProse } from '../utils/fold/prose';
import { plainWords } from '../utils/fold/normalise';
import type { Article } from '../utils/types';
import { hasShared, readabilityCases, skipMessage, zytePages, type ReadabilityCase, type ZytePage } from './lib/corpus';
import { fmt, tokens } from './lib/score';

export type InjectionKind = 'headline' | 'pull quote' | 'repeated paragraph' | 'read more' | 'advertisement';

export interface InjectionResult {
  pages: number;
  /** Injected lines that reached the block output. */
  injected: number;
  folded: number;
  /** Injected lines Readability itself left out. */
  absent: number;
  leaked: { page: string; kind: InjectionKind; text: string }[];
  originalTokens: number;
  lostTokens: number;
}

const URL_OF = (page: ZytePage) => page.url;

function extract(html: string, url: string): Article | null {
  try {
    return withPage(html, url, (doc) => extractArticle(doc, { url, force: true, consume: true }));
  } catch {
    return null;
  }
}

/** The body paragraphs: the <p> children (≥ 80 characters) of the element holding most of them. */
function bodyParagraphs(doc: Document): HTMLParagraphElement[] {
  const byParent = new Map<Element, HTMLParagraphElement[]>();
  for (const p of Array.from(doc.querySelectorAll('p'))) {
    if ((p.textContent ?? '').trim().length < 80 || !p.parentElement) continue;
    const list = byParent.get(p.parentElement) ?? [];
    list.push(p);
    byParent.set(p.parentElement, list);
  }
  return [...byParent.values()].sort((a, b) => b.length - a.length)[0] ?? [];
}

/** A sentence of 8–40 words from the paragraph, or null. */
function sentenceOf(text: string): string | null {
  const found = text
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .find((s) => /[.!?]$/.test(s) && s.split(/\s+/).length >= 8 && s.split(/\s+/).length <= 40);
  return found ?? null;
}

/** Inserts the five kinds of lines into the page's body; returns them with the edited HTML. */
function inject(page: ZytePage, title: string): { html: string; lines: { kind: InjectionKind; text: string }[] } | null {
  const doc = parseHtml(page.html, URL_OF(page));
  const paras = bodyParagraphs(doc);
  if (paras.length < 6 || !title) return null;
  const para = (i: number) => paras[Math.min(i, paras.length - 1)];
  const texts = paras.map((p) => (p.textContent ?? '').replace(/\s+/g, ' ').trim());
  const repeatedAt = texts.findIndex((t) => /[.!?]["”’»]?$/.test(t) && t.split(' ').length >= 15);
  const repeated = texts[repeatedAt];
  // The pull quote copies one sentence of another paragraph, one of several sentences.
  const quoted = texts.map((t, i) => (i === repeatedAt ? null : sentenceOf(t))).find((s, i) => s && s !== texts[i]);
  if (!repeated || !quoted) return null;
  const el = (tag: string, text: string, inner?: string) => {
    const e = doc.createElement(tag);
    if (inner) e.innerHTML = inner;
    else e.textContent = text;
    return e;
  };
  const lines: { kind: InjectionKind; text: string }[] = [
    { kind: 'headline', text: title },
    { kind: 'pull quote', text: quoted },
    { kind: 'repeated paragraph', text: repeated },
    { kind: 'read more', text: 'Read more: Why the story you just read matters more than ever' },
    { kind: 'advertisement', text: 'Advertisement' },
  ];
  para(1).before(el('h2', title));
  para(2).after(el('blockquote', '', `<p>${escapeHtml(quoted)}</p>`));
  para(paras.length - 2).after(el('p', repeated));
  para(3).after(el('p', '', `Read more: <a href="/news/why-it-matters">Why the story you just read matters more than ever</a>`));
  para(4).after(el('p', 'Advertisement'));
  const html = doc.documentElement.outerHTML;
  doc.defaultView?.close();
  return { html, lines };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Kept (unfolded) text blocks whose normalised text equals `text`. */
function keptCopies(article: Article, text: string): number {
  const folded = new Set(article.folded.map((f) => f.blockId));
  const key = plainWords(text);
  return article.blocks.filter((b) => b.type !== 'figure' && b.type !== 'image' && !folded.has(b.id) && plainWords(b.text) === key).length;
}

function allCopies(article: Article, text: string): number {
  const key = plainWords(text);
  return article.blocks.filter((b) => plainWords(b.text) === key).length;
}

/** Multiset share of `original`'s tokens missing from `got`. */
function lostTokens(original: string[], got: string[]): number {
  const counts = new Map<string, number>();
  for (const t of got) counts.set(t, (counts.get(t) ?? 0) + 1);
  let lost = 0;
  for (const t of original) {
    const n = counts.get(t) ?? 0;
    if (n > 0) counts.set(t, n - 1);
    else lost++;
  }
  return lost;
}

/** Injects the five lines into each page and checks they are folded. */
export function runInjection(pages: ZytePage[]): InjectionResult {
  const result: InjectionResult = { pages: 0, injected: 0, folded: 0, absent: 0, leaked: [], originalTokens: 0, lostTokens: 0 };
  for (const page of pages) {
    const clean = extract(page.html, page.url);
    if (!clean) continue;
    const edited = inject(page, clean.title);
    if (!edited) continue;
    const dirty = extract(edited.html, page.url);
    if (!dirty) continue;
    result.pages++;
    for (const line of edited.lines) {
      // The repeated paragraph is in the page twice: one copy is the article's own.
      const expectedKept = line.kind === 'repeated paragraph' ? Math.min(1, keptCopies(clean, line.text)) : 0;
      const present = allCopies(dirty, line.text) > (line.kind === 'repeated paragraph' ? 1 : 0);
      if (!present) {
        result.absent++;
        continue;
      }
      result.injected++;
      if (keptCopies(dirty, line.text) <= expectedKept) result.folded++;
      else result.leaked.push({ page: page.id, kind: line.kind, text: line.text.slice(0, 80) });
    }
    const original = tokens(clean.text);
    result.originalTokens += original.length;
    result.lostTokens += lostTokens(original, tokens(dirty.text));
  }
  return result;
}

export interface ReadabilityFoldReport {
  name: string;
  folded: number;
  /** Paragraphs appearing exactly once in expected.html yet folded as duplicates (must be none). */
  uniqueFolded: string[];
  /** Paragraphs appearing once in expected.html folded as boilerplate (by design; for review). */
  boilerplate: string[];
  /** Those of them that are running prose (see utils/fold/prose.ts): must be none. */
  prose: string[];
}

export const READABILITY_URL = 'http://fakehost/test/page.html';

/** The text of each <p> of a test page's expected.html. */
export function expectedParagraphs(expected: Document): string[] {
  return Array.from(expected.querySelectorAll('p'), (p) => p.textContent ?? '');
}

/**
 * The folds of one Readability test page, checked against `paragraphs`, the paragraphs of its
 * expected.html.
 */
export function foldReport(name: string, article: Article | null, paragraphs: string[]): ReadabilityFoldReport {
  if (!article) return { name, folded: 0, uniqueFolded: [], boilerplate: [], prose: [] };
  const counts = new Map<string, number>();
  for (const text of paragraphs) {
    const key = plainWords(text);
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const byId = new Map(article.blocks.map((b) => [b.id, b]));
  const unique = (f: { blockId: string }) => {
    const b = byId.get(f.blockId);
    return b && b.type === 'paragraph' && counts.get(plainWords(b.text)) === 1 ? b.text.slice(0, 80) : null;
  };
  const of = (reason: (r: string) => boolean, shape: (id: string) => boolean = () => true) =>
    article.folded.filter((f) => reason(f.reason) && shape(f.blockId)).map(unique).filter((t): t is string => t !== null);
  const prose = (id: string) => !!byId.get(id) && isRunningProse(byId.get(id)!);
  return {
    name,
    folded: article.folded.length,
    uniqueFolded: of((r) => r === 'duplicate'),
    boilerplate: of((r) => r !== 'duplicate'),
    prose: of((r) => r !== 'duplicate' && r !== 'user-rule', prose),
  };
}

/** Folds on Readability's test pages, checked against the paragraphs of expected.html. */
export function readabilityFolds(cases: ReadabilityCase[]): ReadabilityFoldReport[] {
  return cases.map((c) =>
    foldReport(c.name, extract(c.source, READABILITY_URL), withPage(c.expected, READABILITY_URL, expectedParagraphs)),
  );
}

export function printInjection(r: InjectionResult): void {
  console.log(`Fold: duplicate injection into ${r.pages} Zyte pages (5 lines each: headline, pull quote, repeated paragraph, "Read more:", "Advertisement")`);
  console.log(`  reached the blocks: ${r.injected} (Readability left out ${r.absent}); folded ${r.folded}/${r.injected} = ${fmt(r.folded / (r.injected || 1))}`);
  console.log(`  original tokens lost: ${r.lostTokens}/${r.originalTokens} = ${((100 * r.lostTokens) / (r.originalTokens || 1)).toFixed(3)}%`);
  for (const l of r.leaked.slice(0, 8)) console.log(`    not folded: ${l.kind} on ${l.page.slice(0, 10)}: ${l.text}`);
}

/** Pages per number of folded blocks, in bins. */
const BINS: [number, number][] = [[0, 0], [1, 1], [2, 3], [4, 7], [8, 15], [16, Infinity]];

export function printReadabilityFolds(reports: ReadabilityFoldReport[]): void {
  const total = reports.reduce((n, r) => n + r.folded, 0);
  console.log(`Fold: Readability test pages: ${total} blocks folded on ${reports.filter((r) => r.folded).length}/${reports.length} pages`);
  const bins = BINS.map(([lo, hi]) => {
    const label = lo === hi ? `${lo}` : hi === Infinity ? `${lo}+` : `${lo}–${hi}`;
    return `${label}: ${reports.filter((r) => r.folded >= lo && r.folded <= hi).length}`;
  });
  console.log(`  pages by blocks folded: ${bins.join(', ')}`);
  const top = [...reports].sort((a, b) => b.folded - a.folded).filter((r) => r.folded).slice(0, 10);
  console.log(`  most folded: ${top.map((r) => `${r.name} ${r.folded}`).join(', ')}`);
  const bad = reports.filter((r) => r.uniqueFolded.length);
  console.log(`  paragraphs appearing once in expected.html folded as duplicates: ${bad.reduce((n, r) => n + r.uniqueFolded.length, 0)} (must be 0)`);
  for (const r of bad) console.log(`    ${r.name}: ${r.uniqueFolded.join(' | ')}`);
  const prose = reports.filter((r) => r.prose.length);
  console.log(`  of them, running prose folded as furniture: ${prose.reduce((n, r) => n + r.prose.length, 0)} (target 0)`);
  for (const r of prose.slice(0, 8)) console.log(`    ${r.name}: ${r.prose.slice(0, 3).join(' | ')}`);
  const furniture = reports.filter((r) => r.boilerplate.length);
  console.log(`  paragraphs appearing once in expected.html folded as furniture (by design, for review): ${furniture.reduce((n, r) => n + r.boilerplate.length, 0)}`);
  for (const r of furniture.slice(0, 12)) console.log(`    ${r.name}: ${r.boilerplate.slice(0, 3).join(' | ')}`);
}

/** Over-folding and under-folding on pages with a true article text (the Zyte pages). */
export interface OverFolding {
  pages: number;
  /** Blocks of running prose whose text is in the true article, folded as furniture. */
  proseFolded: { page: string; reason: string; text: string }[];
  /** Kept text blocks whose text is not in the true article (furniture left), and their words. */
  furnitureLeft: number;
  furnitureWords: number;
}

export function overFolding(): { add(page: string, article: Article | null, truth: string): void; result: OverFolding } {
  const result: OverFolding = { pages: 0, proseFolded: [], furnitureLeft: 0, furnitureWords: 0 };
  return {
    result,
    add(page, article, truth) {
      if (!article) return;
      result.pages++;
      const t = ` ${plainWords(truth)} `;
      const inTruth = (text: string) => t.includes(` ${plainWords(text)} `);
      const folds = new Map(article.folded.map((f) => [f.blockId, f]));
      for (const b of article.blocks) {
        const fold = folds.get(b.id);
        if (!b.text || b.type === 'figure' || b.type === 'image') continue;
        if (fold && fold.reason !== 'duplicate' && isRunningProse(b) && inTruth(b.text)) {
          result.proseFolded.push({ page, reason: fold.reason, text: b.text.slice(0, 80) });
        } else if (!fold && !inTruth(b.text)) {
          result.furnitureLeft++;
          result.furnitureWords += plainWords(b.text).split(' ').length;
        }
      }
    },
  };
}

export function printOverFolding(r: OverFolding): void {
  console.log(`  over-folding on ${r.pages} pages: blocks of true article prose folded as furniture ${r.proseFolded.length} (target 0)`);
  for (const f of r.proseFolded.slice(0, 6)) console.log(`    ${f.page.slice(0, 10)} ${f.reason}: ${f.text}`);
  console.log(`  furniture left (kept blocks not in the true text): ${r.furnitureLeft} blocks, ${r.furnitureWords} words`);
}

/**
 * Pages the injection check uses by default. jsdom keeps a little of every window it opens, so
 * `npm run eval` runs it in a process of its own (see `--injection` below), on this many pages.
 */
export const INJECTION_PAGES = 60;

function main(): void {
  if (!hasShared()) {
    console.log(skipMessage('eval-fold'));
    return;
  }
  const limit = Number(process.env.EVAL_LIMIT ?? Infinity);
  if (process.argv.includes('--injection')) {
    printInjection(runInjection(zytePages(Math.min(limit, INJECTION_PAGES))));
    return;
  }
  printInjection(runInjection(zytePages(limit)));
  console.log('');
  printReadabilityFolds(readabilityFolds(readabilityCases()));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
