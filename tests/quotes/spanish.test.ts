import { describe, expect, it } from 'vitest';
import type { Block } from '../../utils/types';
import { attributeQuotes, quotesFromText } from '../../utils/quotes/index';
import { langCode } from '../../utils/quotes/lang';
import { es } from '../../utils/quotes/rules/es';
import { analyzePhrase, isJobNoun, personNames } from '../../utils/quotes/speakers';

/** Spanish forms, in sentences written for these tests. */
const run = (text: string) => quotesFromText(text, { lang: 'es' }).quotes.filter((q) => q.kind === 'direct');

describe('Spanish: a dropped subject before the quote', () => {
  it.each([
    ['La consejera Marta Ruiz defendió el plan de obras, pues aseguró que «está bien financiado».', 'Marta Ruiz', 'aseguró'],
    ['La consejera Marta Ruiz visitó la obra el martes. Después afirmó que los retrasos eran «cosa del pasado».', 'Marta Ruiz', 'Después afirmó'],
  ])('%s', (text, speaker, cue) => {
    const quotes = run(text);
    expect(quotes).toHaveLength(1);
    expect(quotes[0].speaker).toBe(speaker);
    expect(quotes[0].cue).toBe(cue);
  });

  it('a participle after a noun is no verb of the speaker ("un informe escrito por")', () => {
    const quotes = run('Tomás Vidal leyó el informe. El texto, escrito por un comité de expertos, propugna «medidas urgentes» para el sector.');
    expect(quotes.every((q) => q.speaker !== 'Tomás Vidal')).toBe(true);
  });

  it('a relative clause between subject and verb holds no subject ("X, que dirige Y, asegura")', () => {
    const quotes = run('Un portavoz de la Dirección de Tráfico, que preside Andrés Molina Soto, asegura que las cifras «no engañan».');
    expect(quotes[0].speaker).toBe('portavoz de la Dirección de Tráfico');
  });

  it('a dropped subject that resolved keeps its speaker in reach of the next one, past a name after "con"', () => {
    const quotes = run(
      'La alcaldesa Lucía Romero visitó el mercado el martes. Habló con los comerciantes durante una hora. Después defendió que el plan es «bueno para todos». Comió en un bar con Andrés Pardo y con varios vecinos del barrio. «No vamos a subir las tasas este año», prometió.',
    );
    expect(quotes.map((q) => q.speaker)).toEqual(['Lucía Romero', 'Lucía Romero']);
  });

  it('a sentence opening with a dropped-subject verb keeps the previous subject; the names after the verb are its objects', () => {
    const text =
      'El juez Pedro Marín admitió el recurso el lunes. «Es un caso complejo», dijo. En este sentido, valora los informes firmados por el perito Julián Gómez Arce y califica de «sólidos y concurrentes» los indicios.';
    expect(run(text).map((q) => q.speaker)).toEqual(['Pedro Marín', 'Pedro Marín']);
  });

  it('a noun phrase before the verb is its subject, not a dropped one', () => {
    const quotes = run('Tomás Vidal habló primero. La portavoz del comité aseguró que «no hay prisa alguna».');
    expect(quotes[0].speaker).not.toBe('Tomás Vidal');
  });
});

describe('Spanish names with particles', () => {
  it('a surname after particles stays on the name ("María Dolores de Cospedal"), not on a body ("Banco de España")', () => {
    expect(personNames('Habló de María Dolores de Cospedal y de Soraya Sáenz de Santamaría Antón, no del Banco de España.', es)).toEqual([
      'María Dolores de Cospedal',
      'Soraya Sáenz de Santamaría Antón',
    ]);
  });


  it.each([
    ['el juez José de la Mata', { kind: 'person', name: 'José de la Mata', role: 'juez' }],
    ['el magistrado Carlos de la Torre', { kind: 'person', name: 'Carlos de la Torre', role: 'magistrado' }],
    ['Ramón de los Ríos', { kind: 'person', name: 'Ramón de los Ríos' }],
    ['juez De la Rosa', { kind: 'person', name: 'De la Rosa', role: 'juez' }],
    // A body's name after a role: no person "de Tráfico".
    ['la portavoz de la Dirección de Tráfico', { kind: 'role', name: 'portavoz de la Dirección de Tráfico' }],
  ])('%s', (phrase, mention) => {
    expect(analyzePhrase(phrase, es)).toMatchObject(mention);
  });

  it('a place after a role stays the role\'s complement', () => {
    expect(analyzePhrase('el alcalde de Madrid', es)).toMatchObject({ kind: 'role' });
  });
});

