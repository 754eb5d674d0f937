import { germanForms } from './inflect';
import type { LangData } from './types';

/**
 * German capitalises every noun, so a capitalised word is not a name: role nouns are recognised
 * by these endings instead ("Polizeisprecher", "Vereinschef", "Bundeskanzlerin").
 */
const deRoleSuffix =
  /(sprecher|sprecherin|minister|ministerin|chef|chefin|präsident|präsidentin|kanzler|kanzlerin|vorsitzende|vorsitzender|direktor|direktorin|leiter|leiterin|sekretär|sekretärin|meister|meisterin|anwalt|anwältin|trainer|trainerin|experte|expertin|politiker|politikerin|abgeordnete|abgeordneter|general|kommandeur|botschafter|botschafterin|gouverneur|senator|vizepräsident|regierungschef|ministerpräsident|bürgermeister|reporter|reporterin|korrespondent|korrespondentin|funktionär|funktionärin|vertreter|vertreterin|richter|richterin|staatsanwalt|staatsanwältin|analyst|analystin|analysten|angestellte|angestellter|jährige|jähriger|führer|führerin|männer|kommissar|kommissarin|polizist|polizistin|beamte|beamter|beamtin|mitarbeiter|mitarbeiterin|ermittler|ermittlerin|wissenschaftler|wissenschaftlerin|forscher|forscherin|professor|professorin|verfasser|verfasserin|berater|beraterin|manager|managerin|kommandant|bischof|kardinal)$/i;

