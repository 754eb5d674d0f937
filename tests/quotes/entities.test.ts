import { describe, expect, it } from 'vitest';
import { quotesFromText } from '../../utils/quotes/index';
import { cleanRole, mergeOverlaps } from '../../utils/quotes/entities';
import { analyzePhrase } from '../../utils/quotes/speakers';
import { en } from '../../utils/quotes/rules/en';
import { fr } from '../../utils/quotes/rules/fr';
import type { Quote } from '../../utils/types';

const run = (text: string, lang: string) => quotesFromText(text, { lang });
/** The entries of "Who is quoted": persons and bodies, not descriptions. */
const names = (text: string, lang: string) => run(text, lang).speakers.filter((s) => !s.described).map((s) => s.name);

describe('"Who is quoted" lists persons and bodies the article names', () => {
  it('joins a surname alone to the full name the article gave', () => {
    const text = 'The engineer Marta Kowalczyk led the survey of the old bridge.\n\n“The cables are older than the deck,” Kowalczyk said.';
    expect(names(text, 'en')).toEqual(['Marta Kowalczyk']);
    const fr_ = 'L’architecte Hugo Berthelot a présenté les plans lundi.\n\n« Le toit sera vert », a précisé Berthelot.';
    expect(names(fr_, 'fr')).toEqual(['Hugo Berthelot']);
  });

  it('leaves a surname alone when two people the article names share it', () => {
    const text = 'Anna Weber and Paul Weber run the bakery together.\n\n“We open at six every morning,” Weber said.';
    expect(names(text, 'en')).toEqual(['Weber']);
  });

  it('resolves a role to the person the article names in it, before or after', () => {
    const fr_ =
      'Le maire de la ville, Julien Arnaud, a inauguré la piscine samedi.\n\n« Elle sera ouverte tout l’été », a déclaré le maire de la ville.';
    const r = run(fr_, 'fr');
    expect(r.speakers.map((s) => s.name)).toEqual(['Julien Arnaud']);
    expect(r.quotes[0]).toMatchObject({ speaker: 'Julien Arnaud', role: 'maire de la ville' });
    const es_ = 'La alcaldesa de Cuenca, Lucía Ferrer, visitó el mercado.\n\n“Vamos a renovar todos los puestos”, dijo la alcaldesa de Cuenca.';
    expect(names(es_, 'es')).toEqual(['Lucía Ferrer']);
  });

  it('resolves a definite job noun with no holder written next to it to the person named just before', () => {
    const text =
      'Le chanteur Marc Lavoine sort un nouvel album. Marc Lavoine a longtemps hésité avant de repartir en tournée.\n\n« Je me sens prêt, plus que jamais », confie l’artiste.';
    expect(run(text, 'fr').quotes[0]).toMatchObject({ speaker: 'Marc Lavoine' });
    // A person the article gives another role is not the one the job noun names.
    const other = 'Le juge Paul Girard a suspendu l’audience.\n\n« Mon client est innocent », a plaidé l’avocate.';
    expect(run(other, 'fr').quotes[0].speaker).not.toBe('Paul Girard');
  });

  it('takes a role and the name written after it as the person with the role, not the role’s complement', () => {
    const r = run('« Nous ferons appel », a déclaré le ministre de l’Agriculture Paul Mercier.', 'fr');
    expect(r.speakers).toMatchObject([{ name: 'Paul Mercier' }]);
    expect(r.speakers[0].name).not.toContain('Agriculture');
  });

  it('marks a description with no name as no entry, its words kept as the quotes’ label', () => {
    const r = run('A doctor at the clinic examined him twice.\n\n“It was a rare infection,” the expert said.', 'en');
    expect(r.speakers).toMatchObject([{ name: 'expert', described: true }]);
    expect(r.quotes[0].speaker).toBe('expert');
    const de_ = run('„Wir haben nichts davon gewusst“, sagte die Sprecherin des Vereins.', 'de');
    expect(de_.speakers.every((s) => s.described)).toBe(true);
    const fr_ = run('« Le dossier est vide », a confié une source proche de l’enquête.', 'fr');
    expect(fr_.speakers.filter((s) => !s.described)).toEqual([]);
  });

  it('takes a plural common noun alone for a group, not a named body', () => {
    const r = run('Les autorités locales ont fermé la route.\n\n« La route restera fermée », ont indiqué les autorités.', 'fr');
    expect(r.speakers.filter((s) => !s.described)).toEqual([]);
    expect(names('Authorities say that the two cases appear to be unrelated.', 'en')).toEqual([]);
    const es_ = run('Las autoridades cerraron el puerto.\n\n“El puerto seguirá cerrado”, dijeron las autoridades.', 'es');
    expect(es_.speakers.filter((s) => !s.described)).toEqual([]);
  });

  it('gives a document’s words to the body that issued it, a role’s to nobody named', () => {
    const r = run('« Aucune victime n’est à déplorer », indique le communiqué de la préfecture du Rhône.', 'fr');
    expect(r.speakers).toMatchObject([{ name: 'préfecture du Rhône', organisation: true }]);
    const es_ = run('“No vamos a pactar con nadie”, dijo el líder de Podemos.', 'es');
    expect(es_.speakers.filter((s) => !s.described)).toEqual([]);
    const fr_ = run('« Je ne dirai rien », a répondu l’avocat de Paul Garnier.', 'fr');
    expect(fr_.speakers.map((s) => s.name)).not.toContain('Paul Garnier');
  });

  it('takes a name with a noun after it for a description, not a person', () => {
    const r = run('Ben Cole is an economist.\n\n“Tariffs are a tax on buyers,” said the Boston-based trade expert.', 'en');
    expect(r.speakers.filter((s) => !s.described)).toEqual([]);
    expect(names('The Russian and Syrian defense ministries have said the strikes “targeted only terrorists.”', 'en')).toEqual([]);
  });

  it('drops words around a name that are no part of it', () => {
    expect(names('Then Sergio Vidal, ranked 14th, lost the opening set.\n\n“I was too slow,” said the 14th-ranked Vidal.', 'en')).toEqual(['Sergio Vidal']);
    expect(names('Mme Claire Fontaine dirige le musée.\n\n« Nous rouvrirons en mai », a par ailleurs assuré Mme Fontaine.', 'fr')).toEqual(['Claire Fontaine']);
  });

  it('completes a body cut short from the words the article writes before it', () => {
    const r = run('The report came from the Baltic News Agency on Monday.\n\n“Two ships were stopped,” News Agency said.', 'en');
    expect(r.speakers).toMatchObject([{ name: 'Baltic News Agency', organisation: true }]);
  });

  it('completes a body cut before its closing adjective where adjectives follow the noun', () => {
    const r = run('« Les visas seront suspendus dès lundi », a fait savoir le ministère des Affaires sociales.', 'fr');
    expect(r.speakers).toMatchObject([{ name: 'ministère des Affaires sociales', organisation: true }]);
  });

  it('names a body’s noun alone by the one complement the article gives it', () => {
    const text = 'Le ministère de la santé a publié un guide.\n\n« Les stocks suffiront jusqu’en mars », souligne le ministère.';
    expect(names(text, 'fr')).toEqual(['ministère de la santé']);
    const es_ = 'El ministerio de sanidad publicó una guía.\n\n“Las reservas durarán hasta marzo”, dijo el ministerio.';
    expect(names(es_, 'es')).toEqual(['ministerio de sanidad']);
  });

  it('lists a body as an organisation', () => {
    const r = run('„Die Lage ist ernst“, teilte das Innenministerium mit.', 'de');
    expect(r.speakers[0]).toMatchObject({ organisation: true });
  });
});

