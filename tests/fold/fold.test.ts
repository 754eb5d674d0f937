import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHtml } from '../../cli/dom';
import { extractArticle } from '../../utils/extract';
import { fingerprint, foldBlocks } from '../../utils/fold';
import { plainWords, sentences } from '../../utils/fold/normalise';
import { markSignals } from '../../utils/extract/signals';
import type { Block } from '../../utils/types';

let n = 0;
const p = (text: string, extra: Partial<Block> = {}): Block => ({ id: `b${n++}`, type: 'paragraph', inlines: [{ text }], text, ...extra }) as Block;
const h = (text: string): Block => ({ id: `b${n++}`, type: 'heading', level: 2, inlines: [{ text }], text });
const q = (text: string): Block => ({ id: `b${n++}`, type: 'blockquote', inlines: [{ text }], text });
const list = (items: string[], linkDensity?: number): Block => ({
  id: `b${n++}`, type: 'list', ordered: false, items: items.map((t) => [{ text: t }]), text: items.join('\n'),
  ...(linkDensity ? { signals: { linkDensity, links: items.length } } : {}),
});
const prose = (seed: string) =>
  p(`${seed} The council met on Tuesday evening to discuss the budget, the roads and the new school, and several residents spoke at length about the plans.`);
/** A paragraph long enough to count as the article's prose (blocks around it are inside the body). */
const body = (seed: string) => p(`${prose(seed).text} The vote is expected next month, after a second public hearing.`);
const ctx = { title: 'Council approves the new school budget after long debate', byline: 'Jane Doe' };
const foldedIds = (blocks: Block[], c = ctx) => new Set(foldBlocks(blocks, c).map((f) => f.blockId));

describe('plainWords and fingerprint', () => {
  it('ignores case, punctuation, quote styles and diacritics', () => {
    expect(plainWords('« Élan » – C’est ÇA!')).toBe(plainWords('"elan" - c\'est ca'));
    expect(fingerprint('Lire aussi :')).toBe(fingerprint('lire AUSSI'));
    expect(sentences('One two. Three four! Five')).toEqual(['one two', 'three four', 'five']);
  });
});

