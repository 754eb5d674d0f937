/**
 * Where the reader was in each article, kept under the article's key (the key of its
 * highlights), so that every view opens it there again. One storage item holds them all,
 * bounded: the newest MAX_POSITIONS are kept, and none older than MAX_AGE_DAYS.
 * Read anywhere; written only by the background ('position:set', see platform/messages.ts).
 */
import { storage } from '#imports';
import * as v from 'valibot';

export const MAX_POSITIONS = 300;
export const MAX_AGE_DAYS = 180;
const DAY_MS = 24 * 60 * 60 * 1000;

export const PositionSchema = v.object({
  /** The id of the block at the top of the view. */
  block: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  /** How far into that block the top of the view is, 0..1. */
  offset: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  /** How far through the article, 0..1 (the fallback when the block is gone). */
  progress: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
});
export type ReadingPosition = v.InferOutput<typeof PositionSchema>;
export interface StoredPosition extends ReadingPosition {
  /** When it was saved (ms since the epoch). */
  at: number;
}
export type Positions = Record<string, StoredPosition>;

export const positionsItem = storage.defineItem<Positions>('local:positions', { fallback: {} });

/** `positions` with `key` set to `position` (saved at `now`), the oldest and expired dropped. */
export function withPosition(positions: Positions, key: string, position: ReadingPosition, now: number, max = MAX_POSITIONS): Positions {
  // The saved one first: it stays even when others carry the same time.
  const others = Object.entries(positions)
    .filter(([k, p]) => k !== key && now - p.at <= MAX_AGE_DAYS * DAY_MS)
    .sort(([, a], [, b]) => b.at - a.at);
  return Object.fromEntries([[key, { ...position, at: now }] as const, ...others].slice(0, max));
}

/** The stored position of an article, or null. */
export async function getPosition(key: string): Promise<StoredPosition | null> {
  return (await positionsItem.getValue())[key] ?? null;
}
