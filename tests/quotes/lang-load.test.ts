import { describe, expect, it } from 'vitest';
import { withQuotes } from '../../utils/quotes/article';
import { attributeQuotes } from '../../utils/quotes/index';
import { langCode } from '../../utils/quotes/lang';
import type { Article, Block } from '../../utils/types';

const para = (id: string, text: string): Block => ({ id, type: 'paragraph', text, inlines: [{ text }] });

describe('one language’s rules, loaded on demand', () => {
  it('votes for the language by stop words when the page names none it supports', () => {
    expect(langCode('fr-CA', [])).toBe('fr');
    expect(langCode('pt', ['El alcalde dijo que la obra de la plaza no se terminará este año y que los vecinos esperan.'])).toBe('es');
    expect(langCode(null, [])).toBe('en');
  });

  it('looks for no quotes on a page declared in a language it has no rules for, unless the text is plainly one it has', async () => {
    const portuguese = 'O prefeito disse que a obra da praça não será concluída este ano e que os moradores esperam uma resposta da câmara. “Vamos continuar a trabalhar com os vizinhos”, afirmou o secretário de Obras, João Ribeiro.';
    const indonesian = 'Wali kota mengatakan bahwa pembangunan alun-alun tidak akan selesai tahun ini. “Kami akan terus bekerja bersama warga,” kata kepala dinas, Budi Santoso.';
    expect(langCode('pt-BR', [portuguese])).toBeNull();
    expect(langCode('id', [indonesian])).toBeNull();
    expect(langCode('it', ['The mayor said that the works on the main square will not be finished this year, and that the residents are waiting for an answer from the council.'])).toBe('en');
    const article = { lang: 'pt-BR', blocks: [para('p0', portuguese)], folded: [] } as unknown as Article;
    expect(await withQuotes(article)).toMatchObject({ quotes: [], speakers: [] });
    expect(attributeQuotes([para('p0', portuguese)], { lang: 'pt-BR' })).toEqual({ quotes: [], speakers: [], lang: null });
  });

  it('the extension’s path (rules loaded for the article’s language) gives the Node path’s answer', async () => {
    const blocks = [para('p0', '« Nous ne fermerons pas cette école », a déclaré la maire Anne Morel.'), para('p1', 'La décision sera prise en juin par le conseil municipal de la ville.')];
    const article = { lang: 'fr', blocks, folded: [] } as unknown as Article;
    const loaded = await withQuotes(article);
    const direct = attributeQuotes(blocks, { lang: 'fr' });
    expect(loaded.quotes).toEqual(direct.quotes);
    expect(loaded.speakers).toEqual(direct.speakers);
    expect(loaded.quotes?.[0]?.speaker).toBe('Anne Morel');
  });
});