describe('duplicates', () => {
  it('folds a body copy of the headline, without a kept twin (the title is shown above)', () => {
    const blocks = [h(ctx.title), prose('A.'), prose('B.')];
    const folds = foldBlocks(blocks, ctx);
    expect(folds).toEqual([{ blockId: blocks[0].id, reason: 'duplicate', code: 'headline', detail: 'repeats the headline' }]);
  });

  it('folds a pull quote repeating a sentence, pointing at the paragraph', () => {
    const para = p('The mayor spoke first. "We will build the school whatever it costs us in the end," she said to the council. Then the vote.');
    const quote = q('We will build the school whatever it costs us in the end');
    const folds = foldBlocks([prose('A.'), quote, para], ctx);
    expect(folds).toEqual([{ blockId: quote.id, reason: 'duplicate', code: 'repeat', of: para.id, detail: 'pull quote repeats a sentence of the text' }]);
  });

  it('folds a paragraph repeated later, keeping the first', () => {
    const first = prose('Repeated.');
    const again = p(first.text);
    const folds = foldBlocks([first, prose('B.'), again], ctx);
    expect(folds).toEqual([{ blockId: again.id, reason: 'duplicate', code: 'repeat', of: first.id, detail: 'repeats an earlier paragraph' }]);
  });

  it('folds a caption repeating a sentence, keeping the text', () => {
    const quote = q("C'est Austin qui a pris l'initiative de cette conversation.");
    const figure: Block = {
      id: 'fig', type: 'figure', images: [{ src: 'https://x.example/a.jpg', alt: '' }],
      caption: [], text: "C'est Austin qui a pris l'initiative de cette conversation. Photo : AFP",
    };
    const folds = foldBlocks([figure, quote, prose('A.')], ctx);
    expect(folds).toEqual([{ blockId: 'fig', reason: 'duplicate', code: 'repeat', of: quote.id, detail: 'caption repeats the text' }]);
  });

  it('folds image twins (size variants of one picture)', () => {
    const a: Block = { id: 'i1', type: 'image', image: { src: 'https://x.example/photo-300x200.jpg', alt: '' }, text: '' };
    const b: Block = { id: 'i2', type: 'image', image: { src: 'https://x.example/photo.jpg', alt: '' }, text: '' };
    expect(foldBlocks([a, prose('A.'), b], ctx).map((f) => [f.blockId, f.of])).toEqual([['i2', 'i1']]);
  });

  it('does not fold a repeated interview label, recipe ingredient, list item or refrain', () => {
    const blocks = [
      p('Q:'), prose('A.'), p('Q:'), prose('B.'),
      p('1 cup flour'), p('1 cup flour'),
      list(['Eggs', 'Milk']), list(['Eggs', 'Milk']),
      p('And the river keeps on rolling, rolling home to me tonight.'), prose('C.'),
      p('And the river keeps on rolling, rolling home to me tonight.'), prose('D.'),
      p('And the river keeps on rolling, rolling home to me tonight.'),
      p('Lunch: Asian Chicken Zoodles with 1 cup zucchini noodles, 4 oz. cooked chicken and ½ cup edamame'),
      p('Lunch: Asian Chicken Zoodles with 1 cup zucchini noodles, 4 oz. cooked chicken and ½ cup edamame'),
    ];
    expect(foldBlocks(blocks, ctx)).toEqual([]);
  });

  it('keeps a highlight: a short line set before the prose and repeated in its first half', () => {
    const line = 'She added that an appeal against the decision could be made to the office of the attorney general.';
    const blocks = [p('Highlights'), p(line), body('A.'), body('B.'), p(line), body('C.'), body('D.'), body('E.'), body('F.')];
    expect(foldBlocks(blocks, ctx)).toEqual([]);
  });

  it('does not fold a plain paragraph that repeats a quote of another paragraph', () => {
    const blocks = [p('"We have to make some necessary job eliminations," the chairman said in an email on Monday to all staff.'), prose('A.'), p('"We have to make some necessary job eliminations."')];
    expect(foldBlocks(blocks, ctx)).toEqual([]);
  });
});