describe('roles a reader would read', () => {
  it('drops lone honorifics, clauses and dangling prepositions', () => {
    expect(cleanRole('Mr.', en)).toBeUndefined();
    expect(cleanRole('Rep.', en)).toBeUndefined();
    expect(cleanRole('has', en)).toBeUndefined();
    expect(cleanRole('who will be the chairman', en)).toBeUndefined();
    expect(cleanRole('avocate de', fr)).toBeUndefined();
    expect(cleanRole('2018 survey by Penelope', en)).toBeUndefined();
    expect(cleanRole("le ministre de l'Economie", fr)).toBe("ministre de l'Economie");
    expect(cleanRole('député socialiste qui a voté contre', fr)).toBe('député socialiste');
  });

  it('cuts from a role the words that open the name it goes with', () => {
    expect(cleanRole('spokesperson for the British', en, 'British Foreign Office')).toBe('spokesperson');
    expect(cleanRole('spokesperson for the ministry', en, 'British Foreign Office')).toBe('spokesperson for the ministry');
    const text = 'A spokesperson for the French Foreign Ministry reiterated the position that the fences “are illegal and an obstacle to peace”.';
    expect(run(text, 'en').speakers.map((s) => [s.name, s.role])).toEqual([['French Foreign Ministry', 'spokesperson']]);
  });

  it('takes the subject of a clause with its own speech verb before a gerund, not the clause', () => {
    const text = 'The referee’s assistant testified on Tuesday, calling the decision “a clear and costly mistake” before the panel.';
    expect(run(text, 'en').speakers.map((s) => [s.name, s.described])).toEqual([['referee’s assistant', true]]);
    const fr_ = 'Le maire de Lyon a témoigné mardi, qualifiant la décision de « grave erreur de gestion » devant la commission.';
    expect(run(fr_, 'fr').speakers.map((s) => s.name)).toEqual(['maire de Lyon']);
    const es = 'El alcalde de Lima declaró el martes, calificando la decisión de «un grave error de gestión» ante la comisión.';
    expect(run(es, 'es').speakers.map((s) => s.name)).toEqual(['alcalde de Lima']);
  });

  it('takes a predicate after a name for no apposition, whatever spaces the page writes', () => {
    // Pages write no-break spaces between words; the role is read from the words alone.
    const text =
      'CBS reports the man who took the boat, Carl Dunmore, was\u00a0sentenced to ten years in prison.\n\n' +
      'In an interview with the police, Dunmore confessed to the theft, admitting that after fighting off the guard, he drove to a parking lot. ' +
      'Later that evening, he admitted that he took the boat to the harbour, where he hid it.';
    expect(run(text, 'en').speakers.map((s) => [s.name, s.role])).toEqual([['Carl Dunmore', undefined]]);
  });
});

