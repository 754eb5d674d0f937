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
import type { Article, Block } from '../../utils/types';
import { storedHighlight } from '../fixtures/hostile/redteam-pages';

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

function article(blocks: Block[]): Article {
  return {
    url: 'https://news.example.org/a',
    title: 'Harbour',
    byline: null,
    siteName: null,
    lang: 'en',
    dir: 'ltr',
    publishedTime: null,
    excerpt: null,
    wordCount: 10,
    readingMinutes: 1,
    blocks,
    text: '',
    folded: [],
    quotes: [],
    speakers: [],
  };
}

describe('a fence behind a list marker (second pass)', () => {
  it('the oracle sees the attack in unescaped text', () => {
    expect(codeBlocks(payloads[0]!)).not.toEqual([]);
  });

  it.each(payloads)('library export: highlight text %j opens no code block', (text) => {
    const md = exportMarkdown([storedHighlight('h1', text, { note: text })]);
    expect(codeBlocks(md)).toEqual([]);
  });

  it.each(payloads)('Copy as Markdown: paragraph, quote and list item %j open no code block', (text) => {
    const inlines = [{ text }];
    const md = articleToMarkdown(
      article([
        { id: 'p', type: 'paragraph', text, inlines },
        { id: 'q', type: 'blockquote', text, inlines },
        { id: 'l', type: 'list', text, ordered: false, items: [inlines] },
      ] as Block[]),
    );
    expect(codeBlocks(md)).toEqual([]);
  });
});
