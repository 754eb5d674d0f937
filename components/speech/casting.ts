/**
 * Which voice says what. The narrator: the reader's remembered voice for the article's
 * language, else the system's default for it, else its first. Quoted speakers (see plan.ts)
 * get the language's other voices in turn, by order of first quote, so the same speaker keeps
 * the same voice all along; when there are more speakers than voices, the pitch tells apart
 * speakers who share one. Pure: voice descriptions in, choices out.
 */
import type { VoiceInfo } from './voices';

export function narratorVoice<V extends VoiceInfo>(candidates: readonly V[], remembered?: string): V | null {
  return candidates.find((v) => v.voiceURI === remembered) ?? candidates[0] ?? null;
}

export interface Voicing<V extends VoiceInfo = VoiceInfo> {
  voice: V;
  pitch: number;
}

/** Pitches for speakers who share a voice: the first keeps the voice's own. */
const PITCHES = [1, 0.8, 1.25, 0.9, 1.1] as const;

/**
 * Voices for `speakers` (in casting order) among `candidates` other than the narrator's.
 * Empty when the language has a single voice: everything is then read by the narrator.
 */
export function castSpeakers<V extends VoiceInfo>(candidates: readonly V[], narrator: V, speakers: readonly string[]): Map<string, Voicing<V>> {
  const others = candidates.filter((v) => v.voiceURI !== narrator.voiceURI);
  const cast = new Map<string, Voicing<V>>();
  if (!others.length) return cast;
  speakers.forEach((name, i) => {
    cast.set(name, { voice: others[i % others.length]!, pitch: PITCHES[Math.floor(i / others.length) % PITCHES.length]! });
  });
  return cast;
}
