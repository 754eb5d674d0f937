import type { Highlight } from './types';

export interface MergeResult {
  highlights: Highlight[];
  /** Incoming highlights that were new. */
  added: number;
  /** Incoming highlights that replaced an older version of themselves. */
  updated: number;
}

/** Same article, same quote, same place: the same highlight even under another id. */
const placeKey = (h: Highlight) =>
  [h.articleKey, h.selectors.quote.exact, h.selectors.position.start, h.selectors.position.end].join('\u0000');

/** A date the browser cannot read counts as older than any other (never NaN in a comparison). */
const time = (h: Highlight) => {
  const t = Date.parse(h.updatedAt);
  return Number.isNaN(t) ? -Infinity : t;
};
const newer = (a: Highlight, b: Highlight) => time(a) > time(b);

/**
 * Merges imported (or synced) highlights into existing ones without duplicates: a highlight
 * with the same id, or on the same article with the same quote and position, is one highlight,
 * and the most recently updated version wins (the existing one on a tie). Order: existing
 * highlights first, in their order, then the new ones.
 */
export function mergeHighlights(existing: readonly Highlight[], incoming: readonly Highlight[]): MergeResult {
  const merged: Highlight[] = [];
  const byId = new Map<string, number>();
  const byPlace = new Map<string, number>();
  let added = 0;
  let updated = 0;
  const put = (h: Highlight, isIncoming: boolean) => {
    const slot = byId.get(h.id) ?? byPlace.get(placeKey(h));
    if (slot === undefined) {
      merged.push(h);
      if (isIncoming) added++;
    } else if (newer(h, merged[slot]!)) {
      merged[slot] = h;
      if (isIncoming) updated++;
    }
    const index = slot ?? merged.length - 1;
    byId.set(h.id, index);
    byPlace.set(placeKey(h), index);
  };
  for (const h of existing) put(h, false);
  for (const h of incoming) put(h, true);
  return { highlights: merged, added, updated };
}
