/** The subject of a clause: the one a sentence opens with, or the one ending the text before a verb. */

import type { Context } from '../context';
import { analyzePhrase, type Mention, stripDeterminer } from '../speakers';
import { isUpper } from '../text';

/** A party-and-state tag in apposition ("R-Neb.", "D-N.Y."). */
const PARTY_TAG = /^\p{Lu}[\p{L}]*[-.][\p{L}.-]*$/u;

/**
 * The subject a sentence opens with, past a short adverbial ending in a comma ("Lundi 6 mai,
 * Sebastian Kurz, …"): a pronoun, or a named person (its capitalised words before the first
 * lower-case one; a surname alone only for a speaker or a full name already met).
 */
export function openingSubject(ctx: Context, sentence: string, orgs: boolean | 'any' = false): Mention | null {
  const all = sentence.trim().split(/[\s\u00a0\u202f]+/);
  const comma = all.findIndex((w) => /[,:]$/.test(w));
  const v2 = invertedSubject(ctx, all);
  for (const words of [all, ...(comma >= 0 && comma < 5 ? [all.slice(comma + 1)] : []), ...(v2 ? [all.slice(v2)] : [])]) {
    while (words.length && ctx.L.leadWords.includes(words[0].toLowerCase())) words.shift();
    // A sentence opening with an adverbial ("With Democratic turnout …") has its subject further on.
    if (!words.length || ctx.L.stopWords.includes(words[0].toLowerCase())) continue;
    const w = words[0].toLowerCase();
    if (Object.hasOwn(ctx.L.pronouns, w)) return { kind: 'pronoun', gender: ctx.L.pronouns[w] };
    const phrase: string[] = [];
    for (const w of words) {
      // Lower-case adjectives between an article and its capitalised noun ("Der italienische Innenminister").
      const adjective = !!ctx.L.capitalisesNouns && phrase.length > 0 && phrase.every((p) => !isUpper(p[0]) || ctx.L.determiners.includes(p.toLowerCase()));
      if (!isUpper(w[0]) && !ctx.L.determiners.includes(w.toLowerCase()) && !adjective) break;
      phrase.push(w);
      if (/[,;:]$/.test(w)) break;
    }
    if (!phrase.length || phrase.length === words.length) continue;
    const mention = analyzePhrase(phrase.join(' '), ctx.L);
    // An organisation right before a speech verb opens the sentence as its subject ("Die CCE bestätigte … und nannte sie „…“").
    if (orgs && mention?.kind === 'org' && (orgs === 'any' || ctx.P.cues.find(words[phrase.length]).length)) return mention;
    // A role noun opening a sentence with a speech verb or a colon ("Chinesische Politiker haben … angekündigt, man werde …").
    if (orgs && mention?.kind === 'role') return mention;
    if (mention?.kind !== 'person') continue;
    const known = mention.name.includes(' ') || ctx.registry.list.some((s) => !s.organisation && s.name.endsWith(mention.name)) || ctx.registry.namedSoFar().some((n) => n.endsWith(` ${mention.name}`));
    if (known) return mention;
  }
  return null;
}

/**
 * Where the subject's words start when German puts it after the finite verb, an adverb or a
 * prepositional phrase opening the sentence ("Hier sparte der Präsident nicht mit Kritik:", "In
 * der ARD zeigte sich der Trainer zufrieden:"): the verb is the first lower-case word after the
 * opening adverb or after a noun, no article nor preposition; reflexives and adverbs after it are
 * passed; the subject opens with an article or a capital.
 */
function invertedSubject(ctx: Context, all: string[]): number {
  const L = ctx.L;
  if (!L.capitalisesNouns || all.length < 4) return 0;
  const low = all.map((w) => w.toLowerCase());
  const linking = (w: string) => L.determiners.includes(w) || !!L.prepositions?.includes(w) || L.stopWords.includes(w);
  const opener = L.prepositions?.includes(low[0]);
  for (let i = 1; i < all.length - 1 && (i === 1 || opener); i++) {
    if (/[,;:]$/.test(all[i - 1])) return 0;
    if (isUpper(all[i][0]) || linking(low[i])) continue;
    // An adjective after the article or the preposition ("Zur aktuellen Lage …").
    if (opener && linking(low[i - 1])) continue;
    if (i > 1 && !isUpper(all[i - 1][0])) return 0;
    let j = i + 1;
    while (j < all.length - 1 && L.adverbs.includes(low[j])) j++;
    return L.determiners.includes(low[j]) || isUpper(all[j][0]) ? j : 0;
  }
  return 0;
}

