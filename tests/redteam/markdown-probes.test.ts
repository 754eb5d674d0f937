/**
 * Second red-team pass (issue 12): random mixtures of Markdown markers, entities, URLs and line
 * breaks as page text, through both exports and every field and kind of block, read back by a
 * CommonMark parser (marked). Nothing may come out as a fenced block, raw HTML, a code span or
 * a link anywhere but http(s) or mailto. Seeded, so a failure names its text and repeats.
 */
import { describe, expect, it } from 'vitest';
import { marked, type Token, type Tokens } from 'marked';
import { exportMarkdown } from '../../utils/highlights';
import { articleToMarkdown } from '../../utils/markdown';
import { everyBlock, markdownArticle, storedHighlight } from '../fixtures/hostile/redteam-pages';

const PIECES = [
  '\n', '\r', ' ', '\t', '    ', '- ', '1) ', '> ', '~', '~~~', '`', '$', '%', '[', ']', '(', ')', '<', '>', '!',
  'javascript:alert(1)', 'a', '\\', '*', '_', '#', '=', '|', ':', '"', 'http://x', '&#106;', '&lt;', '&', '<script>',
  '</', 'www.x.com', 'me@x.com', '<!--', 'vbscript:', '&#x3c;', '\u2028', '\n1) ', '\n- ', '\n> ', 'www.x.com<',
];
const PROBES = 3000;

function dangers(md: string): string[] {
  const found: string[] = [];
  marked.walkTokens(marked.lexer(md), (token: Token) => {
    if (token.type === 'code' && (token as Tokens.Code).codeBlockStyle !== 'indented') found.push(`fence: ${token.raw}`);
    if (token.type === 'html' || token.type === 'codespan') found.push(`${token.type}: ${token.raw}`);
    if ((token.type === 'link' || token.type === 'image') && !/^(?:https?:|mailto:)/i.test((token as Tokens.Link).href)) {
      found.push(`link: ${(token as Tokens.Link).href}`);
    }
  });
  return found;
}

describe('random Markdown probes (second pass)', () => {
  it(`${PROBES} texts open no fence, HTML, code span or unsafe link in either export`, () => {
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const failures: string[] = [];
    for (let n = 0; n < PROBES && failures.length < 5; n++) {
      let text = 'x';
      for (let i = 2 + Math.floor(random() * 14); i > 0; i--) text += PIECES[Math.floor(random() * PIECES.length)];
      const library = exportMarkdown([storedHighlight('h', text, { note: text, title: text, site: text, speaker: text })]);
      for (const found of [...dangers(library), ...dangers(articleToMarkdown(markdownArticle(everyBlock(text), { title: text, byline: text, siteName: text })))]) failures.push(`${JSON.stringify(text)} → ${found}`);
    }
    expect(failures).toEqual([]);
  });
});
