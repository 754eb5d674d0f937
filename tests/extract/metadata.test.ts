import { describe, expect, it } from 'vitest';
import { bylineWithoutDate, chooseTitle, siteNameOf } from '../../utils/extract/metadata';
import { extractHtml, PROSE } from './helpers';

const body = (extra = '') => `<body><article>${extra}<p>${PROSE}</p><p>${PROSE} Still more.</p><p>${PROSE} And more.</p></article></body>`;
const page = (head: string, extra = '') => `<!doctype html><html lang="en"><head>${head}</head>${body(extra)}</html>`;

describe('the header: the fullest title', () => {
  const site = { name: 'Le Quotidien', url: 'https://www.lequotidien.example/a' };
  it('takes a candidate that continues a title cut short', () => {
    expect(chooseTitle('Le débat sur la Ligue', ["Le débat sur la Ligue des droits de l'homme"], site)).toBe("Le débat sur la Ligue des droits de l'homme");
    expect(chooseTitle('Budget: a first look', ['Budget: a first look at the new rules', 'Other'], site)).toBe('Budget: a first look at the new rules');
  });

  it('does not take a site-suffixed form, and prefers the bare headline to it', () => {
    expect(chooseTitle('Rain in Oslo', ['Rain in Oslo | Le Quotidien'], site)).toBe('Rain in Oslo');
    expect(chooseTitle('Rain in Oslo - lequotidien.example', ['Rain in Oslo'], site)).toBe('Rain in Oslo');
    // A dash that is part of the headline stays.
    expect(chooseTitle('Brexit', ['Brexit - what happens next'], site)).toBe('Brexit - what happens next');
  });

  it('ignores unrelated candidates and case or quote differences', () => {
    expect(chooseTitle('The vote', ['Le Quotidien', 'Sports'], site)).toBe('The vote');
    expect(chooseTitle("It’s here", ["It's here at last"], site)).toBe("It's here at last");
  });

  it.each([
    ['og:title', '<meta property="og:title" content="Harbour plan approved by the council after a long night">'],
    ['JSON-LD headline', '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Harbour plan approved by the council after a long night"}]}</script>'],
  ])('reads %s on a page whose <title> is cut', (_name, meta) => {
    const article = extractHtml(page(`<title>Harbour plan approved by the council…</title>${meta}`));
    expect(article.title).toBe('Harbour plan approved by the council after a long night');
  });
});

describe('the header: the date', () => {
  it.each([
    ['JSON-LD datePublished', '<script type="application/ld+json">[{"@type":"NewsArticle","datePublished":"2024-05-02T08:00:00Z"}]</script>', ''],
    ['article:published_time', '<meta property="article:published_time" content="2024-05-02T08:00:00Z">', ''],
    ['itemprop datePublished in a list of names', '<meta itemprop="datePublished dateCreated" content="2024-05-02T08:00:00Z">', ''],
    ['microdata on a <time>', '', '<p>Posted <time itemprop="datePublished" datetime="2024-05-02T08:00:00Z">2 May</time></p>'],
    ['a plain <time datetime>', '', '<time datetime="2024-05-02T08:00:00Z">2 May 2024</time>'],
  ])('from %s', (_name, head, extra) => {
    const article = extractHtml(page(`<title>Harbour</title>${head}`, extra));
    expect(new Date(article.publishedTime!).toISOString()).toBe('2024-05-02T08:00:00.000Z');
  });

  it('skips broken JSON-LD and unparsable dates for the next source', () => {
    const head = '<title>Harbour</title><script type="application/ld+json">{"datePublished": </script><meta property="article:published_time" content="yesterday"><meta property="og:published_time" content="2024-05-03">';
    expect(extractHtml(page(head)).publishedTime).toBe('2024-05-03');
  });

  it('skips a template\'s zero date (the year 1, the Unix epoch) for the next source', () => {
    for (const zero of ['0001-01-01T00:00:00Z', '1970-01-01T00:00:00Z']) {
      const head = `<title>Harbour</title><script type="application/ld+json">{"datePublished": "${zero}"}</script><meta property="og:published_time" content="2024-05-03">`;
      expect(extractHtml(page(head)).publishedTime).toBe('2024-05-03');
    }
  });
});

describe('the header: byline and date apart', () => {
  it.each([
    ['By Carrie ArnoldNovember 15, 2019', 'By Carrie Arnold'],
    ['Claire Dubois | 13 juillet 2024', 'Claire Dubois'],
    ['Anna Schmidt, 3. März 2024', 'Anna Schmidt'],
    ['Jan Novak 12/03/2020', 'Jan Novak'],
    ['Updated May 4, 2021', null],
    ['Mark Mayo and Jane Doe', 'Mark Mayo and Jane Doe'],
    ['By Tom Reyes tomr@dailyherald.example(312) 555-0187', 'By Tom Reyes'],
    ['Par Léa Martin | Email : lea.martin@journal.example | Tél. +33 1 42 00 00 00', 'Par Léa Martin'],
    ['Von Jonas Berg, @jonasberg', 'Von Jonas Berg'],
    ['By Ana Ruiz and 2 others', 'By Ana Ruiz and 2 others'],
    ['By Priya Patel(509) 459-5382', 'By Priya Patel'],
    ['Von Max Müller, 15.11.2019 10:30', 'Von Max Müller'],
    ['By Carrie Arnold 11/15/2019 10:30 a.m.', 'By Carrie Arnold'],
  ])('%s', (byline, expected) => {
    expect(bylineWithoutDate(byline)).toBe(expected);
  });
});

describe('the header: the site name', () => {
  it('drops the "@" of a social handle given as the name, keeps any other name', () => {
    expect(siteNameOf('@harbourpost')).toBe('harbourpost');
    expect(siteNameOf('The Harbour Post')).toBe('The Harbour Post');
    expect(siteNameOf('@ The Harbour')).toBe('@ The Harbour');
    expect(extractHtml(page('<title>Harbour</title><meta property="og:site_name" content="@harbourpost">')).siteName).toBe('harbourpost');
  });
});
