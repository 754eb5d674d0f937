import { describe, expect, it } from 'vitest';
import { quotesFromText } from '../../utils/quotes/index';
import { namedPersons, personNames } from '../../utils/quotes/speakers';
import { de as deRules } from '../../utils/quotes/rules/de';

const de = (text: string) => quotesFromText(text, { lang: 'de' }).quotes.map((q) => ({ text: q.text, speaker: q.speaker }));

describe('German: who said what on unseen text', () => {
  it('a full stop glued to the next sentence (a missing space) ends the speaker and the sentence', () => {
    const quotes = de('„Wir haben das Ziel fast erreicht“, sagte Bauer.Danach sprach die Vorsitzende Eva Lindner von einem „ganz normalen Vorgang“.');
    expect(quotes[0]).toEqual({ text: 'Wir haben das Ziel fast erreicht', speaker: 'Bauer' });
    expect(quotes.map((q) => q.speaker)).not.toContain('Bauer.Danach');
  });
});

describe('German: names in quotation marks are no quotes', () => {
  it.each([
    'Die Ministerin sagte der „Neuen Rundschau“, man werde die Pläne prüfen.',
    'Das teilte das „Zentrum für Meeresforschung“ am Montag mit.',
    'Die Ministerin sagte gegenüber dem „Kieler Tagblatt“, man prüfe die Pläne.',
  ])('a medium or addressee after a speech verb and its article: %s', (text) => {
    expect(de(text)).toEqual([]);
  });

  it('a naming verb still gives its quoted object', () => {
    expect(de('Der Bürgermeister Jan Weber sprach von einer „Gefahr für Leib und Leben“.')).toEqual([
      { text: 'Gefahr für Leib und Leben', speaker: 'Jan Weber' },
    ]);
  });
});

describe('German: noun runs that are no names', () => {
  it('a plural noun ending ("Äußerungen") keeps a capitalised run from being a speaker', () => {
    expect(de('Kritik an Meiers Äußerungen brachte die Sprecherin der Fraktion, Annette Weber, zum Ausdruck: „Es gibt keinen Grund, Positionen aufzugeben, bevor die Verhandlungen begonnen haben.“')).toEqual([
      { text: 'Es gibt keinen Grund, Positionen aufzugeben, bevor die Verhandlungen begonnen haben.', speaker: 'Annette Weber' },
    ]);
  });
});

describe('German: documents as speakers', () => {
  it('an impersonal tag after the quote gives the document its place names', () => {
    expect(de('Der Verein wandte sich an die Stadt. „Wir bitten Sie dringend, das Fest abzusagen“, heißt es in dem Vereinsschreiben an den Bürgermeister.')).toEqual([
      { text: 'Wir bitten Sie dringend, das Fest abzusagen', speaker: 'Vereinsschreiben' },
    ]);
  });
});

describe('German: media as speakers', () => {
  it.each([
    ['„Er war der kreative Kopf der Band“, schrieb „Der Kurier“ in einem Nachruf.', 'Kurier'],
    ['„Die Firma will zu den Großen aufschließen“, schreibt die „Technikwoche“.', 'Technikwoche'],
  ])('a title in quotation marks after the tag verb: %s', (text, speaker) => {
    expect(de(text)).toEqual([{ text: expect.any(String), speaker }]);
  });
});

describe('German: role nouns as speakers', () => {
  it.each([
    ['Einer der beteiligten Ermittler sagte: „So einen Fall haben wir noch nie gesehen.“', 'beteiligten Ermittler'],
    ['Der Brand war schnell gelöscht. Einer der Feuerwehrmänner sagte: „So einen Brand haben wir noch nie gesehen.“', 'Feuerwehrmänner'],
  ])('a description by a role noun is the speaker: %s', (text, speaker) => {
    expect(de(text)[0].speaker).toContain(speaker);
  });
});

