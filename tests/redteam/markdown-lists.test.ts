/**
 * Second red-team pass (issue 12): a fence behind a list marker. CommonMark lets a list item
 * start with a fenced block ("- ~~~dataviewjs", "1) ~~~", "+\t~~~"), and a list item can open on
 * any line of a paragraph or a quote, so escaping fences only at the very start of a line let
 * page text write a `dataviewjs` block (code that Obsidian runs) into both exports. The oracle
 * is a real CommonMark parser (marked): no fenced code block may come out of page text.
 */
import { describe, expect, it } from 'vitest';
import { marked, type Token } from 'marked';
import { exportMarkdown } from '../../utils/highlights';
import { articleToMarkdown } from '../../utils/markdown';
import { everyBlock, markdownArticle, storedHighlight } from '../fixtures/hostile/redteam-pages';

const MARKERS = ['- ', '+ ', '* ', '1. ', '1) ', '-\t', '+\t', '1)\t', '2. ', ' - ', '- - ', '1. - '];
const FENCES = ['~~~dataviewjs', '```dataviewjs'];
const payloads = MARKERS.flatMap((marker) => FENCES.map((fence) => `Harbour plan\n${marker}${fence}\ndv.el("b", "pwned")\n${marker}${fence.slice(0, 3)}\nafter`));

/** Every code block the parser finds (fenced or indented), with its language. */
function codeBlocks(md: string): string[] {
  const found: string[] = [];
  marked.walkTokens(marked.lexer(md), (token: Token) => {
    if (token.type === 'code') found.push(`${token.lang ?? ''}: ${token.text}`);
  });
  return found;
}

describe('a fence behind a list marker (second pass)', () => {
  it('the oracle sees the attack in unescaped text', () => {
    expect(codeBlocks(payloads[0]!)).not.toEqual([]);
  });

  it.each(payloads)('library export: highlight text %j opens no code block', (text) => {
    const md = exportMarkdown([storedHighlight('h1', text, { note: text })]);
    expect(codeBlocks(md)).toEqual([]);
  });

  it.each(payloads)('Copy as Markdown: %j in every kind of block opens no code block', (text) => {
    expect(codeBlocks(articleToMarkdown(markdownArticle(everyBlock(text))))).toEqual([]);
  });
});
