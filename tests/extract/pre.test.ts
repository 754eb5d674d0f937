/**
 * Every `<pre>` of Readability's test pages keeps its line breaks: each line of each `<pre>` in
 * expected.html (with `<br>` read as a break) is a line of one of the article's code blocks.
 */
import { describe, expect, it } from 'vitest';
import { withPage } from '../../cli/dom';
import { extractArticle } from '../../utils/extract';
import { hasShared, readabilityCases } from '../../scripts/lib/corpus';

const URL = 'http://fakehost/test/page.html';

/** The lines of each `<pre>` of the expected article, as its author laid them out. */
function expectedPreLines(html: string): string[][] {
  return withPage(html, URL, (doc) =>
    Array.from(doc.querySelectorAll('pre'), (pre) => {
      // Line breaks as written: <br>, and the <p> and <div> that Readability and highlighters make of lines.
      for (const br of Array.from(pre.querySelectorAll('br'))) br.replaceWith('\n');
      for (const line of Array.from(pre.querySelectorAll('p, div'))) line.before('\n');
      return (pre.textContent ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
    }).filter((lines) => lines.length > 1),
  );
}

const cases = hasShared() ? readabilityCases().filter((c) => c.expected.includes('<pre')) : [];

describe.runIf(cases.length > 0)("code blocks of Readability's test pages keep their line breaks", () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const pres = expectedPreLines(c.expected);
    const article = withPage(c.source, URL, (doc) => extractArticle(doc, { url: URL, force: true, consume: true }));
    const ours = new Set(article.blocks.filter((b) => b.type === 'code').flatMap((b) => b.text.split('\n').map((l) => l.trim())));
    for (const lines of pres) {
      const missing = lines.filter((l) => !ours.has(l));
      expect(missing, `lines of a <pre> not found as lines of a code block`).toEqual([]);
    }
  }, 60_000);
});
