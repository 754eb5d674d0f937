/**
 * A reader's per-site folding corrections ("this is clutter" / "this is content"), as
 * fingerprints of block texts; the folding step takes them as input.
 */
import { storage } from '#imports';
import * as v from 'valibot';

/** Same shape as the folding step's FoldRules input. */
export interface FoldRules {
  clutter: string[];
  content: string[];
}

export const FINGERPRINT = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
export const SITE = v.pipe(v.string(), v.regex(/^[a-z0-9.-]{1,253}(?::\d{1,5})?$/i, 'a host name'));

/** Read anywhere; written only by the background. */
export function siteRulesItem(site: string) {
  return storage.defineItem<FoldRules>(`local:rules:${site.toLowerCase()}`, {
    fallback: { clutter: [], content: [] },
    version: 1,
  });
}

/** The site a page belongs to, for per-site rules and permissions. */
export function siteOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const { protocol, host } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? host.toLowerCase() : null;
  } catch {
    return null;
  }
}

/** Applies one correction: a fingerprint moves to `verdict`'s list, or out of both (null). */
export function withRule(rules: FoldRules, fingerprint: string, verdict: 'clutter' | 'content' | null): FoldRules {
  const clutter = rules.clutter.filter((f) => f !== fingerprint);
  const content = rules.content.filter((f) => f !== fingerprint);
  if (verdict === 'clutter') clutter.push(fingerprint);
  if (verdict === 'content') content.push(fingerprint);
  return { clutter, content };
}
