/**
 * The sample page's structure in other markup (tests/fixtures/variants/): French class names,
 * English class names, no class names, landmarks and roles only, a CMS's div soup, and the page
 * of issue 16 (a breadcrumb starting "Accueil", "Lire aussi:" and same-site links mid-article,
 * a subscribers-only comments notice, the headline repeated as the photo caption). Each passes
 * the sample page's checks: every sentence once in `text`, furniture gone, repeats folded with
 * their reasons.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../cli/dom';
import { extractArticle } from '../../utils/extract';
import { plainWords, sentences } from '../../utils/fold/normalise';

const HEADLINE = "Le secrétaire américain à la défense, M. Austin, s'engage dans une conversation téléphonique avec Moscou.";
/** The article's own lines (the sample page's text, as the seed gives it). */
const ARTICLE = [
  'Absence prolongée sur la bande radio',
  "C'est Austin qui a pris l'initiative de cette conversation.",
  "Silence lourd s'installe entre les bureaux de la Défense à Washington et Moscou. Cependant, le Secrétaire de la Défense des États-Unis Lloyd Austin brise le silence en appelant son homologue russe, Beloussov. Le sujet : le conflit en Ukraine et l'intensification potentielle.",
  "Le Secrétaire de la Défense des États-Unis Lloyd Austin entre dans une conversation inattendue avec son homologue russe Andrey Beloussov, mettant en évidence l'importance de la communication préservée face aux actions militaires persistantes de la Russie en Ukraine, d'après le porte-parole de la Défense Pat Ryder. Ryder s'est abstenu de révéler des détails supplémentaires sur la conversation.",
  "Le ministère russe de la Défense annonce après minuit que les parties ont discuté du conflit en Ukraine. Selon les sources, Beloussov aurait exprimé des inquiétudes quant aux constantes livraisons d'armes des États-Unis en Ukraine et la montée de la chaos dans le pays. Le ministère à Moscou a tenu les détails supplémentaires sous scellés.",
  "Apparemment, l'initiative du dialogue provenait d'Austin. Selon Ryder, Austin n'avait plus communiqué avec son homologue russe depuis le 15 mars 2023, où Sergei Shoigu était encore le ministre de la Défense russe.",
  'Moscou menace Washington le lundi après un lancement de roquettes ukrainien sur la ville de Sevastopol du péninsule de Crimée, annexée par la Russie depuis 2014. "Il est clair que l\'engagement direct des États-Unis dans les combats entraînant la perte de civils russes n\'est pas quelque chose qui reste impuni", a commenté le porte-parole du Kremlin Dmitry Peskov. Le ministère des Affaires étrangères de la Russie convoque l\'ambassadeur des États-Unis à Moscou, Lynne Tracy, et délivre une note de protestation.',
];
/** Lines of furniture, each of which some variant holds. */
const FURNITURE = [
  'Aller au contenu', 'Accueil', 'Lire aussi', "Sommet de l'OTAN à Washington", 'commentaires', 'Connectez-vous pour réagir',
  'Les réactions sont réservées aux abonnés', 'Dernier', "L'inflation ralentit en juin", 'Politique', 'Économie', 'Publicité',
  'Partager', 'Tweeter', 'Tous droits réservés', 'Mentions légales',
];

const DIR = 'tests/fixtures/variants';
const files = readdirSync(DIR).filter((f) => f.endsWith('.html'));

describe('variants of the sample page', () => {
  it('has the five markups of the issue and its own page', () => {
    expect(files.sort()).toEqual(['cms-soup.html', 'en-classes.html', 'fr-classes.html', 'issue-fr.html', 'landmarks.html', 'no-classes.html']);
  });

  for (const file of ['../sample-fr.html', ...files]) {
    it(`${file}: every sentence once, furniture gone, repeats folded with reasons`, () => {
      const doc = parseHtml(readFileSync(`${DIR}/${file}`, 'utf8'), 'https://www.lequotidien.example/monde/2024/07/13/austin-beloussov-conversation');
      const article = extractArticle(doc, { force: true });
      const text = ` ${plainWords(article.text)} `;
      expect(plainWords(article.title).startsWith(plainWords(HEADLINE))).toBe(true);
      for (const line of ARTICLE) {
        for (const s of sentences(line)) expect(text.split(` ${s} `).length - 1, s).toBe(1);
      }
      expect(text).not.toContain(plainWords(HEADLINE));
      for (const line of FURNITURE) expect(text, line).not.toContain(` ${plainWords(line)} `);
      const byId = new Map(article.blocks.map((b) => [b.id, b]));
      for (const f of article.folded) {
        expect(f.code, f.blockId).toBeTruthy();
        expect(f.detail, f.blockId).toBeTruthy();
        if (f.reason === 'duplicate' && f.code !== 'headline') expect(byId.has(f.of ?? ''), f.blockId).toBe(true);
      }
      // Every body copy of the headline is folded as one, the caption with its picture kept.
      const copies = article.blocks.filter((b) => b.type !== 'figure' && plainWords(b.text) === plainWords(HEADLINE));
      const folds = new Map(article.folded.map((f) => [f.blockId, f]));
      for (const b of copies) expect(folds.get(b.id)?.code).toBe('headline');
      const figure = article.blocks.find((b) => b.type === 'figure');
      expect(figure, 'the photo').toBeTruthy();
      expect(folds.get(figure!.id)?.reason).toBe('duplicate');
    });
  }

  // The CLI reads a saved file without its URL; the browser knows it. The page's own canonical
  // address stands in, so relative links still resolve and both read the page alike (issue 16:
  // the CLI kept "Lire aussi:" and its links, the popup folded them).
  for (const file of ['../sample-fr.html', 'issue-fr.html']) {
    it(`${file}: reads the same without a URL (a saved file) as at its address`, () => {
      const html = readFileSync(`${DIR}/${file}`, 'utf8');
      const answer = (url?: string) => {
        const a = extractArticle(parseHtml(html, url), { force: true });
        const folded = new Map(a.folded.map((f) => [f.blockId, f.code]));
        return a.blocks.map((b) => `${b.type} ${folded.get(b.id) ?? 'kept'}: ${b.text}`);
      };
      expect(answer()).toEqual(answer('http://127.0.0.1:8080/page.html'));
    });
  }
});
