import { describe, expect, it } from 'vitest';
import { planArticle, type Chunk } from '../../components/speech/plan';
import { SpeechQueue, type QueueState } from '../../components/speech/queue';
import { ALL_BLOCKS, SPEECH_ARTICLE } from './article';
import { FakeSynth, FakeUtterance } from './fake-synth';

function setup(maxChars = 180) {
  const synth = new FakeSynth();
  const states: QueueState[] = [];
  const voiceOf = (c: Chunk) => ({ voice: c.speaker ? `voice:${c.speaker}` : 'narrator', pitch: 1 });
  const queue = new SpeechQueue<string>({ synth, utter: (t) => new FakeUtterance(t), voiceOf, lang: 'en-GB', rate: 1, onChange: (s) => states.push(s) });
  const paragraphs = planArticle(SPEECH_ARTICLE, ALL_BLOCKS, { maxChars, speakerVoices: true });
  queue.load(paragraphs);
  return { synth, queue, states, paragraphs, last: () => states.at(-1)! };
}

describe('SpeechQueue', () => {
  it('speaks chunk after chunk, paragraph after paragraph, each in its voice, then ends', () => {
    const { synth, queue, last } = setup();
    queue.play(1);
    synth.endAll();
    expect(synth.spoken.map((u) => [u.text, u.voice])).toEqual([
      ['We will stay,', 'voice:Ada Lovelace'],
      ['” said Ada Lovelace.', 'narrator'],
      ['The crowd cheered.', 'narrator'],
      ['Grace Hopper disagreed.', 'narrator'],
      ['It is far too early to decide,', 'voice:Grace Hopper'],
      ['” she said.', 'narrator'],
      ['Wait,', 'voice:Ada Lovelace'],
      ['” Ada Lovelace replied.', 'narrator'],
      ['Someone whispered “maybe” in the back.', 'narrator'],
    ]);
    expect(synth.spoken.every((u) => u.lang === 'en-GB' && u.rate === 1)).toBe(true);
    expect(last()).toMatchObject({ status: 'ended', sentence: null, word: null });
  });

  it('never speaks a chunk longer than the limit', () => {
    const { synth, queue } = setup(20);
    queue.play(0);
    synth.endAll();
    expect(synth.spoken.length).toBeGreaterThan(9);
    for (const u of synth.spoken) expect(u.text.length).toBeLessThanOrEqual(20);
  });

  it('marks the sentence, and the word where the voice sends boundaries (with or without a length)', () => {
    const { synth, queue, last, paragraphs } = setup();
    queue.play(3); // "Someone whispered “maybe” in the back."
    const text = paragraphs[3].text;
    expect(last()).toMatchObject({ status: 'playing', blockId: 'p3', word: null });
    expect(text.slice(last().sentence!.start, last().sentence!.end)).toBe(text);
    synth.word(8); // no charLength: the word is found in the text
    expect(text.slice(last().word!.start, last().word!.end)).toBe('whispered');
    synth.word(19, 5);
    expect(text.slice(last().word!.start, last().word!.end)).toBe('maybe');
  });

  it('gives word offsets in the block when a chunk starts mid-paragraph', () => {
    const { synth, queue, last, paragraphs } = setup();
    queue.play(1);
    synth.end(); // the quote
    synth.word(2); // "said" in "” said Ada Lovelace."
    expect(paragraphs[1].text.slice(last().word!.start, last().word!.end)).toBe('said');
  });

  it('pauses and resumes from the last word spoken, ignoring the cancelled utterance', () => {
    const { synth, queue, last } = setup();
    queue.play(3);
    synth.word(18);
    queue.pause();
    expect(last().status).toBe('paused');
    expect(synth.queue).toEqual([]);
    queue.resume();
    expect(synth.spoken.at(-1)!.text).toBe('“maybe” in the back.');
    // Paused again before any boundary: still resumes from there.
    queue.pause();
    queue.toggle();
    expect(synth.spoken.at(-1)!.text).toBe('“maybe” in the back.');
    synth.word(1);
    expect(last().word).toEqual({ start: 19, end: 24 });
    synth.end();
    expect(last().status).toBe('ended');
  });

  it('steps to the next and previous paragraph while playing and while paused', () => {
    const { synth, queue, last } = setup();
    queue.play(0);
    queue.next();
    expect(synth.spoken.at(-1)!.text).toBe('We will stay,');
    queue.next();
    expect(last()).toMatchObject({ status: 'playing', blockId: 'p2' });
    queue.pause();
    queue.previous();
    expect(last()).toMatchObject({ status: 'paused', blockId: 'p1' });
    const count = synth.spoken.length;
    queue.previous();
    queue.previous(); // stays on the first
    expect(synth.spoken.length).toBe(count);
    queue.resume();
    expect(synth.spoken.at(-1)!.text).toBe('The debate');
  });

  it('restarts the chunk at the current word with a new rate', () => {
    const { synth, queue } = setup();
    queue.play(3);
    synth.word(8);
    queue.configure({ rate: 1.5 });
    expect(synth.spoken.at(-1)).toMatchObject({ text: 'whispered “maybe” in the back.', rate: 1.5 });
  });

  it('keeps its place when the plan changes (new chunk size), on the same block and word', () => {
    const { synth, queue, last } = setup();
    queue.play(2);
    synth.end();
    synth.word(3); // "is" in the quote
    queue.load(planArticle(SPEECH_ARTICLE, ALL_BLOCKS, { maxChars: 10, speakerVoices: false }));
    expect(last()).toMatchObject({ status: 'playing', blockId: 'p2' });
    expect(synth.spoken.at(-1)!.text.startsWith('is')).toBe(true);
  });

  it('stops cleanly: cancels the voice, clears the marks, and a late end changes nothing', () => {
    const { synth, queue, last } = setup();
    queue.play(1);
    const speaking = synth.current!;
    queue.stop();
    expect(synth.queue).toEqual([]);
    expect(last()).toMatchObject({ status: 'stopped', sentence: null, word: null });
    const before = synth.spoken.length;
    speaking.onend?.();
    expect(synth.spoken.length).toBe(before);
  });

  it('reports an engine error and stops', () => {
    const { synth, queue, last } = setup();
    queue.play(1);
    synth.current!.onerror?.({ error: 'synthesis-failed' });
    expect(last()).toMatchObject({ status: 'stopped', error: 'synthesis-failed' });
  });
});
