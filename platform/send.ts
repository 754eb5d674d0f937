/**
 * The client side of platform/messages.ts: sends a message to the background and unwraps its
 * typed reply. Extension pages send runtime messages; the clean view frame sends over its port
 * (it installs that transport with `useTransport`, see entrypoints/cleanview/host-link.ts).
 * Only types come from messages.ts, so pages do not load the schemas (and valibot) that the
 * background validates with.
 */
import { browser } from '#imports';
import type { Message, MessageType, MessageOf, Replies, Reply } from './messages';

export type Transport = (message: Message) => Promise<Reply | undefined>;

let transport: Transport = (message) => browser.runtime.sendMessage(message) as Promise<Reply | undefined>;

/** Replaces how messages reach the background (the clean view frame: its port). */
export function useTransport(next: Transport): void {
  transport = next;
}

/** Sends a message to the background (throws with the background's reason on refusal). */
export async function send<K extends MessageType>(message: MessageOf<K> & { type: K }): Promise<Replies[K]> {
  const reply = await transport(message as Message);
  if (!reply) throw new Error('The extension did not answer.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as Replies[K];
}
