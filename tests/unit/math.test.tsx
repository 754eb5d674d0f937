// @vitest-environment jsdom
import { existsSync, readFileSync } from 'node:fs';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { withPage } from '../../cli/dom';
import { BlockView } from '../../components/BlockView';
import { extractArticle } from '../../utils/extract';
import { articleToMarkdown } from '../../utils/markdown';
import type { Article, Inline } from '../../utils/types';
import { KATEX_PAGE, MATHJAX_PAGE, MATHML_PAGE } from '../fixtures/math/pages';
import { parseHtml } from './page';
import { adoptInto } from '../../cli/foreign-node';

const extract = (html: string): Article => extractArticle(parseHtml(html, 'https://news.example/a/1'), { force: true });
const mathRuns = (a: Article): Inline[] => a.blocks.flatMap((b) => ('inlines' in b ? b.inlines : b.type === 'list' ? b.items.flat() : [])).filter((r) => r.math);

describe('formulas (MathML) through the pipeline', () => {
  it('keeps inline and display MathML as formulas with their text', () => {
    const a = extract(MATHML_PAGE);
    const runs = mathRuns(a);
    expect(runs.map((r) => r.text)).toEqual(['h = a 2 + b 3', 'L / g']);
    expect(runs.map((r) => r.math!.display)).toEqual([false, true]);
    expect(runs[0].math!.tree.children?.[2]).toEqual({ tag: 'msup', children: [{ tag: 'mi', children: ['a'] }, { tag: 'mn', children: ['2'] }] });
    const para = a.blocks.find((b) => b.text.startsWith('The height follows'))!;
    expect(para.text).toBe('The height follows h = a 2 + b 3 at every station, and the engineers say so.');
  });

  it('keeps the TeX of a KaTeX formula and drops its aria-hidden HTML copy', () => {
    const a = extract(KATEX_PAGE);
    const runs = mathRuns(a);
    expect(runs.map((r) => [r.text, r.math!.tex, r.math!.display])).toEqual([
      ['E = m c 2', 'E = mc^2', false],
      ['∑ i = 1 n x i', '\\sum_{i=1}^n x_i', true],
    ]);
    expect(a.blocks.find((b) => b.text.startsWith('The energy'))!.text).toBe('The energy is E = m c 2 in the model.');
    // The tree shows the presentation only: no <semantics>, no annotation text.
    expect(JSON.stringify(runs[0].math!.tree)).not.toMatch(/semantics|annotation|mc\^2/);
  });

  it('keeps the assistive MathML of a MathJax 3 page', () => {
    const runs = mathRuns(extract(MATHJAX_PAGE));
    expect(runs.map((r) => r.text)).toEqual(['r = p q']);
  });

  it('exports TeX to Markdown as $…$ and $$…$$, else the plain text', () => {
    const md = articleToMarkdown(extract(KATEX_PAGE));
    expect(md).toContain('The energy is $E = mc^2$ in the model.');
    expect(md).toContain('$$\\sum_{i=1}^n x_i$$');
    expect(articleToMarkdown(extract(MATHML_PAGE))).toContain('The height follows h = a 2 + b 3 at every');
  });

  it('writes TeX that is markup or a link as TeX that cannot become HTML or a link in Markdown', () => {
    const page = MATHML_PAGE.replace('<p>The period', '<p>Hostile <math><semantics><mi>x</mi><annotation encoding="application/x-tex">a&lt;b&gt;c $ [t](javascript:alert(1))</annotation></semantics></math> end.</p><p>The period');
    expect(articleToMarkdown(extract(page))).toContain('Hostile $a\\lt b\\gt c \\$ [t]{}(javascript:alert(1))$ end.');
  });

  it('renders a formula as native MathML elements (its text until the MathML chunk has loaded)', async () => {
    const a = extract(KATEX_PAGE);
    const root = document.createElement('div');
    await act(async () => {
      render(<>{a.blocks.map((b) => <BlockView key={b.id} block={b} />)}</>, root);
      await import('../../components/MathView');
    });
    await act(() => new Promise((ok) => setTimeout(ok, 20)));
    const maths = root.querySelectorAll('math');
    expect(maths).toHaveLength(2);
    expect(maths[0].namespaceURI).toBe('http://www.w3.org/1998/Math/MathML');
    expect(maths[0].querySelector('msup')?.namespaceURI).toBe('http://www.w3.org/1998/Math/MathML');
    expect(maths[0].getAttribute('aria-label')).toBe('E = m c 2');
    expect(maths[1].getAttribute('display')).toBe('block');
    expect(root.textContent).not.toContain('mc^2');
  });

  it.each([MATHML_PAGE, KATEX_PAGE, MATHJAX_PAGE])('gives the same formulas on the CLI\'s linkedom path (MathML copied into jsdom with its namespace) %#', (html) => {
    const read = (dom: 'linkedom' | 'jsdom') => withPage(html, 'https://news.example/a/1', (doc, window) => extractArticle(doc, { force: true, window, adopt: adoptInto }), dom);
    const fast = read('linkedom');
    expect(mathRuns(fast).length).toBeGreaterThan(0);
    expect(fast.blocks).toEqual(read('jsdom').blocks);
  });

  const testPages = '../shared/corpus/readability/test-pages';
  const testPage = (name: string) => extract(readFileSync(`${testPages}/${name}/source.html`, 'utf8'));
  // The shared corpora sit beside the project; a clone elsewhere skips these two, as the corpus tests do.
  const withCorpus = it.skipIf(!existsSync(testPages));

  withCorpus('keeps the 13 formulas of the Readability test page "mathjax", in their paragraphs', () => {
    const a = testPage('mathjax');
    const runs = mathRuns(a);
    expect(runs).toHaveLength(13);
    expect(runs[0].text).toBe('a ≠ 0');
    expect(a.blocks.some((b) => b.text === 'a ≠ 0, there are two solutions to a x 2 + b x + c = 0and they are x = − b ± b 2 − 4 a c 2 a .')).toBe(true);
  });

  withCorpus('keeps the formulas of the Readability test page "wikipedia-3" with their TeX, not the fallback images', () => {
    const a = testPage('wikipedia-3');
    const runs = mathRuns(a);
    expect(runs.length).toBeGreaterThan(30);
    expect(runs.every((r) => r.text && r.math!.tex)).toBe(true);
    expect(runs.map((r) => r.math!.tex)).toContain('{\\displaystyle v,w}');
    expect(a.blocks.filter((b) => b.type === 'image' && /displaystyle/.test(b.image.alt))).toEqual([]);
    const md = articleToMarkdown(a);
    expect(md).toContain('for any pair of vectors ${\\displaystyle v,w}$, where');
  });
});