describe('the page language against the text', () => {
  const spanish = 'El alcalde de la ciudad dijo que las obras de la calle principal no se van a detener, y que el Ayuntamiento pagará a los vecinos por las molestias. '.repeat(4);

  it('a Spanish text declared English is read with the Spanish rules', () => {
    expect(langCode('en', [spanish])).toBe('es');
  });

  it('the declared language stays when the text is short or mixed', () => {
    expect(langCode('en', ['El alcalde dijo que no.'])).toBe('en');
    expect(langCode('en', [spanish, 'The mayor of the city said that the works on the main street will go on, and that the council is to pay the residents for the trouble it caused them in the last months. '.repeat(3)])).toBe('en');
  });
});

describe('Spanish: "Así lo …" after the quote', () => {
  it.each([
    ['El agente abrió la puerta, «revisando los cajones de la oficina». Así lo recoge el juez Tomás Peral en su auto.', 'Tomás Peral', 'recoge'],
    ['«Nadie nos avisó del cambio de horario». Así lo ha explicado la alcaldesa Marta Gil.', 'Marta Gil', 'ha explicado'],
  ])('%s', (text, speaker, cue) => {
    expect(run(text)[0]).toMatchObject({ speaker, cue });
  });

  it('with the subject dropped, the previous speaker', () => {
    const quotes = run('«Nadie nos avisó», dijo la alcaldesa Marta Gil. «Fue un error de cálculo del ministerio». Así lo aseguró en la radio.');
    expect(quotes[1]).toMatchObject({ speaker: 'Marta Gil', cue: 'aseguró' });
  });

  it('another sentence opening is no tag', () => {
    // No tag from the rules (the candidate scorer may still weigh the name, as for any untagged quote).
    const [quote] = run('«Fue un error de cálculo del ministerio». Luego recoge el juez Tomás Peral sus papeles.');
    expect(quote.cue).toBeUndefined();
    expect(quote.tier).not.toMatch(/^after/);
  });
});

describe('Spanish dialogue dashes and interviews', () => {
  const interview = [
    'La ministra Ana Torres recibió a este diario en su despacho.',
    '—¿Qué opina del acuerdo con los sindicatos?',
    '—Es un buen acuerdo para todos —asegura Ana Torres—. Lo firmaremos el lunes.',
    '—¿Y si no lo firman?',
    '—No vamos a ceder. Es nuestra última oferta y lo saben.',
  ].join('\n\n');

  it('a dash paragraph is speech; its incise tag splits it and names the speaker', () => {
    const quotes = run(interview);
    expect(quotes.map((q) => q.text)).toEqual(['Es un buen acuerdo para todos', 'Lo firmaremos el lunes.', 'No vamos a ceder. Es nuestra última oferta y lo saben.']);
    expect(quotes.slice(0, 2).map((q) => q.cue)).toEqual(['asegura', 'asegura']);
  });

  it("the interviewer's questions are no quotes; an answer continues the previous answer's speaker", () => {
    const quotes = run(interview);
    expect(quotes.some((q) => q.text.includes('?'))).toBe(false);
    expect(quotes.map((q) => q.speaker)).toEqual(['Ana Torres', 'Ana Torres', 'Ana Torres']);
  });

  it('an incise tag closing the paragraph', () => {
    expect(run('—No vamos a ceder ni un paso más —dijo Luis Gómez.')[0]).toMatchObject({ text: 'No vamos a ceder ni un paso más', speaker: 'Luis Gómez', cue: 'dijo' });
  });

  it('a question with its tag is a quote, the tag read past its dash', () => {
    expect(run('—¿Me dejaréis hablar? —preguntó el presidente Carles Vidal.')[0]).toMatchObject({ text: '¿Me dejaréis hablar?', speaker: 'Carles Vidal', cue: 'preguntó', role: 'presidente' });
  });

  it('a list item or a signature after a dash is no speech', () => {
    expect(run('- La Audiencia reabre la causa contra los antiguos directivos del banco.')).toEqual([]);
    expect(run('— prensa.es (@prensa_es) 3 de marzo de 2021')).toEqual([]);
  });
});

