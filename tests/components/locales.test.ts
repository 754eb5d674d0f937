import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { messagesOf } from './locale';

const LOCALES = readdirSync('locales').filter((f) => f.endsWith('.yml')).map((f) => f.replace(/\.yml$/, ''));

describe('UI strings', () => {
  const en = messagesOf('en');

  it('has the interface in English, French, German and Spanish', () => {
    expect(LOCALES.sort()).toEqual(['de', 'en', 'es', 'fr']);
  });

  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    it(`has every English message in ${locale}, with the same substitutions`, () => {
      const other = messagesOf(locale);
      expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en)) {
        const subs = (m: string) => [...m.matchAll(/\$\d/g)].map((x) => x[0]).sort().join();
        expect(subs(other[key]), key).toBe(subs(en[key]));
      }
    });
  }

  it('has no empty message', () => {
    for (const locale of LOCALES) for (const [key, message] of Object.entries(messagesOf(locale))) expect(message.trim(), `${locale} ${key}`).not.toBe('');
  });

  it('localises the store listing and the command (the manifest reads extDescription and commandCleanView)', () => {
    for (const locale of LOCALES) {
      const m = messagesOf(locale);
      expect(m.extDescription.length, locale).toBeLessThanOrEqual(132); // the Chrome Web Store's limit
      expect(m.commandCleanView, locale).toBeTruthy();
    }
  });
});
