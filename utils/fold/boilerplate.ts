/**
 * Page furniture left in Readability's output: skip links, "Read more" lines and their link
 * lists, share/follow/newsletter boxes, ad labels, comment counters, "Latest" lists, cookie
 * notices, repeated bylines and timestamps, author bios, credit-only lines and calls to action.
 *
 * Text patterns (en, fr, de, es, it) with length bounds, and structural signals (the hints
 * marked before Readability ran, link density, the block's place before or after the prose).
 * A pattern alone folds only short lines whose whole text is the furniture; prose that merely
 * mentions "subscribe" or "comments" is never folded. Running prose (see prose.ts) is folded
 * only before or after the article's prose, and only for what its own words say (a cookie
 * notice, an author bio, a newsletter call): never for a hint or its links.
 */
import type { Block, FoldCode, FoldReason } from '../types';
import type { Hint } from '../extract/signals';
import { plainWords, sentences, wordCount } from './normalise';
import { isRunningProse } from './prose';
import { isAccountNotice, isBreadcrumb, isOwnAddress, isSameSiteLinkList, isSiteLinkPromo } from './structure';

export interface BoilerplateFold {
  reason: FoldReason;
  code: Exclude<FoldCode, 'headline' | 'repeat' | 'image' | 'user-rule'>;
  detail: string;
}

/** Where a block sits relative to the article's prose. */
export interface Position {
  /** Before the first prose paragraph, or after the last one. */
  edge: boolean;
  /** Before the first prose paragraph. */
  beforeProse: boolean;
  /** One of the last two text blocks of the body. */
  last: boolean;
  /**
   * The nearest text block before or after it, past lines that are wholly links, ends like a
   * sentence or a label ("More:"): it stands in the text, not among a table's cells.
   */
  inText: boolean;
}

type Rule = { reason: FoldReason; detail: string; pattern: RegExp; maxWords: number; label?: true };