describe('German: a reflexive between the tag verb and its subject', () => {
  it('"äußerte sich der …" reads the subject past "sich"', () => {
    expect(de('„Die Lage bleibt gut“, äußerte sich der Chef der Landesagentur für Umwelt, Frank Weise, in Kiel.')[0].speaker).toBe('Frank Weise');
  });
});

describe('German: a body named in quotation marks after a role noun', () => {
  it.each([
    'Ein Sprecher der „Feuerwehr von Neustadt“, Jan Weber, sagte, das Haus sei verloren.',
    'Der Geschäftsführer von „Solarwerk“, Eva Brandt, sagte, das Geld sei gut angelegt.',
  ])('is no quote: %s', (text) => {
    expect(de(text)).toEqual([]);
  });
});

describe('German: a source named in quotation marks after an according-to marker', () => {
  it.each([
    'Der Rebell Ali Huthi klagte die Regierung an. Laut einem Artikel der „Neuen Post“ hat sich Huthi gestern an die UN gewandt.',
    'Der Rebell Ali Huthi klagte die Regierung an. Außerdem hatte er laut „kurier.de“ kritisiert, dass sein Stamm diskriminiert werde.',
  ])('is no quote: %s', (text) => {
    expect(quotesFromText(text, { lang: 'de' }).quotes.filter((q) => q.kind === 'direct')).toEqual([]);
  });
});

describe('German: a passive quoting tag', () => {
  it('"„…“, wird X zitiert" names X', () => {
    expect(de('Der Sender NDR berichtete am Abend darüber. „Wir haben die Lage im Griff“, wird Brandt zitiert. Die Entscheidung wolle sie dem Rat überlassen.')[0]).toEqual({
      text: 'Wir haben die Lage im Griff',
      speaker: 'Brandt',
    });
  });
});

describe('German: a relative clause between the subject and its verb', () => {
  it('is no part of the subject ("X, der Minister Österreichs, der den Rat leitet, sagte:")', () => {
    expect(de('Jan Weber, der Innenminister Sachsens, der zur Zeit den Vorsitz inne hat, sagte zum Abschluss des Treffens: „Wir hatten gute Gespräche.“')[0].speaker).toBe('Jan Weber');
  });
});

describe('German: declined role nouns before a name', () => {
  it.each([
    ['Nach einem Gespräch mit Finanzexperten Paul Kirchner blieb es still.', ['Paul Kirchner']],
    ['Der Sender sprach mit dem Finanzexperten Paul Kirchner.', ['Paul Kirchner']],
  ])('are no part of the name: %s', (text, names) => {
    expect(personNames(text, deRules)).toEqual(names);
    expect(namedPersons(text, deRules).map((n) => n.name)).toEqual(names);
  });
});

describe('German: a capitalised word before the colon that opens a quote', () => {
  it.each([
    'Das Gesetz sieht Strafen vor. Im Wortlaut nennt es folgende Sanktionen: „Wer falsche Angaben macht, wird mit einer Geldstrafe belegt.“',
    'Die Zeitung sprach mit ihm. Seine Meinung zur Reform: „Das ist eine Kampagne gegen die Rentner im ganzen Land.“',
    'Die Ministerin Anna Berg lobte die Helfer. Denn: „Ohne sie wäre die Stadt heute unter Wasser.“',
  ])('is no speaker after an adjective or a preposition, nor as a conjunction: %s', (text) => {
    expect(de(text).map((q) => q.speaker)).not.toContainEqual(expect.stringMatching(/^(?:Sanktionen|Reform|Denn)$/));
  });
});

