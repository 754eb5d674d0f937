/**
 * The speaker registry: the speakers of an article as the attribution walk meets them, with alias
 * merging (a surname, then the full name), roles that refer back, and pronoun resolution over the
 * persons named so far (speakers.ts reads the phrases; this module remembers who they are).
 */

import type { Speaker } from '../types';
import type { Gender, LangData } from './rules/types';
import { addAlias, afterPreposition, type Mention, type Named } from './speakers';
import { key, lower } from './text';

export interface SpeakerRec extends Speaker {
  gender: Gender | null;
  /** Known by a role noun only ("the spokesman", "der Sprecher des Ministeriums"), no name yet. */
  roleOnly?: boolean;
  /** Where the speaker was last named: sentence index and global text offset. */
  sentence: number;
  seen: number;
  /** Last named after a preposition ("une vidéo publiée par Loopsider"): not that sentence's subject. */
  oblique?: boolean;
}

/** A person named in the text who has not spoken yet: a possible antecedent of a pronoun. */
interface Candidate extends Named {
  sentence: number;
  seen: number;
}

/** A role that refers back ("l'artiste") looks this many sentences back for its person, as a pronoun does. */
const ANAPHOR_WINDOW = 2;

/** The speakers of an article, with alias merging and pronoun resolution. */
export class Registry {
  readonly list: SpeakerRec[] = [];
  private candidates: Candidate[] = [];

  /** The speaker a mention refers to, created when new. Pronouns and unnamed sources return null. */
  resolve(m: Mention, sentence: number, seen: number): SpeakerRec | null {
    if (m.kind === 'pronoun' || m.kind === 'unnamed') return null;
    if (m.kind === 'role' && !this.find(m)) {
      // A role first written next to a name ("le commissaire européen Pierre Moscovici") is that person.
      const c = this.latestCandidate((c) => !!c.role && sameRole(c.role, m.name));
      if (c) return this.resolve({ kind: 'person', name: c.name, role: c.role, gender: c.gender ?? m.gender }, sentence, seen);
      // "l'artiste" after the singer was named: the person a pronoun would denote, if no other role is known for them.
      const fits = (x: { role?: string }) => m.anaphoric === 'description' || !x.role || sameRole(x.role, m.name);
      const person = m.anaphoric ? this.pronounTarget(m.gender, sentence, ANAPHOR_WINDOW, false, fits) : null;
      if (person) {
        addAlias(person, m.name);
        // Named here, by the role: the latest mention of that person.
        Object.assign(person, { sentence, seen, oblique: false });
        return person;
      }
    }
    const found = this.find(m);
    if (found) {
      found.sentence = sentence;
      found.seen = seen;
      found.oblique = false;
      if (m.kind === 'person') {
        if (m.name.split(' ').length > found.name.split(' ').length && m.name.endsWith(lastWord(found.name))) {
          // First seen by surname, now by full name: the full name becomes canonical.
          addAlias(found, found.name);
          found.name = m.name;
        } else if (m.name !== found.name) addAlias(found, m.name);
        if (m.role && !found.role) found.role = m.role;
        found.gender ??= m.gender;
      } else if (m.kind === 'org' && m.name !== found.name) addAlias(found, m.name);
      return found;
    }
    const rec: SpeakerRec = {
      name: m.name,
      aliases: [],
      quoteIds: [],
      gender: m.kind === 'org' ? null : m.gender,
      sentence,
      seen,
    };
    if (m.kind === 'person') {
      const role = m.role ?? this.latestCandidate((c) => lastWord(c.name) === lastWord(m.name))?.role;
      if (role) rec.role = role;
    }
    if (m.kind === 'org') rec.organisation = true;
    if (m.kind === 'role') rec.roleOnly = true;
    this.list.push(rec);
    return rec;
  }

  private find(m: Mention & { name: string }): SpeakerRec | undefined {
    const name = lower(m.name);
    const exact = this.list.find((s) => lower(s.name) === name || s.aliases.some((a) => lower(a) === name));
    if (exact || m.kind === 'org') return exact;
    if (m.kind === 'role') {
      // "le ministre" after "le ministre de l'Intérieur Gérald Darmanin": the latest speaker with that role.
      return latest(this.list.filter((s) => s.role && sameRole(s.role, m.name)));
    }
    const parts = m.name.split(' ');
    const surname = lower(parts[parts.length - 1]);
    return latest(
      this.list.filter((s) => {
        if (s.organisation) return false;
        const sp = s.name.split(' ');
        if (lower(sp[sp.length - 1]) !== surname) return false;
        // "Bill Clinton" and "Hillary Clinton" are different people; "Clinton" may be either (the latest).
        return parts.length === 1 || sp.length === 1 || lower(sp[0]) === lower(parts[0]);
      }),
    );
  }

