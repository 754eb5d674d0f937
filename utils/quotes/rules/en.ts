import { englishForms, englishGerunds } from './inflect';
import type { LangData } from './types';

/** Speech verbs as "base" or "base/past" (see inflect.ts). */
const VERBS =
  'say/said tell/told add ask write/wrote note explain declare argue insist claim warn continue ' +
  'reply respond recall acknowledge admit/admitted announce confirm tweet emphasize stress observe remark ' +
  'comment testify counter concede predict complain caution promise quip/quipped joke recount conclude ' +
  'maintain contend reiterate urge vow boast lament muse exclaim retort shout yell write/wrote added ' +
  'assert/asserted report chant sing/sang';

/** English. Verb list: a high-precision subset of the GGT list (MIT, see ../LICENSES.md). */
export const en: LangData = {
  code: 'en',
  // With the mixed pairs of sloppy typography ("…” / “…").
  marks: ['“”', '""', '‘’', "''", '«»', '"”', '“"'],
  // Past forms only where the base is a common noun ("the state", "an agreement").
  verbs: englishForms(VERBS).concat(['pointed out', 'went on', 'goes on', 'wrote in', 'said in a statement', 'stated', 'agreed']),
  gerunds: englishGerunds(VERBS),
  addressed: ['tell', 'tells', 'told'],
  naming: [
    'called', 'calls', 'call', 'calling', 'dubbed', 'labeled', 'labelled', 'branded', 'nicknamed', 'described', 'describes',
    'describing', 'likened', 'likens', 'accused', 'accuses', 'accusing', 'characterized', 'termed',
  ],
  tagLinks: ['as'],
  coordinators: ['and', 'or'],
  negations: ['not', 'never', 'didn’t', "didn't", 'doesn’t', "doesn't"],
  pronouns: { he: 'm', she: 'f', they: null },
  firstPerson: ['i', 'we'],
  // Before a name, a preposition makes it no subject ("unter Robert Mugabe"): pronouns prefer others.
  prepositions: ['of', 'under', 'with', 'from', 'against', 'about', 'for', 'to', 'at', 'on', 'in', 'among', 'between', 'without', 'around', 'near', 'across', 'through', 'into', 'inside', 'outside', 'over', 'via', 'than', 'toward', 'towards', 'despite', 'amid', 'unlike'],
  locatives: ['in'],
  agentPrepositions: ['by'],
  roleNoun: /^(?!(?:former|latter|other|under|after|never|whether|rather|further|together|however|either|neither|sooner|later|current|recent|different|present|silent|patient|ancient)$)\p{Ll}{4,}(?:ist|er|or|ian|ant|ent|ee|eer|ary|ive|ect)$/u,
  orgConnectors: ['of', 'for', 'to', 'on'],
  // -ly words that are nouns or adjectives heading a phrase ("the family said") are not adverbs.
  mannerAdverb: /^(?!(?:family|assembly|ally|rally|supply|reply|anomaly|monopoly|daily|weekly|monthly|quarterly|yearly|bully|elderly|belly|jelly|lily|holly|folly|tally|gully)$)\p{Ll}{2,}ly$/u,
  that: ['that'],
  aux: ['has', 'have', 'had', 'also', 'later', 'then', 'previously', 'once', 'repeatedly', 'has also', 'had also'],
  adverbs: ['also', 'later', 'then', 'previously', 'once', 'recently', 'repeatedly', 'further', 'again', 'simply', 'flatly'],
  determiners: ['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'another', 'one'],
  leadWords: ['but', 'and', 'yet', 'so', 'still', 'however', 'meanwhile', 'later', 'instead', 'now', 'as', 'although', 'though', 'while', 'when', 'because', 'since', 'whereas', 'having'],
  relatives: ['who'],
  timeWords: ['summer', 'winter', 'spring', 'autumn', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'today', 'tonight', 'earlier', 'later', 'recently', 'also', 'then'],
  stopWords: [
    'in', 'on', 'at', 'during', 'after', 'before', 'when', 'while', 'who', 'which', 'as', 'to', 'via', 'adding',
    'citing', 'according', 'told', 'last', 'this', 'earlier', 'on', 'about', 'with', 'and', 'but', 'if', 'because',
    'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'today', 'tonight', 'that',
  ],
  titles: {
    mr: 'm', mrs: 'f', ms: 'f', miss: 'f', sir: 'm', dame: 'f', lord: 'm', lady: 'f', dr: null, prof: null,
    professor: null, sen: null, senator: null, rep: null, representative: null, gov: null, governor: null,
    gen: null, general: null, brig: null, lt: null, col: null, colonel: null, maj: null, major: null, capt: null,
    captain: null, adm: null, admiral: null, sgt: null, cpl: null, president: null, pres: null, secretary: null,
    minister: null, chairman: 'm', chairwoman: 'f', judge: null, justice: null, mayor: null, sheriff: null,
    chief: null, ambassador: null, rev: null, reverend: null, pope: 'm', king: 'm', queen: 'f', prince: 'm',
    princess: 'f', leader: null, speaker: null, attorney: null, commissioner: null, director: null,
    spokesman: 'm', spokeswoman: 'f', spokesperson: null, nominee: null, candidate: null, rival: null,
    chancellor: null, premier: null, congressman: 'm', congresswoman: 'f', officer: null, detective: null,
    sergeant: null, lieutenant: null, inspector: null, superintendent: null, ceo: null, host: null,
  },
  orgWords: [
    'ministry', 'department', 'agency', 'police', 'government', 'administration', 'office', 'company', 'party',
    'commission', 'committee', 'council', 'court', 'union', 'campaign', 'army', 'military', 'embassy', 'pentagon',
    'kremlin', 'white house', 'foundation', 'group', 'organization', 'organisation', 'institute', 'university',
    'bank', 'corporation', 'firm', 'network', 'newspaper', 'post', 'times', 'journal', 'news', 'agency', 'service',
    'bureau', 'centre', 'center', 'centers', 'institutes', 'association', 'federation', 'board', 'authority', 'senate', 'congress', 'parliament', 'state',
  ],
  unnamedWords: [
    'source', 'sources', 'official', 'officials', 'aide', 'aides', 'people', 'person', 'insiders', 'insider',
    'analysts', 'observers', 'witnesses', 'residents', 'diplomats', 'diplomat', 'someone', 'critics', 'experts',
  ],
  nameParticles: ['de', 'van', 'von', 'der', 'bin', 'al', 'da', 'di', 'del', 'la', 'le', 'du', 'st.'],
  reported: { pre: ['according to'], post: [], pronouns: { him: 'm', her: 'f' } },
  markerComma: true,
  nonAgents: /^(?:index|laws?|rules?|estimates?|standards?|definition|guidelines?|schedule|figures?|records?|calculations?|websites?)$/,
  abbreviations: ['mr', 'mrs', 'ms', 'dr', 'st', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'brig', 'maj', 'capt', 'adm', 'sgt', 'jr', 'sr', 'inc', 'co', 'corp', 'no', 'vs', 'prof', 'rev', 'jan', 'feb', 'aug', 'sept', 'oct', 'nov', 'dec', 'u.s', 'u.k', 'u.n', 'd.c', 'a.m', 'p.m'],
};