describe('boilerplate', () => {
  const cases: [string, string][] = [
    ['Aller au contenu', 'boilerplate:skip-link'],
    ['Skip to main content', 'boilerplate:skip-link'],
    ['Advertisement', 'boilerplate:ad'],
    ['Publicité', 'boilerplate:ad'],
    ['Anzeige', 'boilerplate:ad'],
    ['Publicidad', 'boilerplate:ad'],
    ['Lire aussi:', 'boilerplate:related'],
    ['Lesen Sie auch', 'boilerplate:related'],
    ['Lee también', 'boilerplate:related'],
    ['Leggi anche', 'boilerplate:related'],
    ['Read more: Why the council voted no', 'boilerplate:related'],
    ['12 commentaires', 'boilerplate:comments'],
    ['Dernier', 'boilerplate:latest'],
    ['Most read', 'boilerplate:latest'],
    ['Share this article Facebook Twitter Email', 'boilerplate:share'],
    ['Suivez-nous sur Twitter', 'boilerplate:share'],
    ['Nov. 20, 2019 5:52 AM EST', 'boilerplate:byline'],
    ['13 juillet 2024 à 09h30', 'boilerplate:byline'],
    ['By Jane Doe', 'boilerplate:byline'],
    ['Photo: AFP', 'boilerplate:credit'],
    ['Click here to subscribe', 'boilerplate:cta'],
    ['We use cookies to improve your experience. Accept cookies?', 'boilerplate:cookie'],
  ];
  it.each(cases)('folds %j as %s', (text, reason) => {
    const line = p(text);
    const folds = foldBlocks([prose('A.'), line, prose('B.')], ctx);
    expect(folds.map((f) => [f.blockId, f.reason])).toEqual([[line.id, reason]]);
    expect(folds[0].detail).toBeTruthy();
  });

  it('folds the link list under a "Lire aussi" label', () => {
    const label = p('Lire aussi:');
    const links = list(['Sommet de l’OTAN à Washington', 'Crimée : Moscou accuse Washington'], 1);
    expect([...foldedIds([prose('A.'), label, links])]).toEqual([label.id, links.id]);
  });

  it('keeps a label inside the body when what it introduces stays; folds it with its link list', () => {
    const label = p('Leggi anche');
    const linked = { ...h('I Cavalieri dello Zodiaco diventeranno un film'), signals: { linkDensity: 1, links: 1 } };
    expect(foldBlocks([body('A.'), label, linked, body('B.')], ctx)).toEqual([]);
    const links = list(['Sommet de l’OTAN à Washington', 'Crimée : Moscou accuse Washington'], 1);
    expect([...foldedIds([body('A.'), label, links, body('B.')])]).toEqual([label.id, links.id]);
  });

  it('folds a closing newsletter call, but not one naming the article itself (a newsletter issue)', () => {
    const call = p('Sign up for our daily newsletter to get the best stories in your inbox.');
    expect([...foldedIds([body('A.'), body('B.'), call])]).toEqual([call.id]);
    const own = p('You can also subscribe to this newsletter here — just tick "Council approves the new school budget."');
    expect(foldBlocks([body('A.'), body('B.'), own], ctx)).toEqual([]);
  });

  it('keeps prose that merely mentions comments, sharing or subscribing', () => {
    const blocks = [
      prose('A.'),
      p('Readers who share the comments of the mayor can subscribe to the council newsletter, she added, and many of them did so within hours of the meeting.'),
      prose('B.'),
    ];
    expect(foldBlocks(blocks, ctx)).toEqual([]);
  });

  it('folds short blocks under a clutter hint, not long prose under one', () => {
    const shareBar = p('Partager Tweeter', { signals: { hints: ['share'] } });
    const longProse = p(`${'Une phrase longue et utile pour le lecteur du journal. '.repeat(12)}`, { signals: { hints: ['related'] } });
    expect([...foldedIds([prose('A.'), shareBar, longProse])]).toEqual([shareBar.id]);
  });
});

describe('reader rules', () => {
  it('"content" unfolds a block the rules would fold; "clutter" folds one with user-rule', () => {
    const ad = p('Advertisement');
    const odd = prose('Odd.');
    const rules = { clutter: [fingerprint(odd.text)], content: [fingerprint('advertisement')] };
    const folds = foldBlocks([prose('A.'), ad, odd], { ...ctx, rules });
    expect(folds.map((f) => [f.blockId, f.reason])).toEqual([[odd.id, 'user-rule']]);
  });
});

describe('markSignals', () => {
  it('marks landmarks, roles and class words, but not the article container', () => {
    const doc = parseHtml(`<body><nav><a href="/">Home</a></nav><div class="c-article__share-bar">Share</div>
      <aside role="complementary">Side</aside><div class="comments-enabled" id="main">${'<p>Long article text here, a sentence of the article that the reader came for.</p>'.repeat(12)}</div></body>`);
    markSignals(doc);
    expect(doc.querySelector('nav')?.getAttribute('data-lucid-hint')).toBe('nav');
    expect(doc.querySelector('.c-article__share-bar')?.getAttribute('data-lucid-hint')).toBe('share');
    expect(doc.querySelector('aside')?.getAttribute('data-lucid-hint')).toBe('aside');
    expect(doc.querySelector('#main')?.hasAttribute('data-lucid-hint')).toBe(false);
  });

  it('marks an element inside a marked one only with what its ancestors do not already say', () => {
    const doc = parseHtml(`<body><div class="share-bar"><ul class="share-list"><li class="share-item ad-slot">A</li>
      <li class="share-item" aria-hidden="true">B</li></ul></div>${'<p>Long article text here.</p>'.repeat(20)}</body>`);
    markSignals(doc);
    const hint = (selector: string) => doc.querySelector(selector)?.getAttribute('data-lucid-hint') ?? null;
    expect(hint('.share-bar')).toBe('share');
    expect(hint('.share-list')).toBeNull();
    expect(hint('.ad-slot')).toBe('share ad');
    expect(hint('[aria-hidden]')).toBe('share hidden');
  });
});

