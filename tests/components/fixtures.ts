/** A small article exercising every block type, folds and quotes (sure and unsure). */
import type { Article, Block } from '../../utils/types';

const blocks: Block[] = [
  { id: 'h1', type: 'heading', level: 2, text: 'A section', inlines: [{ text: 'A section' }] },
  {
    id: 'p1',
    type: 'paragraph',
    text: '“We will stay,” said Ada Lovelace, in a statement.',
    inlines: [{ text: '“We will stay,” said ' }, { text: 'Ada Lovelace', strong: true }, { text: ', in a ' }, { text: 'statement', href: 'https://example.org/s' }, { text: '.' }],
  },
  { id: 'p2', type: 'paragraph', text: 'Read more: other stories', inlines: [{ text: 'Read more: other stories' }] },
  { id: 'p3', type: 'paragraph', text: 'Officials said “it is fine” according to Grace Hopper.', inlines: [{ text: 'Officials said “it is fine” according to Grace Hopper.' }] },
  { id: 'l1', type: 'list', ordered: false, text: 'one\ntwo', items: [[{ text: 'one' }], [{ text: 'two' }]] },
  { id: 'f1', type: 'figure', text: 'A cat. Photo: X', images: [{ src: 'https://example.org/cat.jpg', alt: 'A cat' }], caption: [{ text: 'A cat.' }], credit: 'Photo: X' },
  { id: 'c1', type: 'code', text: 'let x = 1;' },
  { id: 't1', type: 'table', text: 'a\tb\n1\t2', rows: [{ header: true, cells: ['a', 'b'] }, { header: false, cells: ['1', '2'] }] },
];

export const ARTICLE: Article = {
  url: 'https://news.example.org/a',
  title: 'A test article',
  byline: 'Jo Writer',
  siteName: 'Example News',
  lang: 'en',
  dir: 'ltr',
  publishedTime: '2024-07-13T09:30:00Z',
  excerpt: null,
  wordCount: 40,
  readingMinutes: 1,
  blocks,
  text: '',
  folded: [{ blockId: 'p2', reason: 'boilerplate:related', code: 'label', detail: 'related links heading' }],
  quotes: [
    { id: 'q0', text: 'We will stay,', kind: 'direct', speaker: 'Ada Lovelace', tier: 'after', confidence: 0.95, blockId: 'p1', start: 1, end: 14 },
    { id: 'q1', text: 'it is fine', kind: 'direct', speaker: 'Grace Hopper', tier: 'reported', confidence: 0.75, blockId: 'p3', start: 16, end: 26 },
  ],
  speakers: [
    { name: 'Ada Lovelace', aliases: [], quoteIds: ['q0'], role: 'mathematician' },
    { name: 'Grace Hopper', aliases: [], quoteIds: ['q1'] },
  ],
};