describe('overlapping quotes', () => {
  const q = (id: string, start: number, end: number, speaker: string | null, kind: Quote['kind'] = 'direct'): Quote => ({
    id, text: '', kind, speaker, tier: 'after', confidence: speaker ? 0.9 : 0.8, blockId: 'p0', start, end,
  });
  it('merges direct quotes whose spans overlap into one, with the speaker of the surer one', () => {
    const text = 'abcdefghijklmnopqrstuvwxyz';
    const out = mergeOverlaps([q('q0', 2, 10, null), q('q1', 5, 14, 'Ada Lovelace')], new Map([['p0', text]]));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ id: 'q0', start: 2, end: 14, speaker: 'Ada Lovelace', text: text.slice(2, 14) });
  });
  it('keeps reported statements that overlap apart: each has its own source', () => {
    expect(mergeOverlaps([q('q0', 0, 20, 'A', 'reported'), q('q1', 5, 20, 'B', 'reported')], new Map())).toHaveLength(2);
  });
});

describe('one entity per person', () => {
  it('joins a surname written first to the full name ("Liu" of "Liu Xiaming")', () => {
    const text = 'Liu Xiaming, the ambassador, spoke on Tuesday.\n\n“We have no such plan at all,” Liu Xiaming said.\n\n“It is only a rumour,” said Liu.';
    expect(names(text, 'en')).toEqual(['Liu Xiaming']);
  });
});

describe('a name of three words in a list', () => {
  it('keeps its first name after "and" (a preposition would make it a complement)', () => {
    const text = 'She danced for the judges Paul Lind, Rosa Marr and Mary Jo Dunne on Monday.\n\n“This was not what I expected to see at all,” Dunne said.';
    expect(names(text, 'en')).toEqual(['Mary Jo Dunne']);
  });
});

describe('a body noun after a common modifier', () => {
  it('labels its quotes but is no entry where modifiers come first', () => {
    const text = '“No agreement on this matter was ever signed by us,” the production company said in a statement.';
    expect(run(text, 'en').speakers.map((s) => [s.name, s.described])).toEqual([['production company', true]]);
    expect(names('« Aucun accord n’a été signé », a indiqué la police nationale dans un communiqué.', 'fr')).toEqual(['police nationale']);
  });
});

describe('a title at the head of a phrase', () => {
  it('makes it a person’s role, not a body, whatever its capitals', () => {
    const text = 'Lenders now promise “peace of mind about money,” as one online-bank CEO told me, and an end to fees.';
    expect(run(text, 'en').speakers.map((s) => [s.name, s.described, s.organisation])).toEqual([['online-bank CEO', true, undefined]]);
  });
});

describe('a name inside a role’s complement', () => {
  it('is no speaker past a possessive either: the role speaks', () => {
    const text = 'Health officials in Peru’s Loreto Region have confirmed that a second case of the fever was found in the city.';
    expect(run(text, 'en').speakers.map((s) => [s.name, s.described])).toEqual([['Health officials in Peru’s Loreto Region', true]]);
  });
});

