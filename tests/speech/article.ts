/** A small English article with sure and unsure quotes by three speakers, for the speech tests. */
import type { Article, Block, Quote } from '../../utils/types';

const para = (id: string, text: string): Block => ({ id, type: 'paragraph', text, inlines: [{ text }] });

const P1 = '“We will stay,” said Ada Lovelace. The crowd cheered.';
const P2 = 'Grace Hopper disagreed. “It is far too early to decide,” she said. “Wait,” Ada Lovelace replied.';
const P3 = 'Someone whispered “maybe” in the back.';
const at = (text: string, quote: string) => text.indexOf(quote);

function quote(id: string, blockId: string, text: string, words: string, speaker: string | null, confidence: number): Quote {
  const start = at(text, words);
  return { id, text: words, kind: 'direct', speaker, tier: 'test', confidence, blockId, start, end: start + words.length };
}

export const SPEECH_ARTICLE: Article = {
  url: 'https://news.example.org/speech',
  title: 'Voices',
  byline: null,
  siteName: null,
  lang: 'en-GB',
  dir: 'ltr',
  publishedTime: null,
  excerpt: null,
  wordCount: 40,
  readingMinutes: 1,
  blocks: [
    { id: 'h1', type: 'heading', level: 2, text: 'The debate', inlines: [{ text: 'The debate' }] },
    para('p1', P1),
    { id: 'f1', type: 'figure', text: 'A hall.', images: [{ src: 'https://example.org/hall.jpg', alt: '' }], caption: [{ text: 'A hall.' }] },
    para('p2', P2),
    para('p3', P3),
  ],
  text: '',
  folded: [],
  quotes: [
    quote('q1', 'p1', P1, 'We will stay,', 'Ada Lovelace', 0.95),
    quote('q2', 'p2', P2, 'It is far too early to decide,', 'Grace Hopper', 0.95),
    quote('q3', 'p2', P2, 'Wait,', 'Ada Lovelace', 0.95),
    // Unsure: read by the narrator.
    quote('q4', 'p3', P3, 'maybe', 'Someone', 0.5),
  ],
  speakers: [],
};

export const ALL_BLOCKS = new Set(SPEECH_ARTICLE.blocks.map((b) => b.id));
