import { describe, expect, it } from 'vitest';
import { BASE, blocksOf, extractHtml, PROSE, shape } from './helpers';

describe('the block model keeps paragraphs as the page wrote them', () => {
  it.each([
    ['a paragraph split by <br><br>', `<p>First part.<br><br>Second part.<br> <br>Third part.</p>`],
    ['a div of text split by <br/><br/>', `<div>First part.<br/><br/>Second part.<br/>\n<br/>Third part.</div>`],
    ['a span wrapping paragraphs', `<span><p>First part.</p><p>Second part.</p><p>Third part.</p></span>`],
    ['a link wrapping divs', `<a href="/x"><div>First part.</div><div>Second part.</div><div>Third part.</div></a>`],
    ['a quote of three paragraphs', `<blockquote><p>First part.</p><p>Second part.</p><p>Third part.</p></blockquote>`],
  ])('%s', (_name, body) => {
    const texts = blocksOf(body).map((b) => b.text);
    expect(texts).toEqual(['First part.', 'Second part.', 'Third part.']);
  });

  it('keeps a single <br> as a line break inside one paragraph', () => {
    expect(shape(blocksOf('<p>Harbour Road 5<br>and the quay behind it</p>'))).toEqual(['paragraph: Harbour Road 5\nand the quay behind it']);
  });

  it('keeps images where they stand, between the paragraphs around them', () => {
    const body = `<div>Before the picture.<br><br><img src="/a.jpg" alt="A" width="600" height="400"><br><br>After the picture.<br><br><img src="/b.jpg"><br>Last words.</div>`;
    expect(shape(blocksOf(body))).toEqual([
      'paragraph: Before the picture.',
      'image: https://news.example/a.jpg',
      'paragraph: After the picture.',
      'image: https://news.example/b.jpg',
      'paragraph: Last words.',
    ]);
    // One inside a line of text does not cut the sentence.
    expect(shape(blocksOf('<p>A word <img src="/c.jpg"> in a sentence.</p>'))).toEqual(['paragraph: A word in a sentence.', 'image: https://news.example/c.jpg']);
  });

  it('joins a picture and the paragraph after it that repeats its alt text into a figure with that caption', () => {
    const alt = 'US professor Kevin King and his Australian colleague';
    const body = `<p>${PROSE}</p><div><img src="/k.jpg" alt="${alt}"></div><p>${alt} (Photo: AP)</p><p>${PROSE} Again.</p>`;
    const blocks = blocksOf(body);
    expect(shape(blocks)).toEqual([`paragraph: ${PROSE}`, `figure: ${alt} (Photo: AP)`, `paragraph: ${PROSE} Again.`]);
    expect(blocks[1].type === 'figure' && blocks[1].images.map((i) => i.src)).toEqual(['https://news.example/k.jpg']);
    // A paragraph after the picture saying something else, or before it, stays a paragraph.
    expect(shape(blocksOf(`<img src="/k.jpg" alt="${alt}"><p>The professors were freed on Tuesday.</p>`))).toEqual([
      'image: https://news.example/k.jpg',
      'paragraph: The professors were freed on Tuesday.',
    ]);
    expect(shape(blocksOf(`<p>${alt}</p><img src="/k.jpg" alt="${alt}">`))).toEqual([`paragraph: ${alt}`, 'image: https://news.example/k.jpg']);
  });

  it('drops icons and pixels that the page declares tiny', () => {
    expect(shape(blocksOf('<p>Text <img src="/i.png" width="16" height="16"> here.</p><img src="/px.gif" width="1" height="1">'))).toEqual(['paragraph: Text here.']);
  });

  it.each([
    ['<p><strong>', '</strong></p>'],
    ['<p><b>', '</b></p>'],
    ['<div><b>', '</b></div>'],
  ])('reads a bold line alone between paragraphs as a subhead (%s)', (open, close) => {
    const body = `<p>${PROSE}</p>${open}What the council decided${close}<p>${PROSE}</p>`;
    expect(blocksOf(body).map((b) => b.type)).toEqual(['paragraph', 'heading', 'paragraph']);
  });

  it('reads a bold label followed by <br><br> as a subhead, and a bold label before a list', () => {
    expect(blocksOf(`<div><b>The vote</b><br><br>${PROSE}</div>`).map((b) => b.type)).toEqual(['heading', 'paragraph']);
    expect(blocksOf(`<p><strong>Ingredients</strong></p><ul><li>flour</li><li>salt</li></ul>`).map((b) => b.type)).toEqual(['heading', 'list']);
  });

  it('does not make subheads of bold sentences, bold runs in prose or a column of bold lines', () => {
    expect(blocksOf(`<p><strong>This is a whole bold sentence.</strong></p><p>${PROSE}</p>`)[0].type).toBe('paragraph');
    expect(blocksOf(`<p><strong>Note</strong> that the vote was close</p><p>${PROSE}</p>`)[0].type).toBe('paragraph');
    expect(blocksOf(`<p><b>Monday</b></p><p><b>Tuesday</b></p><p>${PROSE}</p>`)[0].type).toBe('paragraph');
    // A linked bold line is a link (a "related" teaser), not a subhead.
    expect(blocksOf(`<p><b><a href="/x">Other story</a></b></p><p>${PROSE}</p>`)[0].type).toBe('paragraph');
  });

  it('keeps data tables as tables, also with paragraphs in their cells', () => {
    const body = `<table><tr><th>City</th><th>Rain</th></tr><tr><td><p>Oslo</p></td><td><p>12 mm</p></td></tr><tr><td><div>Rome</div></td><td>3 mm</td></tr></table>`;
    const [table] = blocksOf(body);
    expect(table.type === 'table' && table.rows.map((r) => r.cells)).toEqual([['City', 'Rain'], ['Oslo', '12 mm'], ['Rome', '3 mm']]);
  });

  it('reads a layout table (one column, or a cell holding an article) as its paragraphs', () => {
    expect(blocksOf(`<table><tr><td><p>${PROSE}</p><p>${PROSE} Again.</p></td></tr></table>`).map((b) => b.type)).toEqual(['paragraph', 'paragraph']);
    const wide = `<table><tr><td><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p></td><td>menu</td></tr></table>`;
    expect(blocksOf(wide).filter((b) => b.type === 'paragraph').length).toBe(4);
  });

  it.each([
    ['<br> between lines and highlighter spans', '<pre><code><span class="k">int</span> x;<br>  <span>return</span> x;<br><br>}</code></pre>', 'int x;\n  return x;\n\n}'],
    ['a line per div', '<pre><div class="line">def f():</div><div class="line">    return 1</div></pre>', 'def f():\n    return 1'],
    ['plain text with indentation', '<pre>if (a) {\n    b();\n}</pre>', 'if (a) {\n    b();\n}'],
  ])('keeps the line breaks and indentation of code: %s', (_name, body, text) => {
    const [code] = blocksOf(body);
    expect(code.type).toBe('code');
    expect(code.text).toBe(text);
  });

  it('splits a run-together article end to end: its text has one blank line per paragraph', () => {
    const html = `<html><head><title>Budget night</title></head><body><div id="story">${[1, 2, 3, 4, 5].map((n) => `${PROSE} (${n})`).join('<br><br>')}</div></body></html>`;
    const article = extractHtml(html);
    expect(article.url).toBe(BASE);
    expect(article.text.split('\n\n')).toHaveLength(5);
  });
});

