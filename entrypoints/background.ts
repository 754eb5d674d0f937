/**
 * The background: the single writer of stored data. Extension pages and content scripts ask it
 * through validated messages (platform/messages.ts) and read storage themselves.
 */
import { browser, defineBackground } from '#imports';
import { parseMessage, senderAllowed, type Message, type Reply } from '../platform/messages';
import { settingsItem } from '../platform/settings';
import { siteRulesItem, withRule } from '../platform/site-rules';

async function handle(message: Message): Promise<unknown> {
  switch (message.type) {
    case 'settings:set':
      await settingsItem.setValue(message.settings);
      return undefined;
    case 'rules:set': {
      const item = siteRulesItem(message.site);
      await item.setValue(withRule(await item.getValue(), message.fingerprint, message.verdict));
      return undefined;
    }
  }
}

/** Turns storage failures (a full store, above all) into a message the reader can act on. */
function storageError(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  if (/quota|QUOTA_BYTES|space/i.test(text)) {
    return 'Your browser storage for Lucid Reader is full; nothing was saved. Export and delete old highlights to make room.';
  }
  return `Saving failed: ${text}`;
}

export default defineBackground(() => {
  const origin = browser.runtime.getURL('/').replace(/\/$/, '');
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
    handle(parsed.message).then(
      (value) => sendResponse({ ok: true, value } satisfies Reply),
      (err) => sendResponse({ ok: false, error: storageError(err) } satisfies Reply),
    );
    return true; // the reply comes asynchronously
  });
});