describe('a lone abbreviation after a comma', () => {
  it('goes on with the phrase before it, and names nobody', () => {
    expect(names('Lena Varga, head of sales for Brimstone, Inc., says: “Alarm fatigue remains the first worry of every ward we visit.”', 'en')).toEqual(['Lena Varga']);
    expect(names('“We will appeal the ruling as soon as we can,” said Tom Ash, a farmer from Fresno, Calif., on Monday.', 'en')).toEqual(['Tom Ash']);
  });
});

describe('the writer is no entry', () => {
  it('a first-person pronoun that opens a sentence names nobody', () => {
    expect(names('We tried the new service at its offices in Leeds. We called it “a fine piece of work when it decides to run.”', 'en')).toEqual([]);
    expect(names('Nous avons essayé le service à Lille. Nous avons qualifié l’offre de « belle réussite quand elle veut bien marcher ».', 'fr')).toEqual([]);
  });
});

describe('a sentence’s first word is no part of a name', () => {
  it('drops a word capitalised only because it opens the sentence, and a lone title left after it', () => {
    const text = 'The developer has worked on the game for years.\n\nDeveloper Valve said it was “a flagship game for everyone”.\n\nDespite Mr. Hale’s objections, the board said “the plan stands as written”.';
    const listed = names(text, 'en');
    expect(listed).not.toContain('Developer Valve');
    expect(listed).not.toContain('Despite Mr');
  });
});

describe('names cut as a reader would cut them', () => {
  it('a photo credit names no speaker a pronoun can refer to', () => {
    const text = 'Anne Morel visite une école à Lyon - Julien Garnier © 2021 AFP\n\nIl a appelé à « ne pas céder sur les horaires des cantines scolaires ».';
    expect(quotesFromText(text, { lang: 'fr' }).speakers.map((s) => s.name)).not.toContain('Julien Garnier');
    // The agency first: "LP / Julien Garnier" between a tag and the pronoun that continues it.
    const after = '« Il faut rouvrir le dialogue », insiste Claire Dumas.\n\nLP / Julien Garnier\n\nLe syndicat « refuse toute violence », ajoute-t-elle.';
    expect(quotesFromText(after, { lang: 'fr' }).quotes.map((q) => q.speaker)).toEqual(['Claire Dumas', 'Claire Dumas']);
  });

  it('a long run of names after a role’s complement keeps the last two, after "by" the whole run', () => {
    const survey = quotesFromText('According to a 2018 survey by Mary Ellen Carter of the University of Ohio, newsrooms “shrink by half within a few months”.', { lang: 'en' }).quotes;
    expect(survey[0]?.speaker).toBe('Mary Ellen Carter');
    const text = 'The Deputy Director of Public Prosecution Ana-Lena Berg spoke on Monday.\n\nMs Berg said: “The evidence has weakened over the years since the events.”';
    expect(quotesFromText(text, { lang: 'en' }).quotes[0]?.speaker).toBe('Ana-Lena Berg');
  });

  it('a first name given with an age or what the person is names a speaker (vox pops)', () => {
    const text = 'Les cours ont repris lundi. C’est le cas de Salomé, infirmière depuis dix ans. « On tient comme on peut, mais personne ne nous écoute », soupire-t-elle.';
    expect(quotesFromText(text, { lang: 'fr' }).quotes[0]?.speaker).toBe('Salomé');
  });

  it('a season opening a sentence is no speaker', () => {
    const text = 'L’hiver dernier, un rapport de l’agence de l’eau évaluait les fuites à « l’équivalent de la consommation de deux millions d’habitants ».';
    expect(quotesFromText(text, { lang: 'fr' }).speakers.map((s) => s.name)).not.toContain('hiver dernier');
  });

  it('an English body phrase is named by its last noun ("the office release" is a release, no body)', () => {
    const text = 'The sentencing is scheduled for May, according to the office release. The court said: “The defendant will stay in custody until the hearing.”';
    const listed = quotesFromText(text, { lang: 'en' }).speakers.filter((s) => !s.described);
    expect(listed.map((s) => s.name)).not.toContain('office release');
  });

  it('a role noun capitalised at a sentence start is no part of the name after it', () => {
    const text = 'The game comes out next year. Developer Valve called it “a flagship game for the whole platform and its players.”';
    expect(quotesFromText(text, { lang: 'en' }).quotes[0]?.speaker).toBe('Valve');
  });

  it('a body named with a connector after its noun is that body, a title before "of" stays a title', () => {
    expect(analyzePhrase('a 2020 study by the Institute for Regional Housing Research', en)).toEqual({ kind: 'org', name: 'Institute for Regional Housing Research' });
    expect(analyzePhrase('the Secretary of State Mike Pompeo', en)).toMatchObject({ kind: 'person', name: 'Mike Pompeo' });
  });
});

