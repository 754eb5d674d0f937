/**
 * Second red-team pass (issue 12): an autolink that eats our escape. marked (the renderer R2
 * names) ends a bare `www.…` or `https://…` link at `<` and takes the backslash before it into
 * the link, so `www.x.com\<javascript:alert(1)\>` became two links, the second a live
 * `javascript:` autolink, in both exports. The oracle is marked itself: no link or image that
 * page text writes may point anywhere but http(s) or mailto.
 */
import { describe, expect, it } from 'vitest';
import { marked, type Token, type Tokens } from 'marked';
import { exportMarkdown } from '../../utils/highlights';
import { articleToMarkdown } from '../../utils/markdown';
import { everyBlock, markdownArticle, storedHighlight } from '../fixtures/hostile/redteam-pages';

const PAYLOADS = [
  'see www.x.com<javascript:alert(1)>',
  'see https://x.com/<javascript:alert(1)>',
  'mail me@x.com<javascript:alert(1)> now',
  'www.x.com<vbscript:msgbox(1)>',
  'see www.x.com <javascript:alert(1)>',
];

/** Hrefs of every link and image the parser finds that are not web or mail addresses. */
function unsafeLinks(md: string): string[] {
  const found: string[] = [];
  marked.walkTokens(marked.lexer(md), (token: Token) => {
    if (token.type !== 'link' && token.type !== 'image') return;
    const { href } = token as Tokens.Link | Tokens.Image;
    if (!/^(?:https?:|mailto:)/i.test(href)) found.push(href);
  });
  return found;
}

describe('an autolink that eats the escape before "<" (second pass)', () => {
  it('the oracle sees the attack when "<" is escaped with a backslash', () => {
    expect(unsafeLinks('see www.x.com\\<javascript:alert(1)\\>')).not.toEqual([]);
  });

  it.each(PAYLOADS)('library export: %j in a highlight, note, title, site and speaker links nowhere else', (text) => {
    const md = exportMarkdown([storedHighlight('h1', text, { note: text, title: text, site: text, speaker: text })]);
    expect(unsafeLinks(md)).toEqual([]);
  });

  it.each(PAYLOADS)('Copy as Markdown: %j in every kind of block links nowhere else', (text) => {
    expect(unsafeLinks(articleToMarkdown(markdownArticle(everyBlock(text), { title: text, byline: text })))).toEqual([]);
  });
});