describe('German: the subject after the verb when a prepositional phrase opens the sentence', () => {
  it('gives the speaker of a quote after a colon ("In der ARD zeigte sich der Trainer zufrieden:")', () => {
    expect(de('Die Mannschaft gewann am Abend mit 30:25. In der ARD zeigte sich der Bundestrainer zufrieden: „Wir haben eine deutliche Steigerung in allen Teilen gezeigt.“')).toEqual([
      { text: 'Wir haben eine deutliche Steigerung in allen Teilen gezeigt.', speaker: 'Bundestrainer' },
    ]);
  });

  it('reads an adjective after the preposition as part of the phrase, not as the verb', () => {
    expect(de('Zur aktuellen Lage des Vereins wird der neue Geschäftsführer Jan Weber zitiert: „Wir stehen vor einer schwierigen Aufgabe.“')[0].speaker).toBe('Jan Weber');
  });
});

describe('German: media as bodies', () => {
  it('"Das staatliche Fernsehen berichtete von „…“" names the broadcaster', () => {
    expect(de('Die Armee rückte am Morgen in die Stadt ein. Das staatliche Fernsehen berichtete von „schweren Verlusten der Rebellen“ bei den Kämpfen.')).toEqual([
      { text: 'schweren Verlusten der Rebellen', speaker: 'staatliche Fernsehen' },
    ]);
  });
});

describe('a short quote filling a bracket is a gloss, no speech', () => {
  it.each([
    'Die Forscherin Anna Berg berichtete im Fachblatt „Journal of Human Genetics“ („JHG Letters“), man habe neue Gene gefunden.',
    'Die Partei lehnte die Reformen der Regierung („Agenda 2030“, „Rente mit 70“) ab, sagte ihre Sprecherin Eva Lind.',
    'Der Kongress findet in Moskau statt: „Мемориал“ [auf Deutsch: „Gedenken an Michail Tal“].',
  ])('%s', (text) => {
    expect(de(text)).toEqual([]);
  });

  it('a longer quote in brackets stays speech', () => {
    expect(quotesFromText('Canvassers ranked the voters they met from 1 ("Oh, I\'m definitely voting for Eric") to 6 ("They\'re probably voting for Trump"), said Tom Giancola.', { lang: 'en' }).quotes).toHaveLength(2);
  });
});

describe('German: more speech verbs and their objects', () => {
  it('"konstatierte" is a speech verb, its quoted object a quote', () => {
    expect(de('Der Bundespräsident Jan Weber konstatierte in seiner Rede eine wachsende „Kluft zwischen Arm und Reich“.')).toEqual([
      { text: 'Kluft zwischen Arm und Reich', speaker: 'Jan Weber' },
    ]);
  });

  it('"zitierte man X": past the indefinite subject, the quoting verb\'s object is the one quoted', () => {
    expect(de('Ein Team des Fernsehens wurde ausgewiesen. „Wir sind unwillkommene Zeugen“, zitierte man Yolanda Alvarez vom Sender RTVE.')[0].speaker).toBe('Yolanda Alvarez');
  });

  it('"X vom Sender Y", "X von der Bank Y": the person, the body being where they work', () => {
    expect(de('Theo Kitz vom Bankhaus Merck sagte dazu: „Solche Zahlungen gab es auch in anderen Unternehmen.“')[0].speaker).toBe('Theo Kitz');
    expect(de('Robert Halver von der Baader Bank kommentierte: „Die Erwartungen waren zu hoch.“')[0].speaker).toBe('Robert Halver');
  });
});

describe('German: the phrase between a naming verb and its quoted label', () => {
  it('is the thing named, no subject ("… und nannte Trumps Befehl „…“")', () => {
    expect(de('In seiner Rede bezeichnete der Premierminister Benjamin Levi den Angriff als gerechtfertigt und nannte Trumps Befehl „schnell, kraftvoll und entschieden“.')[0].speaker).toBe('Benjamin Levi');
  });

  it('is the subject when the named thing follows it ("Dazu nannte der Sprecher die Pläne „…“")', () => {
    expect(de('Dazu nannte der Sprecher Jan Weber die Pläne „völlig verfehlt“.')[0].speaker).toBe('Jan Weber');
  });
});

