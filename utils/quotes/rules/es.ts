import { spanishForms } from './inflect';
import type { LangData } from './types';

/**
 * Spanish. Verbs: the tier A/B lemmas of the authored seed list (CC0, ../LICENSES.md) and other
 * common reporting verbs of news Spanish, in every third-person form a tag uses and in compound
 * tenses ("ha señalado", see inflect.ts). Orthographic changes before -é/-ó are spelt out.
 */
export const es: LangData = {
  code: 'es',
  genderedNouns: true,
  dropsSubject: true,
  dialogueDash: true,
  participle: /^(?:\p{Ll}{2,}(?:ado|ada|ados|adas|ido|ida|idos|idas)|dicho|escrito|expuesto|puesto)$/u,
  marks: ['«»', '“”', '""', '‘’'],
  verbs: spanishForms(
    'afirm asegur señal declar explic indic apunt subray destac recalc manifest expres anunci inform coment ' +
      'precis detall contest critic denunci lament reclam opin tuite agreg relat narr reiter puntualiz matiz ' +
      'aclar enfatiz resalt apostill sentenci asever remach argument justific valor celebr avis alert exclam ' +
      'pregunt cuestion proclam plante mencion revel reproch brome zanj espet ironiz desliz rememor insinu ' +
      'conden recomend avanz confirm desvel reivindic record confes remarc acot anticip adelant reflexion ' +
      'comunic extern aleg observ',
    'añad respond insist admit escrib promet resum',
    'dijo dijeron dice dicen decía decían dicho sostuvo sostuvieron sostiene sostienen advirtió advierte advirtieron ' +
      'reconoció reconoce reconocieron reconocido replicó replica replicado concluyó concluye concluido explicó ' +
      'recordó recuerda recuerdan confesó confiesa confiesan defendió defiende defienden defendido pidió pide piden ' +
      'pedido sugirió sugiere sugerido expuso expone expuesto propuso propone advirtió escrito puesto_de_manifiesto ' +
      'agradeció agradece agradecido prometió promete prometido mantuvo mantiene mantenido ' +
      'continuó continúa continuaba arguyó arguye arguyen',
  ),
  // "», espetó el ministro", "», ha zanjado la jueza"; a past form stands alone ("», razonó.").
  tagVerb: { shape: /^\p{Ll}{2,}(?:ó|aron|ieron|aba|aban|ía|ían|a|an|e|en|ado|ido)$/u, dropped: /^\p{Ll}{2,}(?:ó|aron|ieron|aba|aban)$/u },
  answers: spanishForms('contest', 'respond', 'replicó replica replicaron replicado'),
  asks: spanishForms('pregunt', '', 'inquirió'),
  // "», le preguntó la periodista", "», nos contó": an object pronoun before the tag's verb.
  clitics: ['le', 'les', 'me', 'nos'],
  tagLinks: ['como'],
  // "«…». Así lo recoge el juez en un escrito.", "Así lo ha explicado la ministra."
  anaphoricTag: /^[\s\u00a0\u202f]*[Aa]sí[\s\u00a0\u202f]+(?:lo|la|los|las)[\s\u00a0\u202f]+/u,
  coordinators: ['y', 'e', 'o', 'u'],
  negations: ['no', 'nunca'],
  pronouns: { él: 'm', ella: 'f' },
  determinerGender: { la: 'f', el: 'm', un: 'm', esta: 'f', este: 'm' },
  firstPerson: ['yo', 'nosotros', 'nosotras'],
  // Before a name, a preposition makes it no subject ("unter Robert Mugabe"): pronouns prefer others.
  prepositions: ['de', 'del', 'por', 'contra', 'con', 'para', 'bajo', 'sobre', 'a', 'al', 'entre', 'sin', 'en', 'durante', 'tras', 'ante', 'desde'],
  locatives: ['en'],
  agentPrepositions: ['por'],
  that: ['que'],
  aux: ['ha', 'han', 'había', 'habían'],
  adverbs: ['además', 'también', 'luego', 'después', 'entonces', 'ahora', 'todavía'],
  determiners: ['el', 'la', 'los', 'las', 'un', 'una', 'su', 'sus', 'este', 'esta'],
  leadWords: ['pero', 'y', 'ya', 'sin embargo', 'además', 'también', 'así', 'por su parte', 'a su vez', 'no obstante', 'en cambio', 'por otra parte', 'por el contrario'],
  relatives: ['quien', 'que'],
  timeWords: ['ayer', 'hoy', 'este', 'esta', 'pasado', 'semana', 'mañana', 'tarde', 'noche', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo', 'además', 'también', 'luego', 'después'],
  stopWords: ['en', 'a', 'al', 'durante', 'tras', 'ante', 'que', 'quien', 'cuando', 'mientras', 'este', 'esta', 'ayer', 'hoy', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo', 'con', 'por', 'y', 'pero', 'según'],
  titles: {
    sr: 'm', sra: 'f', srta: 'f', don: 'm', doña: 'f', dr: null, dra: 'f', presidente: null, presidenta: 'f',
    ministro: 'm', ministra: 'f', general: null, alcalde: 'm', alcaldesa: 'f', portavoz: null, senador: 'm',
    senadora: 'f', diputado: 'm', diputada: 'f', juez: null, jueza: 'f', secretario: 'm', secretaria: 'f',
    director: 'm', directora: 'f', canciller: null,
  },
  orgWords: ['ministerio', 'gobierno', 'policía', 'ejército', 'partido', 'sindicato', 'asociación', 'empresa', 'agencia', 'comisión', 'comité', 'consejo', 'tribunal', 'corte', 'federación', 'embajada', 'fundación', 'universidad', 'banco', 'kremlin', 'pentágono', 'casa blanca', 'organización'],
  unnamedWords: ['fuente', 'fuentes', 'funcionarios', 'funcionario', 'testigos', 'expertos', 'analistas', 'observadores', 'responsables'],
  // A job noun ("el exdirector", "la activista", "el líder"): a role, not a body or a document.
  roleNoun: /^(?!(?:mayor|menor|mejor|peor|anterior|posterior|interior|exterior|superior|inferior|exterior|siguiente|presente|reciente|diferente|importante|suficiente|primero|primera|tercero|tercera|entero|entera|ordinario|necesario|contrario|diario|diaria)$)(?:líder|portavoz|jefe|jefa|\p{Ll}{3,}(?:or|ora|ista|ente|enta|ante|ero|era|ario|aria|ólogo|óloga))$/u,
  demonstratives: ['este', 'esta'],
  personNouns: ['hombre', 'mujer', 'joven', 'chico', 'chica', 'niño', 'niña', 'vecino', 'vecina', 'padre', 'madre', 'hijo', 'hija', 'anciano', 'anciana', 'paciente', 'enfermo', 'enferma', 'jubilado', 'jubilada', 'experto', 'experta'],
  nameParticles: ['de', 'del', 'la', 'las', 'los', 'y', 'van', 'von'],
  reported: { pre: ['según', 'de acuerdo con', 'a juicio de', 'en palabras de'], post: [], pronouns: { 'él': 'm', ella: 'f' } },
  adjectivesFollow: true,
  abbreviations: ['sr', 'sra', 'srta', 'dr', 'dra', 'ud', 'uds', 'etc', 'núm'],
};
