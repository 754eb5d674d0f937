/**
 * Messages to the background, the single writer of stored data. Every message is checked
 * twice: the sender must be this extension (an extension page, or a content script in a tab),
 * and the shape must match its schema. Anything else is refused and nothing is stored.
 */
import type { Browser } from '#imports';
import * as v from 'valibot';
import { HighlightSchema } from '../utils/highlights';
import { PositionSchema } from './reading-position';
import { SettingsSchema } from './settings';
import { FINGERPRINT, SITE } from './site-rules';

/** Messages larger than this (as JSON) are refused before validation. */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

/** `articleKey(canonicalUrl)`: "a-" and a base-36 hash; it becomes part of a storage key. */
const ARTICLE_KEY = v.pipe(v.string(), v.regex(/^a-[0-9a-z]{1,32}$/, 'an article key ("a-…")'));
/** The library links every highlight to its page: only web addresses, never javascript: or data:. */
const WEB_ADDRESS = /^https?:\/\//i;
const STORED_HIGHLIGHT = v.pipe(
  HighlightSchema,
  v.check((h) => v.is(ARTICLE_KEY, h.articleKey), 'the highlight\'s articleKey is not an article key ("a-…")'),
  v.check((h) => WEB_ADDRESS.test(h.url), 'the highlight\'s url is not a web address (http or https)'),
);

export const MessageSchema = v.variant('type', [
  v.object({ type: v.literal('settings:set'), settings: SettingsSchema }),
  v.object({
    type: v.literal('rules:set'),
    site: SITE,
    fingerprint: FINGERPRINT,
    verdict: v.nullable(v.picklist(['clutter', 'content'])),
  }),
  // Creates a highlight or replaces the one with its id (also the undo of a delete).
  v.object({ type: v.literal('highlights:put'), highlight: STORED_HIGHLIGHT }),
  // Replies with the deleted highlight, for undo, or null.
  v.object({ type: v.literal('highlights:delete'), articleKey: ARTICLE_KEY, id: v.pipe(v.string(), v.minLength(1), v.maxLength(200)) }),
  // Merges without duplicates, all or nothing; replies with { added, updated }.
  v.object({ type: v.literal('highlights:import'), highlights: v.pipe(v.array(STORED_HIGHLIGHT), v.minLength(1)) }),
  // "Always use clean view on this site" (from extension pages, after permissions.request).
  v.object({ type: v.literal('auto-open:add'), site: SITE }),
  v.object({ type: v.literal('auto-open:remove'), site: SITE }),
  // From the auto-open content script: this page is an article, open the clean view.
  v.object({ type: v.literal('auto-open:article') }),
  // Where the reader is in an article (kept per article key, bounded: platform/reading-position.ts).
  v.object({ type: v.literal('position:set'), articleKey: ARTICLE_KEY, position: PositionSchema }),
]);
export type Message = v.InferOutput<typeof MessageSchema>;

export type Reply = { ok: true; value?: unknown } | { ok: false; error: string };

/** Checks who sent a message: this extension's own pages, or its content scripts in a tab. */
export function senderAllowed(sender: Browser.runtime.MessageSender, extensionId: string, extensionOrigin: string): boolean {
  if (sender.id !== extensionId) return false;
  if (sender.tab) return true; // a content script of ours, injected into that tab
  // The origin and a slash: "chrome-extension://<id>.evil/" must not pass for ours.
  return typeof sender.url === 'string' && sender.url.startsWith(`${extensionOrigin.replace(/\/$/, '')}/`);
}

/** Validates a raw message: size, then shape. */
export function parseMessage(raw: unknown): { ok: true; message: Message } | { ok: false; error: string } {
  let size: number;
  try {
    size = JSON.stringify(raw)?.length ?? 0;
  } catch {
    return { ok: false, error: 'Refused: the message is not plain data.' };
  }
  if (size > MAX_MESSAGE_BYTES) return { ok: false, error: 'Refused: the message is too large.' };
  const result = v.safeParse(MessageSchema, raw);
  if (!result.success) return { ok: false, error: `Refused: ${v.summarize(result.issues).split('\n')[0]}` };
  return { ok: true, message: result.output };
}