describe('Spanish reporting verbs of Latin American and Spanish news', () => {
  it.each(['adelantó', 'acotó', 'externó', 'remarcó', 'alegó', 'arguyó'])('El gobernador Julio Ramos %s que «no hay dinero para más obras».', (cue) => {
    expect(run(`El gobernador Julio Ramos ${cue} que «no hay dinero para más obras».`)[0]).toMatchObject({ speaker: 'Julio Ramos', cue });
  });
});

describe('Spanish: a connective set off by commas between subject and verb', () => {
  it.each([
    'Murieron diez personas, según el servicio de emergencias local. El ejército, por su parte, explicó que fueron «ataques contra objetivos militares».',
    'Murieron diez personas, según el servicio de emergencias local. El ejército, sin embargo, explicó que fueron «ataques contra objetivos militares».',
  ])('%s', (text) => {
    expect(run(text)[0]).toMatchObject({ speaker: 'ejército', cue: 'explicó' });
  });
});

describe('Spanish: a demonstrative subject points back ("dice esta mujer de 60 años")', () => {
  it('a demonstrative before any noun, after the quote, is the person named before of its gender', () => {
    const quotes = run('El alcalde Luis Mora visitó ayer la casa de Carmen Vidal. «Llevamos un mes sin luz en el barrio», dice esta mujer de 60 años.');
    expect(quotes[0]).toMatchObject({ speaker: 'Carmen Vidal', cue: 'dice' });
  });

  it('before a time word it is a time phrase still: skipped after the verb, no subject before it', () => {
    const after = run('«No vamos a cerrar la planta de ninguna manera», dijo este lunes Juan Pérez.');
    expect(after[0]).toMatchObject({ speaker: 'Juan Pérez', cue: 'dijo' });
    const dropped = run('Juan Pérez habló el lunes con los obreros. Este martes afirmó que «no habrá cambios en la plantilla».');
    expect(dropped[0]).toMatchObject({ speaker: 'Juan Pérez', cue: 'afirmó' });
  });
});

describe('Spanish: an adverb between the determiner and the role ("la también portavoz")', () => {
  it.each([
    ['Jordi Puig, director de la agencia, presentó el plan. «Queremos evitar la especulación con la vivienda», subrayó la también consejera de Vivienda.', 'consejera de Vivienda'],
    ['Jordi Puig, director de la agencia, presentó el plan. «Los precios no bajarán este año», advirtió el todavía ministro de Economía.', 'ministro de Economía'],
  ])('%s', (text, speaker) => {
    expect(run(text)[0]).toMatchObject({ speaker, tier: 'after-role' });
  });
});

