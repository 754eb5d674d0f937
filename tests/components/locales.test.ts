import { describe, expect, it } from 'vitest';
import { messagesOf } from './locale';

describe('UI strings', () => {
  const en = messagesOf('en');
  const fr = messagesOf('fr');

  it('has every English message in French, with the same substitutions', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      const subs = (m: string) => [...m.matchAll(/\$\d/g)].map((x) => x[0]).sort().join();
      expect(subs(fr[key]), key).toBe(subs(en[key]));
    }
  });

  it('has no empty message', () => {
    for (const [key, message] of Object.entries({ ...en, ...fr })) expect(message.trim(), key).not.toBe('');
  });
});
