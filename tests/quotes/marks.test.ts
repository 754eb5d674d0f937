import { describe, expect, it } from 'vitest';
import { pairQuotes } from '../../utils/quotes/marks';
import { de } from '../../utils/quotes/rules/de';
import { en } from '../../utils/quotes/rules/en';
import { fr } from '../../utils/quotes/rules/fr';

const texts = (paras: string[], L = en) =>
  pairQuotes(paras, L).map((s) => ({ block: s.block, text: paras[s.block].slice(s.start, s.end), group: s.group }));

describe('pairQuotes', () => {
  it('pairs curly and straight double quotes', () => {
    expect(texts(['He said “we will win” and "they will lose".']).map((q) => q.text)).toEqual(['we will win', 'they will lose']);
  });

  it('keeps a nested quote inside its outer quote', () => {
    expect(texts(['“She told me ‘never again’ last week,” he said.']).map((q) => q.text)).toEqual([
      'She told me ‘never again’ last week,',
    ]);
  });

  it('does not take apostrophes for quote marks', () => {
    expect(texts(['“It’s the players’ choice, isn’t it?” he asked.']).map((q) => q.text)).toEqual([
      'It’s the players’ choice, isn’t it?',
    ]);
  });

  it('reads French guillemets with no-break spaces', () => {
    expect(texts(['Il a dit\u00a0: «\u202fC’est fini\u202f», puis il est parti.'], fr).map((q) => q.text)).toEqual(['C’est fini']);
  });

  it('reads German „…“ and »…«', () => {
    expect(texts(['Er sagte: „Wir gehen.“ Sie sagte: »Nein.«'], de).map((q) => q.text)).toEqual(['Wir gehen.', 'Nein.']);
  });

  it('joins a quote running over paragraphs into one group', () => {
    const q = texts(['“The first part goes on,', '“and the second part ends here,” she said.']);
    expect(q.map((x) => x.text)).toEqual(['The first part goes on,', 'and the second part ends here,']);
    expect(q[0].group).toBe(q[1].group);
  });

  it('drops a quote left open when the next paragraph does not reopen it', () => {
    expect(texts(['“An unclosed quote.', 'A new paragraph.'])).toEqual([]);
  });
});