describe('Spanish interviews: who answers is not who asked', () => {
  it('an answer verb with its subject dropped skips the one a question verb had as subject, for the previous speaker', () => {
    const text =
      'El presidente Mariano Ruiz resumió así el congreso: «El partido ha hecho su trabajo y lo ha hecho bien», afirmó. Sergio Vidal, el conductor del programa, le preguntó en un momento dado por sus dos ministras, y él mismo sacó a colación los nombres de Ana Gil y Rosa Pla. «Son dos personas que están ahí y que lo han hecho muy bien», contestó.';
    expect(run(text).map((q) => q.speaker)).toEqual(['Mariano Ruiz', 'Mariano Ruiz']);
  });

  it('after a quoted question, the answer is the person asked ("le preguntó la periodista …", an object pronoun before the verb)', () => {
    const text = 'El ministro Luis Mora llegó tarde a la rueda de prensa. «¿Va a dimitir usted hoy?», le preguntó la periodista Ana Gil. «No, en absoluto, no pienso dimitir», respondió.';
    expect(run(text).map((q) => q.speaker)).toEqual(['Ana Gil', 'Luis Mora']);
  });

  it('any other verb keeps the antecedent', () => {
    const text =
      'El presidente Mariano Ruiz resumió así el congreso: «El partido ha hecho su trabajo y lo ha hecho bien», afirmó. Sergio Vidal, el conductor del programa, le preguntó en un momento dado por sus dos ministras. «Son dos personas que están ahí y que lo han hecho muy bien», comentó.';
    expect(run(text).map((q) => q.speaker)).toEqual(['Mariano Ruiz', 'Sergio Vidal']);
  });
});

describe('a page heading is read: a standfirst names who the article quotes next', () => {
  it('the standfirst’s subject is the antecedent of a dropped subject in the body', () => {
    const block = (id: string, type: 'heading' | 'paragraph', text: string): Block =>
      type === 'heading' ? { id, type, level: 2, text, inlines: [{ text }] } : { id, type, text, inlines: [{ text }] };
    const blocks = [
      block('h0', 'heading', 'La alcaldesa Lucía Romero anuncia que el mercado central abrirá en primavera tras dos años de obras'),
      block('p1', 'paragraph', 'El Ayuntamiento presentó ayer el calendario de las obras del mercado central, que llevan dos años de retraso.'),
      block('p2', 'paragraph', '«Abriremos en primavera y no habrá más retrasos en la obra», aseguró.'),
    ];
    const direct = attributeQuotes(blocks, { lang: 'es' }).quotes.filter((q) => q.kind === 'direct');
    expect(direct.map((q) => q.speaker)).toEqual(['Lucía Romero']);
  });
});

describe('a short sentence of short words is no title ("Llevamos un mes sin luz")', () => {
  it.each([
    ['Carmen Vidal vive sola desde marzo. «Llevamos un mes sin luz», dice Carmen Vidal.', 'es', 'Carmen Vidal'],
  ])('%s', (text, lang, speaker) => {
    const direct = quotesFromText(text, { lang }).quotes.filter((q) => q.kind === 'direct');
    expect(direct).toHaveLength(1);
    expect(direct[0].speaker).toBe(speaker);
  });
});

describe('a speech verb after "y" shares the subject of the speech verb before it', () => {
  it.each([
    'El letrado pidió la nulidad del juicio. Después del alegato, la fiscal respondió duramente al abogado del partido y afirmó que «el partido se benefició de los fondos».',
    'El letrado pidió la nulidad del juicio. Después del alegato, ya la fiscal respondió duramente al abogado del partido y afirmó que «el partido se benefició de los fondos».',
  ])('%s', (text) => {
    expect(run(text)[0]).toMatchObject({ speaker: 'fiscal', cue: 'afirmó' });
  });
});

describe('a case’s name in quotation marks after a role noun is no quote ("el instructor del ‘caso Lezo’")', () => {
  it('only the words said are a quote', () => {
    const direct = run('«No voy a dimitir por una decisión así», dijo el instructor del ‘caso Lezo’ a los periodistas.');
    expect(direct.map((q) => q.text)).toEqual(['No voy a dimitir por una decisión así']);
  });
});

describe('a demonstrative before a noun for a person, with the punctuation after it', () => {
  it('is the tag’s subject, referring back, at the end of the sentence too', () => {
    const [q] = run('El sindicato convocó una huelga el lunes. «No vamos a parar hasta que nos escuchen», dice este hombre.');
    expect(q).toMatchObject({ speaker: 'hombre', tier: 'after-role' });
  });
});

describe('a job noun, one test for every module', () => {
  it('is known by its shape whatever its case', () => {
    expect([isJobNoun('portavoz', es), isJobNoun('Portavoz', es), isJobNoun('Madrid', es)]).toEqual([true, true, false]);
  });
});
