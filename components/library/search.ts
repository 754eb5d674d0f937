/**
 * Library search and filters, pure. The searchable text of each highlight (its text, note,
 * article title) is folded once (lower case, no accents) so that a keystroke over 10,000
 * highlights is a plain substring scan.
 */
import type { Colour, Highlight } from '../../utils/highlights';

export interface Filters {
  /** Words that must all appear in the text, the note or the title (any case, any accents). */
  query: string;
  colour: Colour | '';
  site: string;
  speaker: string;
}

export const NO_FILTERS: Filters = { query: '', colour: '', site: '', speaker: '' };

export interface Searchable {
  highlight: Highlight;
  haystack: string;
}

/** Lower case without diacritics: "Élysée" → "elysee". */
export const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

export function prepare(highlights: readonly Highlight[]): Searchable[] {
  return highlights.map((highlight) => ({
    highlight,
    haystack: fold(`${highlight.text}\n${highlight.note}\n${highlight.title}`),
  }));
}

export function filterHighlights(items: readonly Searchable[], filters: Filters): Highlight[] {
  const words = fold(filters.query).split(/\s+/).filter(Boolean);
  const out: Highlight[] = [];
  for (const { highlight: h, haystack } of items) {
    if (filters.colour && h.colour !== filters.colour) continue;
    if (filters.site && h.site !== filters.site) continue;
    if (filters.speaker && h.speaker !== filters.speaker) continue;
    if (words.every((w) => haystack.includes(w))) out.push(h);
  }
  return out;
}

/** The sites and speakers present, sorted, for the filter menus. */
export function facets(highlights: readonly Highlight[]): { sites: string[]; speakers: string[] } {
  const sites = new Set<string>();
  const speakers = new Set<string>();
  for (const h of highlights) {
    if (h.site) sites.add(h.site);
    if (h.speaker) speakers.add(h.speaker);
  }
  const sort = (set: Set<string>) => [...set].sort((a, b) => a.localeCompare(b));
  return { sites: sort(sites), speakers: sort(speakers) };
}
