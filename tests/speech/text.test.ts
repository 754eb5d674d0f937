import { describe, expect, it } from 'vitest';
import { chunk, maxChunkChars, sentences, wordAt } from '../../components/speech/text';

const say = (text: string, spans: { start: number; end: number }[]) => spans.map((s) => text.slice(s.start, s.end));

describe('sentences', () => {
  it('cuts English and French text into trimmed sentences', () => {
    const en = 'The minister spoke at noon. "We will act," she said! Was it enough? Nobody knows.';
    expect(say(en, sentences(en, 'en'))).toEqual(['The minister spoke at noon.', '"We will act," she said!', 'Was it enough?', 'Nobody knows.']);
    const fr = "Le ministre a parlé à midi. « Nous agirons », a-t-il dit. Est-ce assez ?";
    expect(say(fr, sentences(fr, 'fr'))).toEqual(['Le ministre a parlé à midi.', '« Nous agirons », a-t-il dit.', 'Est-ce assez ?']);
  });

  it('leaves out what has nothing to say and survives a malformed language tag', () => {
    expect(sentences(' — ', 'en')).toEqual([]);
    expect(say('One. Two.', sentences('One. Two.', 'not a tag!'))).toEqual(['One.', 'Two.']);
  });
});

describe('chunk', () => {
  const long = 'In the first place, the committee met on Tuesday; then, after a long debate about the budget and the schedule, it voted — narrowly — to postpone the decision until the spring session of the assembly.';

  it('keeps every chunk within the limit, cut at clause marks first, losing no word', () => {
    const pieces = chunk(long, { start: 0, end: long.length }, 60);
    expect(pieces.length).toBeGreaterThan(2);
    for (const p of pieces) expect(p.end - p.start).toBeLessThanOrEqual(60);
    expect(say(long, pieces).join(' ').split(/\s+/)).toEqual(long.split(/\s+/));
    expect(long.slice(pieces[0].start, pieces[0].end)).toBe('In the first place, the committee met on Tuesday; then,');
  });

  it('returns a short span whole and cuts a word longer than a chunk', () => {
    expect(chunk('Short one.', { start: 0, end: 10 }, 60)).toEqual([{ start: 0, end: 10 }]);
    const word = 'x'.repeat(150);
    expect(chunk(word, { start: 0, end: 150 }, 60).map((p) => p.end - p.start)).toEqual([60, 60, 30]);
  });

  it('gives slower speech shorter chunks (Chrome cuts utterances after about 15 s)', () => {
    expect(maxChunkChars(0.5)).toBeLessThan(maxChunkChars(1));
    expect(maxChunkChars(2)).toBe(maxChunkChars(1));
  });
});

describe('wordAt', () => {
  it('finds the word at an index, with apostrophes and accents', () => {
    const text = "C'est l’été déjà";
    expect(wordAt(text, 0)).toEqual({ start: 0, end: 5 });
    expect(wordAt(text, 6)).toEqual({ start: 6, end: 11 });
  });
});
