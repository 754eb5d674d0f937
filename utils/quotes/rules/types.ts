/**
 * The per-language data the quote attributor runs on. Every language-specific fact lives in
 * a `LangData` record (rules/en.ts, fr.ts, de.ts, es.ts); the engine only reads these fields.
 */

export type Gender = 'm' | 'f';

export interface LangData {
  code: string;
  /** Subjects are left out ("Asimismo, denuncia que …", "», destacó en la radio."): the verb's speaker is the previous one. */
  dropsSubject?: boolean;
  /** A past participle: standing alone, without an auxiliary, it is an adjective ("un libro escrito por"), no verb of a tag before the quote. */
  participle?: RegExp;
  /** The gender a determiner shows ("la" f, "der" m). */
  determinerGender?: Record<string, Gender>;
  /** Nouns have grammatical gender: "il"/"elle", "er"/"sie" may stand for a body ("la police … elle"). */
  genderedNouns?: boolean;
  /**
   * Quote mark pairs as two-character strings "open+close". Listed pairs are tried in order;
   * the same character may open in one pair and close in another („“ vs “”).
   */
  marks: string[];
  /** Speech-verb forms as they appear in a tag (lower case; multi-word forms allowed). */
  verbs: string[];
  /** Speech verbs whose following noun is the addressee, never an inverted subject ("told reporters"). */
  addressed?: string[];
  /** Comparative links that may open a tag after a quote ("», comme prévenait l'OMS", "”, as Smith put it"). */
  tagLinks?: string[];
  /** Cues that tag only the quote before them ("„…“, so X"), never a quote after them ("so genannte „…“"). */
  afterOnly?: string[];
  /**
   * The shape of a verb in an inverted tag after a quote ("», sourit Victor", "”, espetó el
   * ministro"): one lower-case word of this shape right after the quote's comma (an auxiliary may
   * precede it), then a subject that ends the clause, is a tag though no verb list holds the verb.
   * `dropped`: the verbs that may stand without their subject ("», razonó."), a pronoun-drop language's.
   */
  tagVerb?: { shape: RegExp; dropped?: RegExp };
  /**
   * An anaphor opening the sentence after a quote that makes that sentence its tag ("«…». Así lo
   * explicó X"), with the space after it; the verb and subject follow.
   */
  anaphoricTag?: RegExp;
  /** A paragraph opening with a dash is speech ("—No vamos a ceder —dijo el ministro—."): interviews, dialogue. */
  dialogueDash?: boolean;
  /** Verbs whose object is the speaker ("zitiert einen Zeugen mit den Worten:"). */
  quoting?: string[];
  /**
   * What after a quote makes it the name something is called, no speech ("„Uncle Ted“, wie der
   * Senator genannt wurde", "„Christoph 29“ heißen wird", "wie sich die Junta selbst nennt").
   */
  calledAfter?: RegExp;
  /** What joins a named person to the body they speak for ("Yolanda Alvarez vom Sender RTVE", "Jan Weber von der Polizei"). */
  affiliations?: string[];
  /** The indefinite subject pronoun ("man"): after a quoting verb its object is the one quoted ("zitierte man X"). */
  indefinite?: string;
  /** Passive auxiliaries: "„…“, wird X zitiert" names X, the one quoted, as the speaker (with a `quoting` participle ending the clause). */
  passiveAux?: string[];
  /**
   * Impersonal speech ("So heißt es in dem Schreiben:", "In einem Papier heißt es,"): these verbs
   * with their dummy subject; the document or body spoken from follows `place` (a preposition and
   * its article) after or before the verb; without one the source is unnamed.
   */
  impersonal?: { verbs: string[]; dummy: string; place: RegExp };
  /** Gerunds of speech verbs ("…, saying, “…”"): the quote is the main clause's subject's. */
  gerunds?: string[];
  /** Verbs that name ("called him a “liar”"): the cue of a short quoted label after them. */
  naming?: string[];
  /** Verb forms that end a clause judging something as a quoted label ("als „falsch“ zurückgewiesen", "als „Fest“ bezeichnete"). */
  judging?: string[];
  /** Words before a label a speech verb gives ("wies sie als „haltlos“ zurück"): a one-word quote after them is a label. */
  labelLinks?: string[];
  /** What announces a quote as someone's words ("mit den Worten „…“"), ending the text before the quote. */
  wordsCue?: RegExp;
  /** First-person subject pronouns: a quote opening with one after a sentence with a named subject is that subject's; never a speaker's name ("We called it “…”"). */
  firstPerson?: string[];
  /** Subjunctive forms that carry reported speech on ("Er sei „…“"): a quote among them is the latest speaker's. */
  subjunctive?: string[];
  /** Coordinating conjunctions: "« A » et « B »" shares one tag. */
  coordinators?: string[];
  /** Negations: a negated naming verb gives no label ("nannte sie nicht „Gesindel“"). */
  negations: string[];
  /** Pronoun → gender (null: either). */
  pronouns: Record<string, Gender | null>;
  /** Lower-case words inside organisation names after their noun ("Department of Justice"). */
  orgConnectors?: string[];
  /** A lower-case job noun right before a name is its role ("planetary geologist Rosaly Lopes"). */
  roleNoun?: RegExp;
  /**
   * Singular definite and demonstrative determiners (with the elided "l'"): before a title or job
   * noun ("l'artiste", "le chef de l'État") whose holder no apposition names, they refer back to a
   * person the article named, resolved as a pronoun is.
   */
  anaphoricDeterminers?: string[];
  /**
   * Demonstratives: before a title, a job noun or a noun for a person (`personNouns`: "este hombre
   * de 76 años") they refer back to the person named before, whatever role that person was given.
   */
  demonstratives?: string[];
  /** Nouns for a person that are no job ("hombre", "vecina"). */
  personNouns?: string[];
  /** Answer verbs ("contestó") and question verbs ("preguntó"): who answers is not who asked (tags/answer.ts). */
  answers?: string[];
  asks?: string[];
  /**
   * Every noun is capitalised and compounds are one word (German): a capitalised word is no sign
   * of a name (two capitalised words are none by that alone), a title-case quote is no title, a
   * body or role noun may end a compound ("Innenministerium"), and a lower-case adjective may sit
   * between an article and its noun in a speaker phrase ("der Sprecher des bayerischen Ministeriums").
   */
  capitalisesNouns?: boolean;
  /** Adjectives follow their noun ("ministère des Affaires étrangères"): a body's name may end with one. */
  adjectivesFollow?: boolean;
  /** Role nouns known by their ending, compounds included ("Polizeisprecher", "Bundeskanzlerin"). */
  roleSuffix?: RegExp;
  /** Endings a declined noun takes ("dem Finanzexperten", "des Präsidenten", "des Ministers"): a role noun with one still ends the words before a name. */
  caseEndings?: string[];
  /**
   * Where nouns are capitalised, what keeps a capitalised run from being a name: an article before
   * it ("der Deutschen Bank"), a noun ending in it ("Regierung", "Politik").
   */
  nounPhrase?: { articles: string[]; ending: RegExp };
  /** A manner adverb ending a subject phrase ("Brooke tearfully" asked, "the state incorrectly" stated): no part of it. */
  mannerAdverb?: RegExp;
  /** Prepositions: a name after one ("under Robert Mugabe") is no antecedent a pronoun prefers. */
  prepositions?: string[];
  /** The preposition of a passive's agent ("a survey by Penelope Muse Abernathy"): a long run of names after it is one name. */
  agentPrepositions?: string[];
  /** Prepositions of place ("à Khan Younès", "in Ohio"): a name written after one is a place, not a speaker. */
  locatives?: string[];
  /**
   * Pronouns that are only ever subjects: right after the verb they are its subject whatever
   * stands before it (German V2: "Den Plan bezeichnete er als „…“").
   */
  subjectPronouns?: string[];
  /** Particles that may follow an inverted tag's subject (German "teilte X mit"). */
  particles?: string[];
  /** "that" complementisers. */
  that: string[];
  /** Conjunctions made of a cue and "that" ("so dass"): never a said-that tag. */
  conjunctions?: string[];
  /** Object pronouns that may stand before a tag's verb after the quote ("», lui reproche X", "», leur lance X"). */
  clitics?: string[];
  /** Auxiliaries and adverbs allowed between subject and participle ("has said", "a notamment déclaré"). */
  aux: string[];
  /** Words that may sit between the auxiliary and the participle. */
  adverbs: string[];
  /** Determiners and possessives stripped from the front of a speaker phrase. */
  determiners: string[];
  /** Sentence-initial conjunctions and adverbs stripped from a subject phrase. */
  leadWords: string[];
  /** Relative pronouns: "X, who said" has X as its subject. */
  relatives: string[];
  /** Time words that may sit between a verb and its subject ("a assuré lundi le ministre"). */
  timeWords: string[];
  /** Words that end a speaker phrase (start of an adjunct: "in a statement", "lors d'un"). */
  stopWords: string[];
  /** Honorifics and ranks stripped from names, with the gender they imply (null: none). */
  titles: Record<string, Gender | null>;
  /** Head nouns that make a phrase an organisation ("ministry", "ministère"). */
  orgWords: string[];
  /** Head nouns of unnamed sources ("sources", "officials"). */
  unnamedWords: string[];
  /** Lower-case name particles allowed inside a name ("de", "van", "bin"). */
  nameParticles: string[];
  /**
   * Reported-speech markers. `pre`: the marker precedes the source ("according to X");
   * `post`: it follows it ("X zufolge").
   */
  reported: {
    pre: string[];
    post: string[];
    /** Singular object pronouns that may be the source ("selon elle", "according to him"), with their gender. */
    pronouns?: Record<string, Gender>;
  };
  /**
   * The marker and its source are set off by commas. `true`: a marker inside a sentence reports
   * speech only after a comma ("…, according to Scott"); without one it means "in accordance with"
   * ("overweight according to his body mass index"). `'unnamed'`: without a comma, a source that
   * names nobody is a criterion ("classés selon la source"), a named one still speaks ("des alliés
   * selon le naturopathe"). Either way a sentence-opening source runs to its comma.
   */
  markerComma?: boolean | 'unnamed';
  /** Head nouns of reported-speech sources that do not speak (documents, rules, estimates). */
  nonAgents?: RegExp;
  /** Sentence-final abbreviations that do not end a sentence ("Mr.", "Gen."). */
  abbreviations: string[];
}
