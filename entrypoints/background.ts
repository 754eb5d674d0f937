/**
 * The background: the single writer of stored data. Extension pages, content scripts and the
 * clean view frame ask it through the one message protocol (platform/messages.ts): each message
 * has its handler here, typed by that map; a message from a sender not listed for it is refused.
 */
import { browser, defineBackground } from '#imports';
import { handleAutoOpen, confirmSite } from '../platform/auto-open';
import { installCleanViewBridge, ourOrigins, type From } from '../platform/cleanview-bridge';
import { toggleCleanView } from '../platform/cleanview';
import { installCleanViewTriggers } from '../platform/cleanview-triggers';
import { StorageFullError, importAll, put, remove } from '../platform/highlight-writer';
import { KeyedLock } from '../platform/keyed-lock';
import { parseMessage, senderKind, type Message, type MessageOf, type MessageType, type Replies, type Reply } from '../platform/messages';
import { positionsItem, withPosition } from '../platform/reading-position';
import { settingsItem } from '../platform/settings';
import { siteOf, siteRulesItem, withRule } from '../platform/site-rules';

/** Settings and each site's rules are read, changed and written back one writer at a time. */
const lock = new KeyedLock();

const handlers: { [K in MessageType]: (message: MessageOf<K>, from: From) => Promise<Replies[K]> } = {
  'settings:set': (message) => lock.run(['settings'], () => settingsItem.setValue(message.settings)),
  'rules:set': (message) => {
    const site = message.site.toLowerCase();
    return lock.run([`rules:${site}`], async () => {
      const item = siteRulesItem(site);
      await item.setValue(withRule(await item.getValue(), message.fingerprint, message.verdict));
    });
  },
  'highlights:put': (message) => put(message.highlight),
  'highlights:delete': (message) => remove(message.articleKey, message.id),
  'highlights:import': (message) => importAll(message.highlights),
  'auto-open:add': (message, from) => handleAutoOpen(message, from.sender),
  'auto-open:remove': (message, from) => handleAutoOpen(message, from.sender),
  'auto-open:article': (message, from) => handleAutoOpen(message, from.sender),
  'auto-open:confirm': (message) => confirmSite(message.site),
  'page:rules': async (_message, from) => {
    const site = siteOf(from.sender.url);
    return site ? siteRulesItem(site).getValue() : null;
  },
  'view:toggle': (message) => toggleCleanView(message.tabId),
  'view:close': async (_message, from) => from.view?.toHost({ type: 'close' }),
  'view:retry': async (message, from) => from.view?.toHost({ type: 'retry', force: message.force }),
  'view:ping': async () => undefined,
  'position:set': (message) =>
    lock.run(['positions'], async () => {
      await positionsItem.setValue(withPosition(await positionsItem.getValue(), message.articleKey, message.position, Date.now()));
    }),
};

/** Runs a validated message's handler. */
function handle(message: Message, from: From): Promise<unknown> {
  const handler = handlers[message.type] as (message: Message, from: From) => Promise<unknown>;
  return handler(message, from);
}

/** Turns storage failures (a full store, above all) into a message the reader can act on. */
function storageError(err: unknown): string {
  if (err instanceof StorageFullError) return err.message;
  const text = err instanceof Error ? err.message : String(err);
  if (/quota|QUOTA_BYTES|space/i.test(text)) {
    return 'Your browser storage for Lucid Reader is full; nothing was saved. Export and delete old highlights to make room.';
  }
  if (text.startsWith('Refused:')) return text;
  return `Saving failed: ${text}`;
}

/** Validates a raw message from `from` and answers it (never throws). */
export async function answer(raw: unknown, from: From): Promise<Reply> {
  const parsed = parseMessage(raw, from.kind);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  try {
    return { ok: true, value: await handle(parsed.message, from) };
  } catch (err) {
    return { ok: false, error: storageError(err) };
  }
}

/** Content scripts may not read stored notes and rules themselves (R4), where the browser can say so. */
function restrictStorage(): void {
  const local = browser.storage.local as { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> };
  if (typeof local.setAccessLevel !== 'function') return;
  try {
    void local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);
  } catch {
    // A browser that names the method but refuses the call: the protocol still holds.
  }
}

export default defineBackground(() => {
  const origins = ourOrigins();
  restrictStorage();
  installCleanViewTriggers();
  installCleanViewBridge(answer);
  browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
    const kind = senderKind(sender, browser.runtime.id, origins);
    if (!kind) {
      sendResponse({ ok: false, error: 'Refused: unknown sender.' } satisfies Reply);
      return false;
    }
    void answer(raw, { kind, sender }).then(sendResponse);
    return true; // the reply comes asynchronously
  });
});
