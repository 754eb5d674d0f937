/**
 * The one message protocol of the extension (the shape of Hypothesis's RPC maps): every message
 * the background answers, with its payload schema, its reply type and who may send it.
 * `send` (platform/send.ts) and the background's handlers (entrypoints/background.ts) are typed
 * from this map; a message from anyone not listed for it, or not matching its schema, is refused
 * and nothing is stored.
 *
 * Senders, as the browser names them (never as the message claims):
 * - `extension`: an extension page (popup, library, options), by its URL on our origin;
 * - `content`: a content script of ours in tab N (its URL is the page's);
 * - `cleanview`: the clean-view frame opened with nonce K; it talks only over the one port the
 *   background accepted for that open (see platform/cleanview-bridge.ts), never by runtime
 *   messages, so a copy of the page framed by a web page reaches nothing.
 */
import type { Browser } from '#imports';
import * as v from 'valibot';
import { HighlightSchema, type Highlight } from '../utils/highlights';
import type { FoldRules } from '../utils/fold';
import { PositionSchema } from './reading-position';
import { SettingsSchema } from './settings';
import { FINGERPRINT, SITE } from './site-rules';
import type { CleanViewStatus } from './cleanview';
import type { ImportSummary } from './highlights';

/** Messages larger than this (as JSON) are refused before validation. */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

export type SenderKind = 'extension' | 'content' | 'cleanview';

/** `articleKey(canonicalUrl)`: "a-" and a base-36 hash; it becomes part of a storage key. */
const ARTICLE_KEY = v.pipe(v.string(), v.regex(/^a-[0-9a-z]{1,32}$/, 'an article key ("a-…")'));
/** The library links every highlight to its page: only web addresses, never javascript: or data:. */
const WEB_ADDRESS = /^https?:\/\//i;
const STORED_HIGHLIGHT = v.pipe(
  HighlightSchema,
  v.check((h) => v.is(ARTICLE_KEY, h.articleKey), 'the highlight\'s articleKey is not an article key ("a-…")'),
  v.check((h) => WEB_ADDRESS.test(h.url), 'the highlight\'s url is not a web address (http or https)'),
);

const PAGES: SenderKind[] = ['extension', 'cleanview'];

/** Name → payload fields and senders. The reply types are in `Replies`, below. */
export const PROTOCOL = {
  'settings:set': { from: PAGES, payload: { settings: SettingsSchema } },
  'rules:set': {
    from: PAGES,
    payload: { site: SITE, fingerprint: FINGERPRINT, verdict: v.nullable(v.picklist(['clutter', 'content'])) },
  },
  // Creates a highlight or replaces the one with its id (also the undo of a delete).
  'highlights:put': { from: PAGES, payload: { highlight: STORED_HIGHLIGHT } },
  // Replies with the deleted highlight, for undo, or null.
  'highlights:delete': { from: PAGES, payload: { articleKey: ARTICLE_KEY, id: v.pipe(v.string(), v.minLength(1), v.maxLength(200)) } },
  // Merges without duplicates, all or nothing (the library's import).
  'highlights:import': { from: ['extension'], payload: { highlights: v.pipe(v.array(STORED_HIGHLIGHT), v.minLength(1)) } },
  // "Always use clean view on this site": granting is only done where no page can overlay the
  // button (the options page, after permissions.request there).
  'auto-open:add': { from: ['extension'], payload: { site: SITE } },
  'auto-open:remove': { from: PAGES, payload: { site: SITE } },
  // The clean view's switch asks for the options page, where the reader confirms a site.
  'auto-open:confirm': { from: ['cleanview'], payload: { site: SITE } },
  // The auto-open content script: this page is an article, open the clean view.
  'auto-open:article': { from: ['content'], payload: {} },
  // The clean view's host script: the fold rules of its own page's site (the site comes from the
  // sender, never from the message, so a content script reads no other site's rules).
  'page:rules': { from: ['content'], payload: {} },
  // The popup's "Open in clean view": the background opens it (it hands out the frame's nonce).
  'view:toggle': { from: ['extension'], payload: { tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) } },
  // The clean view frame to its host: close the view, read the page again, keep the line alive.
  'view:close': { from: ['cleanview'], payload: {} },
  'view:retry': { from: ['cleanview'], payload: { force: v.boolean() } },
  'view:ping': { from: ['cleanview'], payload: {} },
  // Where the reader is in an article (kept per article key, bounded: platform/reading-position.ts).
  'position:set': { from: PAGES, payload: { articleKey: ARTICLE_KEY, position: PositionSchema } },
} as const satisfies Record<string, { from: readonly SenderKind[]; payload: v.ObjectEntries }>;