describe('the French sample page', () => {
  const html = readFileSync('tests/fixtures/sample-fr.html', 'utf8');
  const seed = (() => {
    try {
      return readFileSync('../shared/seeds/000_6d4ecfc8851b1d78.txt', 'utf8');
    } catch {
      return null;
    }
  })();

  it('keeps every article sentence once, folds the repeats, drops the furniture', () => {
    const doc = parseHtml(html, 'https://www.lequotidien.example/a');
    const before = doc.documentElement.outerHTML;
    const article = extractArticle(doc, { force: true });
    expect(doc.documentElement.outerHTML).toBe(before); // the caller's document is untouched
    const text = plainWords(article.text);
    const headline = "Le secrétaire américain à la défense, M. Austin, s'engage dans une conversation téléphonique avec Moscou.";
    expect(article.title).toBe(headline);
    const furniture = ['Aller au contenu', 'Lire aussi:', 'commentaires', 'Dernier', 'Politique', 'Économie', 'Publicité'];
    for (const line of furniture) expect(text).not.toContain(plainWords(line));
    const lines = (seed ?? html.replace(/<[^>]+>/g, '\n'))
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !furniture.includes(l));
    const articleLines = seed ? lines : [];
    for (const line of articleLines) {
      for (const s of sentences(line)) {
        // The headline is the article's title, shown above the text: its body copies are folded.
        const expected = plainWords(headline).includes(s) ? 0 : 1;
        expect(text.split(s).length - 1, s).toBe(expected);
      }
    }
    const byId = new Map(article.blocks.map((b) => [b.id, b]));
    const dups = article.folded.filter((f) => f.reason === 'duplicate');
    expect(dups.filter((f) => f.detail === 'repeats the headline').length).toBe(2);
    const caption = dups.find((f) => byId.get(f.blockId)?.type === 'figure');
    expect(caption?.of && byId.get(caption.of)?.text).toBe("C'est Austin qui a pris l'initiative de cette conversation.");
    expect(text).toContain(plainWords('Absence prolongée sur la bande radio'));
    expect(article.blocks.some((b) => b.type === 'figure')).toBe(true);
  });
});

