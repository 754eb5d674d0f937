/**
 * The background: the single writer of stored data. Extension pages and content scripts ask it
 * through validated messages (platform/messages.ts) and read storage themselves.
 */
import { browser, defineBackground, type Browser } from '#imports';
import { handleAutoOpen } from '../platform/auto-open';
import { installCleanViewTriggers } from '../platform/cleanview-triggers';
import { StorageFullError, importAll, put, remove } from '../platform/highlight-writer';
import { parseMessage, senderAllowed, type Message, type Reply } from '../platform/messages';
import { positionsItem, withPosition } from '../platform/reading-position';
import { settingsItem } from '../platform/settings';
import { siteRulesItem, withRule } from '../platform/site-rules';

async function handle(message: Message, sender: Browser.runtime.MessageSender): Promise<unknown> {
  switch (message.type) {
    case 'settings:set':
      await settingsItem.setValue(message.settings);
      return undefined;
    case 'rules:set': {
      const item = siteRulesItem(message.site);
      await item.setValue(withRule(await item.getValue(), message.fingerprint, message.verdict));
      return undefined;
    }
    case 'highlights:put':
      return put(message.highlight);
    case 'highlights:delete':
      return remove(message.articleKey, message.id);
    case 'highlights:import':
      return importAll(message.highlights);
    case 'auto-open:add':
    case 'auto-open:remove':
    case 'auto-open:article':
      return handleAutoOpen(message, sender);
    case 'position:set':
      await positionsItem.setValue(withPosition(await positionsItem.getValue(), message.articleKey, message.position, Date.now()));
      return undefined;
  }
}

/** Turns storage failures (a full store, above all) into a message the reader can act on. */
function storageError(err: unknown): string {
  if (err instanceof StorageFullError) return err.message;
  const text = err instanceof Error ? err.message : String(err);
  if (/quota|QUOTA_BYTES|space/i.test(text)) {
    return 'Your browser storage for Lucid Reader is full; nothing was saved. Export and delete old highlights to make room.';
  }
  return `Saving failed: ${text}`;
}

export default defineBackground(() => {
  const origin = browser.runtime.getURL('/').replace(/\/$/, '');
  installCleanViewTriggers();
  browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
    if (!senderAllowed(sender, browser.runtime.id, origin)) {
      sendResponse({ ok: false, error: 'Refused: unknown sender.' } satisfies Reply);
      return false;
    }
    const parsed = parseMessage(raw);
    if (!parsed.ok) {
      sendResponse({ ok: false, error: parsed.error } satisfies Reply);
      return false;
    }
    handle(parsed.message, sender).then(
      (value) => sendResponse({ ok: true, value } satisfies Reply),
      (err) => sendResponse({ ok: false, error: storageError(err) } satisfies Reply),
    );
    return true; // the reply comes asynchronously
  });
});