/**
 * "Zippy Duvall, the president of the American Farm Bureau," / "Sen. Ben Sasse, R-Neb.," /
 * "Prince Andrew, the brother of the heir, Charles,": a name, then appositions — parts opening
 * with a determiner, a party-and-state tag, or the single name an apposition ends on. The name
 * is the subject, the first apposition its role.
 */
function appositionHead(ctx: Context, raw: string[]): Mention | null {
  const L = ctx.L;
  const parts = raw.map((p) => p.replace(/[\s\u00a0\u202f,;:]+$/, ''));
  const apposition = (p: string) => L.determiners.includes(p.split(/[\s\u00a0\u202f]+/)[0].toLowerCase()) || PARTY_TAG.test(p);
  for (let i = parts.length - 2; i >= Math.max(0, parts.length - 4); i--) {
    if (!apposition(parts[i + 1])) continue;
    const tail = parts.slice(i + 2);
    if (!tail.every((p, k) => apposition(p) || (k === tail.length - 1 && /^\p{Lu}\p{Ll}+$/u.test(p)))) continue;
    const words = parts[i].trim().split(/[\s\u00a0\u202f]+/);
    // Only a name: capitalised words (and particles), no clause ("In Paris", "Asked by Trump").
    if (!words.every((w) => isUpper(w[0]) || L.nameParticles.includes(w.toLowerCase())) || L.stopWords.concat(L.leadWords).includes(words[0].toLowerCase())) continue;
    const m = analyzePhrase(parts[i], L);
    if (m?.kind === 'person') return { ...m, role: m.role ?? (PARTY_TAG.test(parts[i + 1]) ? undefined : stripDeterminer(parts[i + 1], L)) };
  }
  return null;
}

/** The subject phrase ending a text: its last comma-separated part, or "Name, role" parts. */
export function leftSubject(ctx: Context, left: string): Mention | null {
  // Commas and parenthetical dashes ("… ― as was true for years ― Trump boasted") end phrases.
  const parts = left.trim().split(/(?:,|[\s\u00a0\u202f][―—–])[\s\u00a0\u202f]+/);
  // "Rima Abdul Malak, qui s'est dite": the relative pronoun's antecedent is the subject.
  // "Una portavoz del ministerio, que dirige X, asegura", "Günther Platter, der Minister Österreichs,
  // der den Rat leitet, sagte": a relative clause set off by commas qualifies the subject before it;
  // the names inside it are its objects. A relative pronoun that is an article too (German "der")
  // opens one only when a lower-case verb ends the clause, not an apposition.
  const relative = (p: string) => {
    const w = p.trim().split(/[\s\u00a0\u202f]+/);
    const pronoun = w[0].toLowerCase();
    return ctx.L.relatives.includes(pronoun) && (w.length === 1 || !ctx.L.determiners.includes(pronoun) || (w.length > 2 && !isUpper(w[w.length - 1][0])));
  };
  while (parts.length > 1 && relative(parts[parts.length - 1])) parts.pop();
  // "El ministro, por su parte, aseguró": a connective of several words set off by commas.
  const connective = (p: string) => p.trim().includes(' ') && ctx.L.leadWords.includes(p.trim().replace(/,$/, '').toLowerCase());
  while (parts.length > 1 && connective(parts[parts.length - 1])) parts.pop();
  // "The victim's mother testified, describing her as “…”": the part before the comma is a clause
  // with its own speech verb; its subject is the one before that verb, not the whole clause.
  const tail = parts[parts.length - 1];
  const verb = ctx.P.cues.last(tail, ['speech']);
  if (verb && verb.index > 0) {
    const subject = leftSubject(ctx, [...parts.slice(0, -1), tail.slice(0, verb.index)].join(', '));
    if (subject) return subject;
  }
  const head = appositionHead(ctx, parts);
  if (head) return head;
  const last = analyzePhrase(tail, ctx.L);
  if (last && last.kind !== 'role') return last;
  // "John Kline, ein Repräsentant aus Minnesota," / "X, Y, qui": a name and its apposition.
  for (const pair of [parts.slice(-2), parts.slice(-3, -1)]) {
    const m = pair.length === 2 ? analyzePhrase(pair.join(', '), ctx.L) : null;
    if (m?.kind === 'person') return m;
  }
  return last;
}
