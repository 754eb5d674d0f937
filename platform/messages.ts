/**
 * Messages to the background, the single writer of stored data. Every message is checked
 * twice: the sender must be this extension (an extension page, or a content script in a tab),
 * and the shape must match its schema. Anything else is refused and nothing is stored.
 */
import { browser, type Browser } from '#imports';
import * as v from 'valibot';
import { SettingsSchema } from './settings';
import { FINGERPRINT, SITE } from './site-rules';

/** Messages larger than this (as JSON) are refused before validation. */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

export const MessageSchema = v.variant('type', [
  v.object({ type: v.literal('settings:set'), settings: SettingsSchema }),
  v.object({
    type: v.literal('rules:set'),
    site: SITE,
    fingerprint: FINGERPRINT,
    verdict: v.nullable(v.picklist(['clutter', 'content'])),
  }),
]);
export type Message = v.InferOutput<typeof MessageSchema>;

export type Reply = { ok: true; value?: unknown } | { ok: false; error: string };

/** Sends a message to the background and unwraps its reply (throws with the reason on refusal). */
export async function send<T = unknown>(message: Message): Promise<T> {
  const reply = (await browser.runtime.sendMessage(message)) as Reply | undefined;
  if (!reply) throw new Error('The extension did not answer.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as T;
}

/** Checks who sent a message: this extension's own pages, or its content scripts in a tab. */
export function senderAllowed(sender: Browser.runtime.MessageSender, extensionId: string, extensionOrigin: string): boolean {
  if (sender.id !== extensionId) return false;
  if (sender.tab) return true; // a content script of ours, injected into that tab
  return typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
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
