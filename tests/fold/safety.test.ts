/**
 * Folding never eats prose: running prose is never furniture whatever its ancestors' classes;
 * a hint covers only its element's own short text; a duplicate is only of what the reader sees;
 * a live ticker marked as "comments" stays.
 */
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../cli/dom';
import { extractArticle } from '../../utils/extract';
import { markSignals } from '../../utils/extract/signals';
import { foldBlocks, isRunningProse } from '../../utils/fold';
import type { Block } from '../../utils/types';

let n = 0;
const p = (text: string, extra: Partial<Block> = {}): Block => ({ id: `s${n++}`, type: 'paragraph', inlines: [{ text }], text, ...extra }) as Block;
const ctx = { title: 'Council approves the new school budget after long debate', byline: 'Jane Doe' };
const prose = (seed: string) =>
  p(`${seed} The council met on Tuesday evening to discuss the budget, the roads and the new school, and several residents spoke at length about the plans for the old town centre.`);
const folded = (blocks: Block[]) => new Set(foldBlocks(blocks, ctx).map((f) => f.blockId));

describe('running prose', () => {
  it('is two sentences or more, or 25+ words, with few links', () => {
    expect(isRunningProse(p('The mayor left early. Nobody knew why she did.'))).toBe(true);
    expect(isRunningProse(p(`${'word '.repeat(26)}`))).toBe(true);
    expect(isRunningProse(p('Photo: AFP. Credit: Reuters.'))).toBe(false);
    expect(isRunningProse(p('Share this article'))).toBe(false);
    expect(isRunningProse(p('The mayor left early. Nobody knew why she did.', { signals: { linkDensity: 0.8, links: 2 } }))).toBe(false);
  });

  it('is never folded for the hints of its ancestors (a wrapper marked "byline", "comments", "related")', () => {
    const lead = prose('First.');
    const hinted = ['byline', 'comments', 'related', 'ad', 'share', 'nav', 'hidden'].map((hint) =>
      p('The vote is expected next month. A second public hearing comes first, the clerk said.', { signals: { hints: [hint] } }),
    );
    const long = p(`${'The school will open in the autumn with two hundred pupils and twelve teachers '.repeat(3)}.`, { signals: { hints: ['byline'] } });
    const blocks = [lead, ...hinted, long, prose('Last.')];
    expect(folded(blocks)).toEqual(new Set());
  });

  it('still folds short lines and link lists under a hint', () => {
    const share = p('Partager Tweeter', { signals: { hints: ['share'] } });
    const date = p('Mis en ligne par la rédaction', { signals: { hints: ['byline'] } });
    const blocks = [prose('A.'), share, date, prose('B.')];
    expect(folded(blocks)).toEqual(new Set([share.id, date.id]));
  });

  it('is not folded in the middle of the article by a text pattern (an article about cookies)', () => {
    const cookies = p('Regulators say the site uses cookies to track visitors without consent. The fine is the largest so far.');
    const blocks = [prose('A.'), cookies, prose('B.')];
    expect(folded(blocks).has(cookies.id)).toBe(false);
  });

  it('keeps a live ticker whose entries all sit in a "comments" stream', () => {
    const entries = Array.from({ length: 12 }, (_, i) => p(`${10 + i}:05 — Les secours arrivent sur place`, { signals: { hints: ['comments'] } }));
    const blocks = [prose('A.'), ...entries];
    expect(folded(blocks).size).toBe(0);
  });
});

describe('hints cover only their element\'s own short text', () => {
  const comments = Array.from({ length: 40 }, (_, i) => `<li class="comment"><p>Comment ${i}: ${'I read it all and I think this is right. '.repeat(4)}</p></li>`).join('');
  const html = `<body><div class="entry-meta-wrapper"><span class="date">12 March 2024</span>
      ${Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i} of the article, which says what happened and why it matters to the reader.</p>`).join('')}</div>
      <ol class="comments">${comments}</ol></body>`;

  it('does not mark a wrapper holding the article (two thirds of the prose folded as "byline and date")', () => {
    const doc = parseHtml(html);
    markSignals(doc);
    expect(doc.querySelector('.entry-meta-wrapper')?.hasAttribute('data-lucid-hint')).toBe(false);
    expect(doc.querySelector('.date')?.getAttribute('data-lucid-hint')).toBe('byline');
  });

  it('marks a long list of links (a menu, related links) whatever its length', () => {
    const links = Array.from({ length: 40 }, (_, i) => `<li><a href="/s/${i}">Section number ${i} of the site</a></li>`).join('');
    const doc = parseHtml(`<body><ul class="menu">${links}</ul><p>Text.</p></body>`);
    markSignals(doc);
    expect(doc.querySelector('.menu')?.getAttribute('data-lucid-hint')).toBe('nav');
  });
});

describe('duplicates of what the reader sees', () => {
  it('does not fold the lead as a duplicate of the summary, which no view shows', () => {
    const standfirst = 'Lloyd Austin a appelé son homologue russe Andrey Beloussov, une première depuis mars 2023.';
    const body = Array.from({ length: 5 }, (_, i) => `<p>Paragraphe ${i} de l'article : ${"le ministère a confirmé l'appel et ses détails restent secrets pour l'instant. ".repeat(2)}</p>`).join('');
    const doc = parseHtml(`<html><head><title>Austin appelle Moscou</title><meta name="description" content="${standfirst}"></head>
      <body><article><h1>Austin appelle Moscou</h1><h2>${standfirst}</h2><div class="body">${body}</div></article></body></html>`, 'https://news.example/a');
    const article = extractArticle(doc, { force: true });
    expect(article.text).toContain(standfirst);
  });
});
