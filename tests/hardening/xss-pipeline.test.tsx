// @vitest-environment jsdom
/**
 * The XSS corpus (DOMPurify's 141 "alert" fixtures, OWASP's vectors) embedded in real article
 * pages, through the whole pipeline (extractArticle under jsdom), rendered by the Reader the
 * popup and the clean view use, and exported to Markdown (article and highlights): nothing
 * that can run or navigate comes out. The same pages run in Chromium in tests/e2e/xss.e2e.test.ts.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHtml } from '../../cli/dom';
import { Reader } from '../../components/Reader';
import { extractArticle } from '../../utils/extract';
import { articleKey, exportMarkdown, type Highlight } from '../../utils/highlights';
import { articleToMarkdown } from '../../utils/markdown';
import { isRenderableMath } from '../../utils/math';
import type { Article, MathNode } from '../../utils/types';
import { useLocale } from '../components/locale';
import { batches, fillSlots, findDanger, findMarkdownDanger, haveCorpus, loadPayloads, xssArticlePage } from '../fixtures/hostile/xss-pages';

const URL_ = 'https://news.example.com/2024/harbour-plan';

describe.runIf(haveCorpus())('XSS corpus through the pipeline, the Reader and the Markdown exports', () => {
  const payloads = haveCorpus() ? loadPayloads() : [];
  let articles: Article[] = [];
  let root: HTMLElement;

  beforeAll(() => {
    useLocale('en');
    window.matchMedia ??= (() => ({ matches: false })) as never;
    Element.prototype.scrollIntoView ??= () => undefined;
    root = document.createElement('div');
    document.body.append(root);
    articles = batches(payloads, 40).map((batch, n) => {
      const doc = parseHtml(xssArticlePage(batch, `Harbour plan, part ${n + 1}`), URL_);
      fillSlots(doc, batch);
      return extractArticle(doc, { url: URL_, force: true });
    });
  });
  afterAll(() => {
    render(null, root);
    root.remove();
  });

  it('reads every page as an article that kept its payload slots', () => {
    expect(payloads.length).toBeGreaterThanOrEqual(141 + 160);
    const sizes = batches(payloads, 40).map((b) => b.length);
    articles.forEach((article, n) => {
      expect(article.title).toMatch(/^Harbour plan/);
      // The prose paragraphs and the slots (the last page holds fewer payloads).
      expect(article.blocks.length).toBeGreaterThan(Math.min(20, 8 + sizes[n]!));
    });
    // The slots' own text survives around the payloads: the payloads were really read.
    const texts = articles.map((a) => a.blocks.map((b) => b.text).join('\n'));
    const seen = payloads.filter((_, n) => {
      const [text, i] = [texts[Math.floor(n / 40)]!, n % 40];
      return text.includes(`Paragraph ${i} says`) || text.includes(`Caption ${i}:`) || text.includes(`the report ${i}`) || text.includes(`harbour master ${i}`) || text.includes(`Section ${i}`) || text.includes(`Point ${i}:`);
    });
    console.log(`[xss unit] ${payloads.length} payloads in ${articles.length} pages; slots found in the article: ${seen.length}`);
    expect(seen.length / payloads.length).toBeGreaterThan(0.9);
  });

  it('keeps only http(s)/mailto links and http(s) images in the blocks', () => {
    const urls: string[] = [];
    for (const a of articles) {
      for (const b of a.blocks) {
        const inlines = 'inlines' in b ? b.inlines : 'items' in b ? b.items.flat() : 'caption' in b ? b.caption : [];
        for (const run of inlines) if (run.href) urls.push(run.href);
        if (b.type === 'image') urls.push(b.image.src);
        if (b.type === 'figure') urls.push(...b.images.map((i) => i.src));
      }
    }
    expect(urls.length).toBeGreaterThan(50);
    expect(urls.filter((u) => !/^(https?:\/\/|mailto:)/i.test(u))).toEqual([]);
  });

  it('renders in the Reader with no script, frame, object, form, handler or javascript:/data: URL', () => {
    let dangers: string[] = [];
    for (const article of articles) {
      act(() => render(<Reader article={article} />, root));
      // Show the folded blocks too: everything the reader could ever see.
      const show = [...root.querySelectorAll('button')].find((b) => /fold|hidden|show/i.test(b.textContent ?? ''));
      if (show) act(() => (show as HTMLElement).click());
      dangers = dangers.concat(findDanger(root));
      expect(root.querySelectorAll('script, iframe, object, embed, form').length).toBe(0);
      act(() => render(null, root));
    }
    console.log(`[xss unit] Reader: ${articles.length} articles rendered, ${dangers.length} dangerous nodes`);
    expect(dangers).toEqual([]);
  });

  it('keeps MathML payloads as MathML Core trees only, rendered with no link, handler or HTML inside', async () => {
    const nodes: MathNode[] = [];
    const walk = (n: MathNode) => {
      nodes.push(n);
      for (const c of n.children ?? []) if (typeof c !== 'string') walk(c);
    };
    for (const a of articles) {
      for (const b of a.blocks) {
        const inlines = 'inlines' in b ? b.inlines : 'items' in b ? b.items.flat() : 'caption' in b ? b.caption : [];
        for (const run of inlines) if (run.math) walk(run.math.tree);
      }
    }
    // The MathML vectors (xss-mathml.ts) reach the block model as formulas.
    expect(nodes.length).toBeGreaterThan(20);
    expect(nodes.filter((n) => !isRenderableMath(n))).toEqual([]);
    let rendered = 0;
    for (const article of articles) {
      // The MathML builder is a chunk loaded with the first formula.
      await act(async () => {
        render(<Reader article={article} />, root);
        await import('../../components/MathView');
      });
      await act(() => new Promise((ok) => setTimeout(ok, 20)));
      for (const math of root.querySelectorAll('math')) {
        rendered++;
        expect(math.namespaceURI).toBe('http://www.w3.org/1998/Math/MathML');
        for (const el of [math, ...math.querySelectorAll('*')]) {
          expect(el.namespaceURI).toBe('http://www.w3.org/1998/Math/MathML');
          for (const attr of Array.from(el.attributes)) expect(attr.name).toMatch(/^(display|aria-label|[a-z]+)$/);
          expect(el.hasAttribute('href') || el.hasAttribute('src') || el.hasAttribute('style')).toBe(false);
        }
      }
      act(() => render(null, root));
    }
    console.log(`[xss unit] MathML: ${nodes.length} formula nodes in the blocks, ${rendered} <math> rendered`);
    expect(rendered).toBeGreaterThan(5);
  });

  it('exports the articles to Markdown with no raw HTML and no javascript:/data: link', () => {
    const dangers = articles.flatMap((a) => findMarkdownDanger(articleToMarkdown(a)));
    expect(dangers).toEqual([]);
  });

  it('exports highlights whose text, note and title are payloads to Markdown safely', () => {
    const at = '2024-03-01T00:00:00.000Z';
    const highlights: Highlight[] = payloads.map((p, i) => ({
      id: `x${i}`,
      articleKey: articleKey(`https://news.example.com/${i % 7}`),
      selectors: { quote: { exact: 'x', prefix: '', suffix: '' }, position: { start: 0, end: 1 } },
      text: p.payload,
      colour: 'yellow',
      note: p.payload,
      createdAt: at,
      updatedAt: at,
      url: `https://news.example.com/${i % 7}`,
      title: p.payload,
      site: 'news.example.com',
      speaker: p.payload.slice(0, 80),
    }));
    const md = exportMarkdown(highlights);
    expect(md.length).toBeGreaterThan(1000);
    const dangers = findMarkdownDanger(md);
    console.log(`[xss unit] highlights Markdown: ${highlights.length} highlights, ${dangers.length} dangerous constructs`);
    expect(dangers).toEqual([]);
  });
});