  /** Records the speakers and full names a stretch of text mentions (keeps pronoun resolution current). */
  noteMentions(text: string, names: Named[], sentence: number, seen: number, L: LangData) {
    // A later mention by surname ("Clarke said") keeps a speaker or candidate current.
    // A role alone counts only as its whole phrase, as words ("the poem" is not met again in "poems").
    for (const s of this.candidates) if (text.includes(lastWord(s.name))) Object.assign(s, { sentence, seen });
    for (const s of this.list) {
      const at = s.roleOnly ? wordsAt(text, s.name) : [s.name, lastWord(s.name)].map((n) => text.indexOf(n)).find((i) => i >= 0) ?? -1;
      if (at >= 0) Object.assign(s, { sentence, seen, oblique: afterPreposition(text, runStart(text, at, L), L) });
    }
    for (const n of names) {
      const speaker = this.list.find((s) => lastWord(s.name) === lastWord(n.name));
      if (!speaker) this.candidates.push({ ...n, sentence, seen });
      else if (n.role && !speaker.role && !speaker.organisation) speaker.role = n.role;
    }
    if (this.candidates.length > 64) this.candidates = this.candidates.slice(-32);
  }

  /**
   * The latest speaker or named person within `window` sentences that a pronoun of this gender
   * can denote (persons of unknown gender match either pronoun).
   */
  pronounTarget(gender: Gender | null, sentence: number, window: number, orgsToo: boolean, fits: (x: { name: string; role?: string; roleOnly?: boolean }) => boolean = () => true): SpeakerRec | null {
    const near = (x: { name: string; sentence: number; role?: string; roleOnly?: boolean }) => sentence - x.sentence <= window && fits(x);
    const ok = this.list.filter((s) => near(s) && (s.organisation ? orgsToo : gender === null || s.gender === null || s.gender === gender));
    // `c` was named after `b`; of two named in one sentence, one after a preposition is no subject and comes first.
    const behind = (b: SpeakerRec, c: SpeakerRec | Candidate) => (c.sentence === b.sentence && !b.oblique !== !c.oblique ? !!b.oblique : c.seen > b.seen);
    let best: SpeakerRec | undefined;
    for (const s of ok) if (!best || !behind(s, best)) best = s;
    // The latest fitting candidate, one named after a preposition only when no other fits.
    let cand: Candidate | undefined;
    for (const c of this.candidates) {
      if (near(c) && (!gender || !c.gender || c.gender === gender) && (!cand || (!!c.oblique === !!cand.oblique ? c.seen >= cand.seen : !c.oblique))) cand = c;
    }
    // A person the text gives this pronoun's gender beats one of unknown gender ("elle": "l'avocate Anne Roux", not "Mohammed").
    const agrees = (x: { gender: Gender | null }) => !!gender && x.gender === gender;
    const surer = !!cand && !!best && agrees(cand) && !agrees(best);
    if (cand?.oblique && best && !surer) cand = undefined;
    if (cand && (!best || surer || behind(best, cand))) {
      return this.resolve({ kind: 'person', name: cand.name, gender: gender ?? cand.gender }, cand.sentence, cand.seen);
    }
    return best ?? null;
  }

  /** The full names met so far that have not spoken (the latest last). */
  namedSoFar(): string[] {
    return this.candidates.map((c) => c.name);
  }

  private latestCandidate(ok: (c: Candidate) => boolean): Candidate | undefined {
    return this.candidates.findLast(ok);
  }
}

/**
 * A role mention names the same role when one is the start of the other ("ministre de l'Intérieur",
 * "ministre"), not when they differ after the head ("député écologiste", "député LFI du Nord").
 */
const sameRole = (a: string, b: string) => {
  const [x, y] = [`${lower(a)} `, `${lower(b)} `];
  return x.startsWith(y) || y.startsWith(x);
};

function latest(list: SpeakerRec[]): SpeakerRec | undefined {
  let best: SpeakerRec | undefined;
  for (const s of list) if (!best || s.seen >= best.seen) best = s;
  return best;
}

const lastWord = (name: string) => name.slice(name.lastIndexOf(' ') + 1);
/** Where the capitalised words before `at` begin: a surname's first name ("Achraf Hakimi"), not a preposition opening the sentence ("Unlike Smith"). */
function runStart(text: string, at: number, L: LangData): number {
  for (let m; (m = /(\p{Lu}[\p{L}’'-]*)[\s\u00a0]+$/u.exec(text.slice(Math.max(0, at - 40), at))) && !L.prepositions?.includes(key(m[1])); ) at -= m[0].length;
  return at;
}

/** Where the words stand in the text as whole words, or -1. */
const wordsAt = (text: string, words: string) => {
  const at = lower(text).indexOf(lower(words));
  const edge = (c: string | undefined) => !c || !/[\p{L}\p{N}]/u.test(c);
  return at >= 0 && edge(text[at - 1]) && edge(text[at + words.length]) ? at : -1;
};