/** German. Verbs: the tier A/B forms of the authored seed list (CC0, ../LICENSES.md). */
export const de: LangData = {
  code: 'de',
  genderedNouns: true,
  marks: ['„“', '„”', '»«', '«»', '“”', '""', '‚‘', '›‹', '‘’'],
  verbs: germanForms(
    'sag erklär beton teil äußer bericht warn bestätig füg ergänz mein versicher bekräftig erläuter antwort ' +
      'entgegn erwider kündig räum behaupt verkünd kritisier forder frag mahn stell kommentier resümier klag ' +
      'beklag zitier charakterisier urteil skandier begründ meld konstatier bekund beteuer bemängel monier bilanzier',
    'so schrieb schrieben schreibt sprach sprachen spricht unterstrich unterstreicht hob hebt gab gibt wies weist ' +
      'beschreibt beschrieb beschrieben rät riet rieten ' +
      'fuhr_fort heißt hieß erklärt geschrieben angekündigt mitgeteilt hinzugefügt bekanntgegeben bezeichnet genannt ' +
      // A separable verb whole at the end of a clause ("…, wie der Sprecher mitteilte").
      'mitteilte mitteilten hinzufügte hinzufügten ankündigte ankündigten bekanntgab bekanntgaben einräumte einräumten hervorhob',
  ),
  quoting: ['zitiert', 'zitierte', 'zitierten'],
  indefinite: 'man',
  // A passive or reflexive naming verb, or "heißen" (not "heißt es", the impersonal tag).
  calledAfter: /^[\s\u00a0\u202f]*,?[\s\u00a0\u202f]*(?:wie[\s\u00a0\u202f][^,.;:!?„“”"]{0,60}?(?:genannt[\s\u00a0\u202f]+(?:wird|wurde|werden|wurden)|sich[\s\u00a0\u202f][^,.;:!?„“”"]{0,30}?(?:nennt|nannte|nennen|nannten))|heißen|heißt|hieß)(?![\p{L}])(?![\s\u00a0\u202f]+es(?![\p{L}]))/iu,
  affiliations: ['vom', 'beim', 'von der', 'von den', 'von dem', 'von einer', 'von einem'],
  passiveAux: ['wird', 'wurde', 'werden', 'wurden', 'worden'],
  afterOnly: ['so'],
  impersonal: { verbs: ['heißt', 'hieß'], dummy: 'es', place: /^(?:(?:auch|dazu|weiter|nun|jetzt)\s+)?(?:in|im|auf)\s+(?:(?:de[mnrs]|die|das|eine[mnrs]?|ein|seine[mnrs]?|ihre[mnrs]?)\s+)?/iu },
  // "sprachen von „Panikverkäufen“": speaking of a thing names it.
  naming: ['wertete', 'wertet', 'werteten', 'bezeichnete', 'bezeichnet', 'bezeichneten', 'nannte', 'nennt', 'nannten', 'sprach', 'sprachen', 'spricht'],
  // "wies die Vorwürfe als „haltlos“ zurück": the word a speech verb gives as what a thing is.
  labelLinks: ['als', 'über'],
  judging: [
    'bezeichnet', 'bezeichnete', 'bezeichneten', 'gewertet', 'wertete', 'werteten', 'eingestuft', 'einstufte', 'einstuften',
    'zurückgewiesen', 'zurückwies', 'zurückwiesen', 'beschrieben', 'beschrieb', 'kritisiert', 'kritisierte', 'verurteilt', 'verurteilte',
    'beurteilt', 'beurteilte', 'bewertet', 'bewertete', 'abgelehnt', 'ablehnte', 'gelobt', 'lobte', 'gefeiert', 'feierte', 'betrachtet', 'betrachtete',
  ],
  firstPerson: ['ich', 'wir'],
  wordsCue: /mit (?:den|diesen|folgenden|seinen|ihren) Worten:?[\s\u00a0\u202f]*$/i,
  subjunctive: 'sei seien habe hätte hätten stehe werde könne könnten müsse dürfe solle wolle gebe gelte liege bleibe gehe wäre wären würde würden'.split(' '),
  // "„…“, bilanzierte der Trainer": a present or preterite (nouns are capitalised, verbs not).
  tagVerb: { shape: /^\p{Ll}{2,}(?:te|ten|t|en)$/u },
  tagLinks: ['wie'],
  coordinators: ['und', 'oder'],
  negations: ['nicht', 'nie', 'niemals', 'kein', 'keine'],
  pronouns: { er: 'm', sie: 'f' },
  determinerGender: { die: 'f', eine: 'f', der: 'm' },
  // Before a name, a preposition makes it no subject ("unter Robert Mugabe"): pronouns prefer others.
  prepositions: ['unter', 'von', 'vom', 'mit', 'gegen', 'für', 'über', 'bei', 'beim', 'nach', 'zu', 'zum', 'zur', 'aus', 'an', 'auf', 'in', 'im', 'vor', 'ohne', 'durch', 'um', 'neben', 'zwischen', 'gegenüber'],
  locatives: ['in', 'nach'],
  agentPrepositions: ['von', 'vom'],
  subjectPronouns: ['er'],
  particles: ['mit', 'hinzu', 'an', 'ein', 'zu', 'fest', 'klar', 'hervor', 'bekannt', 'fort', 'darauf', 'hin', 'weiter'],
  that: ['dass', 'daß'],
  conjunctions: ['so dass', 'so daß'],
  aux: ['hat', 'haben', 'hatte', 'hatten'],
  // With the object pronouns an inverted tag may put before its subject ("so charakterisierte ihn der …", "äußerte sich der …").
  adverbs: ['weiter', 'außerdem', 'zudem', 'auch', 'ferner', 'später', 'damals', 'dazu', 'jedoch', 'aber', 'ihn', 'ihm', 'es', 'sich'],
  determiners: ['der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einer', 'eines', 'einem', 'einen', 'sein', 'seine', 'ihr', 'ihre'],
  leadWords: ['aber', 'und', 'doch', 'auch', 'dann', 'so', 'jedoch', 'ob', 'weil', 'wenn', 'nachdem', 'denn'],
  relatives: ['der', 'die', 'welcher', 'welche'],
  timeWords: ['sommer', 'winter', 'frühling', 'herbst', 'gestern', 'heute', 'weiter', 'zudem', 'außerdem', 'auch', 'dann', 'später', 'damals', 'nun', 'jetzt'],
  stopWords: [
    'am', 'im', 'in', 'auf', 'bei', 'gegenüber', 'vor', 'nach', 'heute', 'gestern', 'weiter', 'zudem', 'auch',
    'dann', 'noch', 'dazu', 'über', 'zu', 'zum', 'zur', 'mit', 'hinzu', 'an', 'fest', 'klar', 'hervor',
    'bekannt', 'fort', 'während', 'als', 'laut', 'wie', 'und', 'aber', 'jedoch', 'damals', 'später', 'dem',
    'den', 'daraufhin', 'darauf', 'hin', 'außerdem', 'ferner', 'bereits', 'schon', 'nun', 'jetzt',
  ],
  titles: {
    herr: 'm', frau: 'f', dr: null, prof: null, präsident: 'm', präsidentin: 'f', kanzler: 'm', kanzlerin: 'f',
    minister: 'm', ministerin: 'f', general: null, sprecher: 'm', sprecherin: 'f', bürgermeister: 'm',
    bürgermeisterin: 'f', senator: 'm', senatorin: 'f', direktor: 'm', direktorin: 'f', chef: 'm', chefin: 'f',
  },
  orgWords: [
    'ministerium', 'regierung', 'polizei', 'armee', 'bundeswehr', 'partei', 'gewerkschaft', 'verband', 'vereinigung', 'unternehmen',
    'konzern', 'firma', 'agentur', 'kommission', 'ausschuss', 'rat', 'gericht', 'gerichtshof', 'behörde', 'amt', 'staatsanwaltschaft',
    'botschaft', 'verein', 'stiftung', 'institut', 'universität', 'bank', 'organisation', 'kreml', 'pentagon',
    'weiße haus', 'weißen haus', 'zeitung', 'bundesregierung', 'landesregierung', 'feuerwehr',
    // Media speak as bodies ("Das staatliche Fernsehen berichtete", "das Magazin schreibt").
    'fernsehen', 'rundfunk', 'magazin', 'zeitschrift',
  ],
  unnamedWords: ['quelle', 'quellen', 'kreise', 'kreisen', 'beobachter', 'experten', 'augenzeugen', 'zeugen', 'insider', 'diplomaten'],
  nameParticles: ['von', 'van', 'de', 'der', 'des', 'zu', 'vom', 'bin', 'al'],
  reported: { pre: ['laut', 'nach aussagen von', 'nach aussagen des', 'nach aussagen der', 'nach angaben von', 'nach angaben des', 'nach angaben der', 'nach angaben', 'nach ansicht von', 'nach ansicht des', 'nach ansicht der', 'nach worten von', 'nach auffassung von', 'nach auffassung des', 'nach auffassung der', 'nach einschätzung von', 'nach einschätzung des', 'nach einschätzung der', 'nach angaben eines', 'nach angaben einer', 'nach ansicht eines', 'nach ansicht einer', 'nach auffassung eines', 'nach auffassung einer', 'nach einschätzung eines', 'nach einschätzung einer'], post: ['zufolge'] },
  nonAgents: /(?:bericht|schätzung|angaben|gesetz|verfassung|umfrage|statistik|prognose|meldung|information|plan|plän|vertrag|recht|regel)(?:e|en|n|s|es)?$/,
  capitalisesNouns: true,
  roleSuffix: deRoleSuffix,
  caseEndings: ['n', 'en', 's'],
  nounPhrase: {
    articles: 'der die das den dem des ein eine einer eines einem einen im am zum zur vom beim'.split(' '),
    // Plurals too ("Meiers Äußerungen", "Verhandlungen").
    ending: /(?:(?:ung|heit|keit|schaft|tion|tät)(?:en)?|ismus|ium|chen|lich|isch|ische[nrms]?)$/,
  },
  abbreviations: ['dr', 'prof', 'nr', 'z.b', 'bzw', 'ca', 'etc', 'vgl', 'st', 'u.a', 'sog', 'inkl', 'jan', 'feb', 'okt', 'nov', 'dez', 'mio', 'mrd'],
};
