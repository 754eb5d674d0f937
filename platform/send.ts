/**
 * The client side of platform/messages.ts for extension pages: sends a message to the
 * background and unwraps its reply. Only types come from messages.ts, so pages do not load
 * the schemas (and valibot) that the background validates with.
 */
import { browser } from '#imports';
import type { Message, Reply } from './messages';

/** Sends a message to the background (throws with the background's reason on refusal). */
export async function send<T = unknown>(message: Message): Promise<T> {
  const reply = (await browser.runtime.sendMessage(message)) as Reply | undefined;
  if (!reply) throw new Error('The extension did not answer.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as T;
}