export type MessageType = keyof typeof PROTOCOL;

/** What each message answers. */
export interface Replies {
  'settings:set': void;
  'rules:set': void;
  'highlights:put': void;
  'highlights:delete': Highlight | null;
  'highlights:import': ImportSummary;
  'auto-open:add': void;
  'auto-open:remove': void;
  'auto-open:confirm': void;
  'auto-open:article': void;
  'page:rules': FoldRules | null;
  'view:toggle': CleanViewStatus;
  'view:close': void;
  'view:retry': void;
  'view:ping': void;
  'position:set': void;
}

/** Each message: its `type` and its payload fields, as validated. */
export type Message = { [K in MessageType]: { type: K } & PayloadOf<(typeof PROTOCOL)[K]['payload']> }[MessageType];
type PayloadOf<E> = E extends v.ObjectEntries ? v.InferOutput<v.ObjectSchema<E, undefined>> : never;
export type MessageOf<K extends MessageType> = Extract<Message, { type: K }>;

const schemas = Object.fromEntries(
  (Object.keys(PROTOCOL) as MessageType[]).map((type) => [type, v.object({ type: v.literal(type), ...PROTOCOL[type].payload })]),
) as unknown as Record<MessageType, v.GenericSchema>;

export type Reply<T = unknown> = { ok: true; value?: T } | { ok: false; error: string };

/**
 * Who sent a runtime message, as the browser reports it; null for anyone else. `origins`: our
 * extension's origins (Chrome frames `use_dynamic_url` pages at the static one, but `getURL`
 * names them at the per-session one).
 */
export function senderKind(sender: Browser.runtime.MessageSender, extensionId: string, origins: readonly string[]): SenderKind | null {
  if (sender.id !== extensionId) return null;
  const url = typeof sender.url === 'string' ? sender.url : '';
  // The origin and a slash: "chrome-extension://<id>.evil/" must not pass for ours.
  const ours = origins.some((origin) => url.startsWith(`${origin.replace(/\/$/, '')}/`));
  if (ours) {
    // The clean view page speaks only over its accepted port (see the note at the top).
    return new URL(url).pathname === '/cleanview.html' ? null : 'extension';
  }
  if (sender.tab?.id !== undefined && /^https?:/i.test(url)) return 'content';
  return null;
}

/** Validates a raw message: size, then shape, then its sender. */
export function parseMessage(raw: unknown, from: SenderKind): { ok: true; message: Message } | { ok: false; error: string } {
  let size: number;
  try {
    size = JSON.stringify(raw)?.length ?? 0;
  } catch {
    return { ok: false, error: 'Refused: the message is not plain data.' };
  }
  if (size > MAX_MESSAGE_BYTES) return { ok: false, error: 'Refused: the message is too large.' };
  const type = (raw as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !Object.hasOwn(PROTOCOL, type)) return { ok: false, error: 'Refused: an unknown message.' };
  const entry = PROTOCOL[type as MessageType];
  if (!(entry.from as readonly SenderKind[]).includes(from)) return { ok: false, error: `Refused: ${type} may not come from here.` };
  const result = v.safeParse(schemas[type as MessageType], raw);
  if (!result.success) return { ok: false, error: `Refused: ${v.summarize(result.issues).split('\n')[0]}` };
  return { ok: true, message: result.output as Message };
}