describe('lines written with <br>', () => {
  it.each([
    ['route lines', '<p>Path A: Iceland, Bulgaria<br>Path B: Bosnia, Slovakia<br>Path C: Scotland, Norway</p>'],
    ['tour dates in a div', '<div>June 9 – West Palm Beach, FL<br/>June 10 – Tampa, FL<br/>June 14 – Alpharetta, GA<br/>June 17 – Nashville, TN</div>'],
    ['numbered stages', '<p>1a etapa: 10 de março – Interlagos<br>2a etapa: 8 de abril – Curitiba<br>3a etapa: 22 de abril – Velopark</p>'],
  ])('a paragraph of entries is a list: %s', (_name, body) => {
    const [block] = blocksOf(body);
    expect(block.type).toBe('list');
    expect(block.type === 'list' && block.items.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps verse, an address and a two-line paragraph as paragraphs', () => {
    expect(blocksOf('<p>The rain came down<br>and softly fell<br>upon the quiet town</p>')[0].type).toBe('paragraph');
    expect(blocksOf('<p>Flos Showroom<br>corso Monforte, 15<br>Milan</p>')[0].type).toBe('paragraph');
    expect(blocksOf('<p>Opening hours<br>Tuesday to Sunday</p>')[0].type).toBe('paragraph');
    expect(blocksOf(`<p>${PROSE}<br>${PROSE}<br>${PROSE}</p>`)[0].type).toBe('paragraph');
  });
});

describe('paragraphs written with single <br>s', () => {
  it('splits lines that are paragraphs of their own, after prose or after a title line', () => {
    const body = `<p>Light and stories of the city<br>${PROSE}<br>${PROSE} Again.<br>${PROSE} Once more.</p>`;
    expect(blocksOf(body).map((b) => b.text)).toEqual(['Light and stories of the city', PROSE, `${PROSE} Again.`, `${PROSE} Once more.`]);
  });

  it('keeps short lines with the paragraph they belong to', () => {
    const body = `<p>${PROSE}<br>Anna, Oslo</p>`;
    expect(blocksOf(body).map((b) => b.text)).toEqual([`${PROSE}\nAnna, Oslo`]);
  });
});
