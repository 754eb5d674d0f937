import { describe, expect, it } from 'vitest';
import { primaryLang, voicesFor, type VoiceInfo } from '../../components/speech/voices';
import { castSpeakers, narratorVoice } from '../../components/speech/casting';

const voice = (voiceURI: string, lang: string, extra: Partial<VoiceInfo> = {}): VoiceInfo => ({ voiceURI, name: voiceURI, lang, default: false, localService: true, ...extra });
const VOICES = [
  voice('google-fr', 'fr-FR', { localService: false }),
  voice('en-remote', 'en-US', { localService: false }),
  voice('en-a', 'en-GB'),
  voice('en-b', 'en_US'),
  voice('en-default', 'en-US', { default: true }),
  voice('fr-a', 'fr-CA'),
];

describe('voices for a language', () => {
  it('match the primary language, default first, then local ones', () => {
    expect(primaryLang('fr-FR')).toBe('fr');
    expect(voicesFor(VOICES, 'en-GB').map((v) => v.voiceURI)).toEqual(['en-default', 'en-a', 'en-b', 'en-remote']);
    expect(voicesFor(VOICES, 'fr').map((v) => v.voiceURI)).toEqual(['fr-a', 'google-fr']);
    expect(voicesFor(VOICES, 'de')).toEqual([]);
    expect(voicesFor(VOICES, null)).toEqual([]);
  });

  it('pick the remembered narrator when it is there, else the first', () => {
    const en = voicesFor(VOICES, 'en');
    expect(narratorVoice(en, 'en-b')?.voiceURI).toBe('en-b');
    expect(narratorVoice(en, 'gone')?.voiceURI).toBe('en-default');
    expect(narratorVoice([], 'en-b')).toBeNull();
  });
});

describe('castSpeakers', () => {
  const en = voicesFor(VOICES, 'en');
  const narrator = en[0];

  it('gives each speaker one of the other voices, never the narrator’s, the same one all along', () => {
    const cast = castSpeakers(en, narrator, ['Ada', 'Grace', 'Linus']);
    expect([...cast].map(([name, v]) => [name, v.voice.voiceURI, v.pitch])).toEqual([
      ['Ada', 'en-a', 1],
      ['Grace', 'en-b', 1],
      ['Linus', 'en-remote', 1],
    ]);
    // Same casting order, same voices: a speaker keeps the voice for the whole article.
    expect(castSpeakers(en, narrator, ['Ada', 'Grace', 'Linus']).get('Grace')).toEqual(cast.get('Grace'));
  });

  it('tells apart speakers sharing a voice by pitch', () => {
    const two = [voice('a', 'en'), voice('b', 'en')];
    const cast = castSpeakers(two, two[0], ['Ada', 'Grace', 'Linus']);
    expect([...cast.values()].map((v) => [v.voice.voiceURI, v.pitch])).toEqual([['b', 1], ['b', 0.8], ['b', 1.25]]);
  });

  it('casts nobody when the language has a single voice', () => {
    expect(castSpeakers([narrator], narrator, ['Ada']).size).toBe(0);
  });
});
