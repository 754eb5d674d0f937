import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { quotesFromText } from '../../utils/quotes/index';

const SEED = resolve(process.cwd(), '..', 'shared', 'seeds', '000_6d4ecfc8851b1d78.txt');

describe.skipIf(!existsSync(SEED))('the French seed page', () => {
  const { quotes, speakers, lang } = quotesFromText(existsSync(SEED) ? readFileSync(SEED, 'utf8') : '', { lang: 'fr' });
  const find = (start: string) => quotes.find((q) => q.text.startsWith(start));

  it('is read as French', () => expect(lang).toBe('fr'));

  it('gives the Kremlin quote to Dmitry Peskov with his role', () => {
    expect(find('Il est clair que')).toMatchObject({
      kind: 'direct',
      speaker: 'Dmitry Peskov',
      role: 'porte-parole du Kremlin',
      cue: 'a commenté',
    });
    expect(find('Il est clair que')!.text.endsWith('impuni')).toBe(true);
  });

  it('gives both reported statements to Pat Ryder', () => {
    expect(find('Le Secrétaire de la Défense')).toMatchObject({ kind: 'reported', speaker: 'Pat Ryder', cue: "d'après" });
    expect(find('Austin n\'avait plus communiqué')).toMatchObject({ kind: 'reported', speaker: 'Pat Ryder', cue: 'Selon' });
    expect(speakers.find((s) => s.name === 'Pat Ryder')?.aliases).toContain('Ryder');
  });

  it('marks "Selon les sources" as unnamed', () => {
    expect(find('Beloussov aurait exprimé')).toMatchObject({ kind: 'reported', speaker: null, unnamed: true });
  });
});
