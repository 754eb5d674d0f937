import { describe, expect, it } from 'vitest';
import { planArticle, speakersInOrder } from '../../components/speech/plan';
import { ALL_BLOCKS, SPEECH_ARTICLE } from './article';

const OPTS = { maxChars: 180, speakerVoices: true };
const said = (article = SPEECH_ARTICLE, opts = OPTS, visible = ALL_BLOCKS) =>
  planArticle(article, visible, opts).map((p) => p.chunks.map((c) => [p.text.slice(c.start, c.end), c.speaker]));

describe('planArticle', () => {
  it('reads headings and paragraphs in order, not figures, with sure direct quotes as their speaker’s', () => {
    expect(said()).toEqual([
      [['The debate', null]],
      [['We will stay,', 'Ada Lovelace'], ['” said Ada Lovelace.', null], ['The crowd cheered.', null]],
      [
        ['Grace Hopper disagreed.', null],
        ['It is far too early to decide,', 'Grace Hopper'],
        ['” she said.', null],
        ['Wait,', 'Ada Lovelace'],
        ['” Ada Lovelace replied.', null],
      ],
      // The unsure quote stays in the narration.
      [['Someone whispered “maybe” in the back.', null]],
    ]);
  });

  it('marks the whole sentence of every chunk, also of a quote inside it', () => {
    const [, p1] = planArticle(SPEECH_ARTICLE, ALL_BLOCKS, OPTS);
    const sentence = p1.chunks[1].sentence;
    expect(p1.text.slice(sentence.start, sentence.end)).toBe('“We will stay,” said Ada Lovelace.');
    expect(p1.chunks[0].sentence).toEqual(sentence);
  });

  it('reads everything as narration when speaker voices are off, and skips folded blocks', () => {
    const plain = said(SPEECH_ARTICLE, { ...OPTS, speakerVoices: false }, new Set(['p1', 'p3']));
    expect(plain).toEqual([
      [['“We will stay,” said Ada Lovelace.', null], ['The crowd cheered.', null]],
      [['Someone whispered “maybe” in the back.', null]],
    ]);
  });

  it('casts speakers by their first sure quote in reading order', () => {
    expect(speakersInOrder(SPEECH_ARTICLE)).toEqual(['Ada Lovelace', 'Grace Hopper']);
  });
});