describe('German: the subject of a clause with its verb at the end', () => {
  it('is the full name right after the relative pronoun ("…, die X … erklärt hatte: „…“")', () => {
    expect(de('Der Chef der Agentur, Frank Weise, legte die Zahlen vor. Sie liegen weit über der Marke, die Gerhard Berger in seiner ersten Amtszeit (1998 bis 2002) zum eigenen Ziel erklärt hatte: „Ich rechne damit, dass es uns gelingt.“')[0].speaker).toBe('Gerhard Berger');
  });
});

describe('German: a name something is called, given by a naming verb after the quote', () => {
  it.each([
    '„Uncle Ted“, wie der Senator genannt wurde, war in Alaska beliebt.',
    'Der Hubschrauber, der ab Montag „Christoph 29“ heißen wird, steht bereit.',
    'Am Morgen erklärte der neue „Oberste Rat der Republik“, wie sich die Junta selbst nennt, die Lage sei ruhig.',
  ])('is no quote: %s', (text) => {
    expect(de(text)).toEqual([]);
  });

  it('an impersonal "heißt es" and an active "wie er es nannte" still give quotes', () => {
    expect(de('„Wir sind bereit“, heißt es in dem Schreiben des Vereins.')).toHaveLength(1);
    expect(de('Der Minister Jan Weber sprach von einer „Kultur der Angst“, wie er es nannte.')).toHaveLength(1);
  });
});

describe('German: a label after "als" that a judging verb after it gives', () => {
  it('is the words of the clause\'s subject ("als „falsch“ zurückgewiesen")', () => {
    expect(de('Die Bundesregierung hatte den Bericht der Zeitung umgehend als „falsch“ zurückgewiesen.')).toEqual([{ text: 'falsch', speaker: 'Bundesregierung' }]);
  });

  it('is the words of the agent in a passive ("vom Wetterdienst als „sehr hoch“ eingestuft")', () => {
    expect(de('Die Gefahr von Waldbränden wird vom Deutschen Wetterdienst als „sehr hoch“ eingestuft.')).toEqual([{ text: 'sehr hoch', speaker: 'Deutschen Wetterdienst' }]);
  });

  it('is a common name in a passive with no agent ("als „Sonnenwind“ bezeichnet wird")', () => {
    expect(de('Der Strom, der als „Sonnenwind“ bezeichnet wird, ist heute stark.')).toEqual([]);
  });
});

describe('German: a document named by a hyphenated compound', () => {
  it('"Auf der documenta-Homepage heißt es …: „…“" names the page', () => {
    expect(de('Das Bild wurde gewählt. Auf der documenta-Homepage heißt es zur Begründung, warum man sich dafür entschieden hat: „Die Striche wurden wegen ihrer Darstellung gewählt.“')[0].speaker).toBe('documenta-Homepage');
  });
});

describe('German: speech verbs in the present plural', () => {
  it('"„…“, fordern die Landesverbände …" is a tag ("fordern", "meinen", "äußern")', () => {
    expect(de('„Wir brauchen mehr Geld für die Schulen im ganzen Land“, fordern die Landesverbände der Gewerkschaft.')[0].speaker).toBe('Landesverbände der Gewerkschaft');
  });
});

describe('judged labels and subordinate tags (review of the fourth round)', () => {
  it('an active clause’s "von" opens a complement, no agent: the subject judges', () => {
    expect(de('Die Bundesregierung hat den Bericht von Amnesty International als „völlig haltlos“ zurückgewiesen.')[0].speaker).toBe('Bundesregierung');
  });

  it('a full name after "wie" in a verb-final clause is the subject of its speech verb', () => {
    const [q] = quotesFromText('Der Plan sei gescheitert, wie Jan Weber mitteilte: „Wir haben keine Mehrheit mehr im Rat.“', { lang: 'de' }).quotes;
    expect(q).toMatchObject({ speaker: 'Jan Weber', tier: 'before' });
  });
});