describe('furniture told by structure: promoted stories, the page address, the author bio', () => {
  const site = { ...ctx, addresses: ['https://news.example.co.uk/2019/council-budget', 'https://news.example.co.uk/council-budget'] };
  const linked = (text: string, href: string): Block =>
    ({ id: `b${n++}`, type: 'paragraph', inlines: [{ text, href }], text, signals: { linkDensity: 1, links: 1 } }) as Block;

  it('folds a paragraph that is wholly one link to another story of the same site, in the middle of the text', () => {
    const promo = linked('Fans really want the band in the Hall of Fame', 'https://www.example.co.uk/music/hall-of-fame');
    const fold = foldBlocks([body('A.'), promo, body('B.')], site);
    expect(fold.map((f) => [f.blockId, f.reason, f.code])).toEqual([[promo.id, 'boilerplate:related', 'promo']]);
  });

  it('keeps a linked line to another site, a one-word link, and a link when the page address is unknown', () => {
    const elsewhere = linked('Fans really want the band in the Hall of Fame', 'https://other.co.uk/music/hall-of-fame');
    const word = linked('Disclaimer', 'https://news.example.co.uk/disclaimer');
    const promo = linked('Fans really want the band in the Hall of Fame', 'https://news.example.co.uk/music');
    expect(foldBlocks([body('A.'), elsewhere, word, body('B.')], site)).toEqual([]);
    expect(foldBlocks([body('A.'), promo, body('B.')], ctx)).toEqual([]);
  });

  it('keeps promoted-story links when they are most of the text (a page of the site’s story links)', () => {
    const links = ['Fans really want the band in the Hall of Fame.', 'The council votes on the new school budget.', 'Five roads close for the summer works.'].map((t, i) =>
      linked(t, `https://news.example.co.uk/story-${i}`),
    );
    expect(foldBlocks([p('This week on the site:'), ...links], site)).toEqual([]);
  });

  it('keeps a linked name among short lines that are not sentences (a table read as its cells)', () => {
    const cell = linked('Netscape Communications Corporation', 'https://news.example.co.uk/wiki/Netscape');
    expect(foldedIds([body('A.'), body('B.'), p('Founder'), cell, p('Products'), body('C.')], site).has(cell.id)).toBe(false);
  });

  it('folds a line printing the page’s own address, not another address', () => {
    const own = p('https://news.example.co.uk/2019/council-budget/?ref=print');
    const other = p('https://news.example.co.uk/2019/another-story');
    expect([...foldedIds([body('A.'), own, body('B.'), other], site)]).toEqual([own.id]);
  });

  it('folds a short closing line opening with the byline’s name, even as the last block; not running prose, nor a line inside the text', () => {
    const bio = p('Jane Doe is our deals editor and spends a quarter of her pay on what she posts.');
    expect([...foldedIds([body('A.'), body('B.'), h('Jane Doe'), bio])]).toContain(bio.id);
    const long = p('Jane Doe is a Southeastern Connecticut native now living in Central Massachusetts with her husband, two sons, and two cats, and she writes about food and travel.');
    expect(foldedIds([body('A.'), body('B.'), h('Jane Doe'), long]).has(long.id)).toBe(false);
    const quoted = p('Jane Doe said the council had not yet decided on the roads, and that the vote on the school would be held next month after the hearing.');
    expect(foldedIds([body('A.'), quoted, body('B.'), body('C.')]).has(quoted.id)).toBe(false);
    // A line naming a product of a firm that signs the page is not a bio (no sentence).
    const product = p('Beachbody Performance Recharge, 1 tsp. nut butter and a glass of water');
    expect(foldedIds([body('A.'), body('B.'), product], { ...ctx, byline: 'Beachbody' }).has(product.id)).toBe(false);
  });
});

describe('headings with nothing after them', () => {
  it('folds the headings that end the text after its last prose paragraph, not a heading with text after it', () => {
    const end = h('Tell us what you think');
    const rule = h('______');
    const section = h('What comes next');
    expect([...foldedIds([body('A.'), body('B.'), section, p('The vote is next month.'), end, rule])]).toEqual([end.id, rule.id]);
  });

  it('keeps a heading the reader marked as content', () => {
    const end = h('Tell us what you think');
    const rules = { clutter: [], content: [fingerprint(end.text)] };
    expect(foldBlocks([body('A.'), body('B.'), end], { ...ctx, rules })).toEqual([]);
  });
});

describe('captions marked as such', () => {
  it('folds a short line under a caption mark as a photo caption, not running prose in the text', () => {
    const caption = p('Image caption The singer has managed several artists throughout his career', { signals: { hints: ['caption'] } });
    const prosy = p('The council met on Tuesday. It voted for the school after a long debate that ran well past midnight and into the next morning.', { signals: { hints: ['caption'] } });
    const folds = foldBlocks([body('A.'), caption, prosy, body('B.')], ctx);
    expect(folds.map((f) => [f.blockId, f.reason])).toEqual([[caption.id, 'boilerplate:caption']]);
  });
});