// Patterns match normalised text: lower case, no diacritics, punctuation as single spaces.
const WHOLE_LINE: Rule[] = [
  {
    reason: 'boilerplate:skip-link',
    detail: 'skip link',
    pattern: /^(skip|jump) to (main )?(content|navigation|article)$|^(aller|passer|acceder) (directement )?au contenu( principal)?$|^(zum|direkt zum) (haupt)?inhalt( springen)?$|^(saltar|ir) al contenido( principal)?$|^(vai|salta|passa) al contenuto( principale)?$/,
    maxWords: 6,
  },
  {
    reason: 'boilerplate:ad',
    detail: 'advertisement label',
    pattern: /^(advertisement|advertising|advert|sponsored( content)?|paid (content|post)|publicite|annonce|contenu sponsorise|anzeige|werbung|publicidad|anuncio|contenido patrocinado|pubblicita|contenuto sponsorizzato|(article|story) continues (below|after (this )?advertisement)( this advertisement)?|continue reading (the main story|below)|scroll to continue( with content)?)$/,
    maxWords: 8,
  },
  {
    reason: 'boilerplate:comments',
    detail: 'comment counter',
    pattern: /^(\d+ )?(comments?|commentaires?|reactions?|kommentare?|comentarios?|commenti)( \d+)?$|^(leave|post|add|write) a (comment|reply)$|^(view|show|read|see) (all )?(\d+ )?comments$|^(laisser|ecrire|ajouter) un commentaire$|^(reagir|reagissez)( a cet article)?$|^connectez vous pour (reagir|commenter)( a cet article)?$|^(log|sign) in to (comment|reply)$|^join the (conversation|discussion)$|^(kommentieren|kommentar schreiben)$|^(deja|dejar) (un|tu) comentario$|^(lascia|scrivi) un commento$/,
    maxWords: 8,
  },
  {
    reason: 'boilerplate:latest',
    detail: 'latest / most read heading',
    label: true,
    pattern: /^(the )?(latest|latest (news|stories|articles|headlines)|most (read|popular|viewed|shared)|trending( now| stories)?|top stories|popular (now|stories)|dernier|derniers|dernieres|derniers articles|dernieres (infos|actualites|nouvelles)|a la une|les plus lus|les plus (partages|commentes)|neueste|neueste artikel|meistgelesen|meistgelesene artikel|am meisten gelesen|lo mas leido|lo ultimo|ultimas noticias|i piu letti|ultime notizie|ultim ora)$/,
    maxWords: 5,
  },
  {
    reason: 'boilerplate:related',
    detail: 'related links heading',
    label: true,
    pattern: /^(read more|read also|read next|see also)|^(related|related (articles|stories|content|coverage|links|posts|topics|reading|news)|don t miss|more( \w+){0,2} stories|ne manquez pas|nicht verpassen|no te pierdas|da non perdere|more (on|about) this( story| topic)?|more from|more stories|you (may|might) (also )?like|recommended( for you| stories)?|further reading|also read|also on|what to read next)$|^(a )?lire (aussi|egalement|la suite)$|^voir aussi$|^sur le meme sujet$|^lesen sie (auch|mehr)$|^mehr zum thema$|^das konnte sie (auch )?interessieren$|^auch interessant$|^weitere artikel$|^lee (tambien|mas)$|^leer mas$|^te puede interesar$|^mas informacion$|^noticias relacionadas$|^leggi (anche|tutto)$|^potrebbe interessarti( anche)?$|^articoli correlati$/,
    maxWords: 6,
  },
  {
    reason: 'boilerplate:share',
    detail: 'share buttons',
    // Share words, perhaps with counters; at least one word (a bare number is not a share bar).
    pattern: /^(?=.*[a-z])((share|sharing|share this( article| story| page)?|share on|partager|partagez|partager sur|tweet|tweeter|teilen|compartir|condividi|email|e mail|mail|print|imprimer|drucken|imprimir|stampa|facebook|twitter|x|whatsapp|linkedin|pinterest|reddit|flipboard|telegram|messenger|order reprints|reprints|print article|print this (article|page)|copy link|copy|link|copier le lien|link kopieren|envoyer par e mail|per e mail (senden|teilen)|save|sauvegarder|merken|guardar|salva|comments?|\d+)( |$))+$/,
    maxWords: 16,
  },
  {
    reason: 'boilerplate:share',
    detail: 'follow us',
    pattern: /^(follow|like) us( on [\w ]+)?$|^suivez nous( sur [\w ]+)?$|^folgen sie uns( auf [\w ]+)?$|^siguenos( en [\w ]+)?$|^seguici( su [\w ]+)?$|^follow( [\w@]+)? on (twitter|facebook|instagram|linkedin)$/,
    maxWords: 10,
  },
  {
    reason: 'boilerplate:cta',
    detail: 'call to action',
    pattern: /^(like|enjoy|enjoyed|liked) this (story|article|post)|^(download|get) (the|our) (\w+ )?app|^telechargez (l|notre) application|^(sign up|subscribe|register)( now| today| here)?( for| to)? |^(inscrivez vous|abonnez vous)|^(jetzt )?(abonnieren|registrieren)|^(suscribete|registrate)|^(iscriviti|abbonati)|^do you rely on .* (support|donate)|^(support|donate to) (our|us)/,
    maxWords: 30,
  },
  {
    reason: 'boilerplate:cta',
    detail: 'call to action',
    // "Click here to …" as a short line of its own.
    pattern: /^(click|tap) here( to| for)? |^cliquez ici |^hier klicken |^(haz|haga) clic aqui |^clicca qui /,
    maxWords: 8,
  },
  {
    reason: 'boilerplate:byline',
    detail: 'byline or timestamp',
    pattern: /^(published|posted|updated|last updated|modified|publie|mis a jour|modifie|actualise|veroffentlicht|aktualisiert|publicado|actualizado|pubblicato|aggiornato)( le| on| am| el| il| at)? .{0,60}$|^(by|par|von|por|di|da|text|texte|texto|testo|текст)( [\p{L}.'-]+){1,5}( [-|·•,] .{0,40})?$/u,
    maxWords: 14,
  },
  {
    reason: 'boilerplate:credit',
    detail: 'photo credit',
    pattern: /^(photo|photos|image|images|picture|pictures|credit|credits|credit photo|foto|fotos|bild|bilder|illustration|video|source)( (by|de|von|di|par|de))?( [\p{L}\p{N}.&'/-]+){1,8}$/u,
    maxWords: 10,
  },
  {
    reason: 'boilerplate:credit',
    detail: 'caption control',
    pattern: /^(caption|hide caption|show caption|toggle caption|close|expand|enlarge( this)? image|image \d+ (of|sur|von|de|di) \d+)$/,
    maxWords: 5,
  },
  {
    reason: 'boilerplate:ad',
    detail: 'affiliate disclosure',
    pattern: /\baffiliate (links?|commission|partnerships?)\b|\bliens (affilies|d affiliation)\b|\baffiliate links\b/,
    maxWords: 40,
  },
  {
    reason: 'boilerplate:cookie',
    detail: 'cookie notice',
    pattern: /\b(cookies?)\b.*\b(use|uses|using|accept|consent|utilise|utilisons|utilisation|accepter|verwendet|verwenden|akzeptieren|utiliza|utilizamos|aceptar|utilizza|utilizziamo|accetta)\b|\b(we|this site|this website) uses? cookies\b/,
    maxWords: 80,
  },
];

/** A related-link label opening a line, on the raw text: it must be followed by a colon or a dash. */
const RELATED_LABEL =
  /^\s*(read more|read also|also read|see also|see more|don'?t miss|lire aussi|à lire aussi|a lire aussi|lire également|voir aussi|voir également|à voir aussi|lesen sie auch|lesen sie mehr|mehr zum thema|auch interessant|siehe auch|lee también|lea también|leer más|ver también|te puede interesar|leggi anche|leggi tutto|vedi anche|potrebbe interessarti)\s*[:：»›|–—-]/iu;

const GENERIC_LABEL = /^\s*(related|more|watch|listen|video|also|plus|mehr|ver|guarda)\s*[:：»›|–—-]/iu;

const TAGS_LABEL = /^(tags|topics|related topics|filed under|keywords|mots cles|themes|sujets|schlagworte|schlagwörter|themen|etiquetas|temas|argomenti|tag)\b/;

/** A caption-only paragraph: it ends with its photo credit in brackets. */
const CAPTION_CREDIT =
  /\((?:[^()]*\b(?:photo|foto|image|picture|credit|crédit|bild|getty|reuters|afp|ap|epa|shutterstock|alamy|photo library|file)\b[^()]*)\)\s*$/iu;


/** "Jane Doe is a staff writer at …", "… est journaliste", "… ist Redakteurin", at the end of a body. */
const AUTHOR_BIO =
  /^(\p{Lu}[\p{L}.'-]+ ){1,3}(is|was|est|ist|es|è) (an? |the |un |une |der |die |el |la |il |l')?([\p{L}-]+ ){0,4}(writer|reporter|editor|correspondent|journalist|author|contributor|columnist|producer|freelancer|journaliste|redakteur|redakteurin|autor|autorin|periodista|giornalista|redattore|redattrice)\b/u;

/** A sentence opening with a newsletter, membership, app or social call; at the edges of the body only. */
const PROMOTION =
  /^((you can )?(also )?)(sign up|subscribe|join our|join us|become a (member|subscriber)|get access|follow (us|him|her|them)\b|follow [a-z0-9]+ on (twitter|facebook|instagram)|download (the|our) app|support (our|us)|s abonner|abonnez vous|inscrivez vous|suivez nous|folgen sie|abonnieren sie|suscribete|siguenos|iscriviti|seguici)\b/;

/** Words a date or time line may hold besides numbers (normalised: no accents, lower case). */
const DATE_WORDS = new Set(
  (
    'jan january feb february mar march apr april may jun june jul july aug august sep sept september oct october nov november dec december ' +
    'janv janvier fev fevr fevrier mars avr avril mai juin juil juillet aout septembre octobre novembre decembre ' +
    'januar februar marz juni juli oktober dezember ' +
    'enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre ' +
    'gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre ' +
    'mon monday tue tues tuesday wed wednesday thu thur thurs thursday fri friday sat saturday sun sunday ' +
    'lundi mardi mercredi jeudi vendredi samedi dimanche montag dienstag mittwoch donnerstag freitag samstag sonntag ' +
    'lunes martes miercoles jueves viernes sabado domingo lunedi martedi mercoledi giovedi venerdi sabato ' +
    'am pm h et est edt ct cst cdt pt pst pdt gmt utc cet cest ist bst aest ' +
    'a at on le el il am um de del di of the uhr ore updated published posted mis jour publie aktualisiert actualizado aggiornato'
  ).split(' '),
);

/** A line made only of a date and/or a time ("Nov. 20, 2019 5:52 AM EST", "13 juillet 2024 à 09h30"). */
function isDateLine(normalised: string): boolean {
  const words = normalised.split(' ');
  if (!words.some((w) => /\d/.test(w))) return false;
  return words.every((w) => DATE_WORDS.has(w) || /^\d{1,4}(h\d{0,2}|th|st|nd|rd|er|e)?$/.test(w));
}

/** Clutter hints that fold a short or link-dense block on their own. */
const HINT_FOLDS: [Hint, BoilerplateFold['reason'], string][] = [
  ['share', 'boilerplate:share', 'share and follow box'],
  ['related', 'boilerplate:related', 'related links'],
  ['ad', 'boilerplate:ad', 'advertisement'],
  ['comments', 'boilerplate:comments', 'comments'],
  ['newsletter', 'boilerplate:cta', 'newsletter sign-up'],
  ['latest', 'boilerplate:latest', 'latest / most read'],
  ['cookie', 'boilerplate:cookie', 'cookie notice'],
  ['nav', 'boilerplate:navigation', 'navigation'],
  ['tags', 'boilerplate:navigation', 'topic tags'],
  ['bio', 'boilerplate:bio', 'about the author'],
  ['byline', 'boilerplate:byline', 'byline and date'],
  ['caption', 'boilerplate:caption', 'photo caption'],
  ['hidden', 'boilerplate:hidden', 'hidden on the page'],
  ['aside', 'boilerplate:related', 'sidebar'],
  ['footer', 'boilerplate:navigation', 'page footer'],
];

/** What the page says about itself. */
export interface PageContext {
  /** The headline: a promotion naming it is the article's own (a newsletter issue's sign-up line). */
  title: string;
  /** The byline: a body line repeating it is folded, and so is a line after the prose opening with it (a bio). */
  byline: string | null;
  /**
   * The page's own addresses, its URL first (then its canonical link, og:url): a line printing
   * one is folded, and a paragraph wholly linking to another page of the first one's site is a
   * promoted story.
   */
  addresses?: readonly string[];
}

/** Why `block` is page furniture, or null. */
export function boilerplateOf(block: Block, position: Position, page: PageContext): BoilerplateFold | null {
  const { byline } = page;
  if (block.type === 'figure' || block.type === 'image' || block.type === 'code' || block.type === 'table') return null;
  const text = plainWords(block.text);
  if (!text) return null;
  const words = wordCount(text);
  const lines = block.text.split('\n').length;

  const density = block.signals?.linkDensity ?? 0;
  // What the block's links say, in any language.
  if (position.beforeProse && isBreadcrumb(block)) return { reason: 'boilerplate:navigation', code: 'breadcrumb', detail: 'breadcrumb' };
  if (isAccountNotice(block)) return { reason: 'boilerplate:cta', code: 'notice', detail: 'sign-in or subscription notice' };
  if (isSameSiteLinkList(block)) return { reason: 'boilerplate:related', code: 'links', detail: 'list of links to the same site' };
  const addresses = page.addresses ?? [];
  if (position.inText && isSiteLinkPromo(block, addresses[0] ?? null)) return { reason: 'boilerplate:related', code: 'promo', detail: 'link to another story of the site' };
  if (isOwnAddress(block, addresses)) return { reason: 'boilerplate:share', code: 'text', detail: "the page's own address" };
  // Running prose (two sentences, or 25 words with few links) is never furniture,
  // inside the article or at its edges, whatever its words or marks say: a newsletter call or a
  // bio of two sentences stays (issue 16: no fold may cost the reader a unique passage).
  if (isRunningProse(block)) return null;
  // A closing line opening with the author's name, in any language: a short bio ("Jane Doe is
  // our deals editor."), even as the last paragraph of all.
  const closing = !position.beforeProse && (position.edge || position.last);
  if (closing && block.type === 'paragraph' && words >= BIO_MIN_WORDS && words <= BIO_WORDS && SENTENCE_ENDS.test(block.text) && opensWithByline(text, byline)) {
    return { reason: 'boilerplate:bio', code: 'text', detail: 'about the author' };
  }
  for (const rule of WHOLE_LINE) {
    if (words <= rule.maxWords && rule.pattern.test(text)) return { reason: rule.reason, code: rule.label ? 'label' : 'text', detail: rule.detail };
  }
  // "Read more: <a linked headline>", "Lire aussi : …": a label with a colon, then a title.
  if (words <= 30 && RELATED_LABEL.test(block.text) && (density >= 0.4 || words <= 8 || position.edge)) {
    return { reason: 'boilerplate:related', code: 'text', detail: 'related link' };
  }
  // Generic labels ("More:", "Watch:", "Related:") only with a linked title after them.
  if (words <= 30 && GENERIC_LABEL.test(block.text) && density >= 0.4) {
    return { reason: 'boilerplate:related', code: 'text', detail: 'related link' };
  }
  if (words <= 14 && isDateLine(text)) {
    return { reason: 'boilerplate:byline', code: 'text', detail: 'timestamp' };
  }
  if (byline && words <= 20 && repeatsByline(text, plainWords(byline))) {
    return { reason: 'boilerplate:byline', code: 'text', detail: 'repeats the byline' };
  }

  const hints = block.signals?.hints ?? [];
  // Under a clutter hint: short lines, link lists and link-dense blocks.
  if (hints.length > 0) {
    for (const [hint, reason, detail] of HINT_FOLDS) if (hints.includes(hint)) return { reason, code: 'hint', detail };
  }
  // Lines of linked headlines: related articles. A paragraph of them is never the article's own
  // text; a list may be (shopping links, sources), so only before or after the prose unless it
  // is three or more lines of nothing but links.
  const shortLines = words / lines <= 15;
  const links = block.signals?.links ?? 0;
  const anywhere = (block.type === 'paragraph' && links >= 2) || (lines >= 3 && density >= 0.9);
  if (lines >= 2 && links >= 2 && shortLines && density >= 0.7 && (anywhere || position.edge)) {
    return { reason: 'boilerplate:related', code: 'links', detail: 'list of links' };
  }
  if (words <= 60 && TAGS_LABEL.test(text) && (density >= 0.5 || (words <= 12 && /:/.test(block.text)))) {
    return { reason: 'boilerplate:navigation', code: 'text', detail: 'topic tags' };
  }
  if (CAPTION_CREDIT.test(block.text)) return { reason: 'boilerplate:credit', code: 'text', detail: 'photo caption' };
  // The first or last lines of the body: promotion, newsletter and social calls, author bios.
  if (position.edge || position.last) {
    if (words <= BIO_WORDS && AUTHOR_BIO.test(block.text)) return { reason: 'boilerplate:bio', code: 'text', detail: 'about the author' };
    if (block.type === 'paragraph' && words <= 60 && sentences(block.text).some((s) => PROMOTION.test(s)) && !quotesHeadline(text, page.title)) {
      return { reason: 'boilerplate:cta', code: 'text', detail: 'promotion' };
    }
  }
  return null;
}

/** An author's bio is sentences, from BIO_MIN_WORDS to BIO_WORDS words (not a line naming a product of the author's firm). */
const BIO_MIN_WORDS = 8;
const BIO_WORDS = 80;
const SENTENCE_ENDS = /[.!?…]["'»”’)\]]*\s*$/u;

/** Words in a row of the headline that make a line name the article itself. */
const HEADLINE_RUN = 5;

/**
 * The line names the article: it holds HEADLINE_RUN words in a row of the headline ("subscribe
 * to this newsletter: tick '10 Things in Tech You Need to Know'" in that newsletter's issue).
 */
function quotesHeadline(text: string, title: string): boolean {
  const words = plainWords(title).split(' ');
  for (let i = 0; i + HEADLINE_RUN <= words.length; i++) {
    if (` ${text} `.includes(` ${words.slice(i, i + HEADLINE_RUN).join(' ')} `)) return true;
  }
  return false;
}

/** The line opens with the author's name as the byline gives it ("Jane Doe is…", "Jane Doe's book…"). */
function opensWithByline(text: string, byline: string | null): boolean {
  const name = plainWords(byline ?? '');
  return !!name && text.startsWith(`${name} `);
}

/** The byline itself, "By <byline>", or the byline with a date beside it. */
function repeatsByline(text: string, byline: string): boolean {
  if (!byline) return false;
  const stripped = text.replace(BY_WORD, '');
  if (stripped === byline) return true;
  if (!stripped.startsWith(byline) && !stripped.endsWith(byline)) return false;
  const rest = stripped.replace(byline, '').trim();
  return wordCount(rest) <= 8 && isDateLine(rest);
}

const BY_WORD = /^(by|par|von|por|di|da|written by|ecrit par) /;

/**
 * A heading or label that introduces a list of links ("Lire aussi:", "Most read"): the list
 * right after it is folded with it.
 */
export function introducesLinks(fold: BoilerplateFold | null): boolean {
  return !!fold && (fold.reason === 'boilerplate:related' || fold.reason === 'boilerplate:latest');
}

/** A fold of a line that is only a label ("Read more", "Latest news"), naming nothing itself. */
export function isLabel(fold: BoilerplateFold): boolean {
  return fold.code === 'label';
}
