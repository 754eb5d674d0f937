/**
 * The real message files behind `browser.i18n.getMessage` in component tests, so that the
 * components run with @wxt-dev/i18n as in the extension (plurals, substitutions).
 */
import { readFileSync } from 'node:fs';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';
import { fakeBrowser } from 'wxt/testing/fake-browser';

export function messagesOf(locale: string): Record<string, string> {
  const parsed = parseMessagesText(readFileSync(`locales/${locale}.yml`, 'utf8'), 'YAML');
  return Object.fromEntries(Object.entries(generateChromeMessages(parsed)).map(([key, m]) => [key, m.message]));
}

export function useLocale(locale: string): void {
  const messages = messagesOf(locale);
  fakeBrowser.i18n.getMessage = ((name: string, subs?: string | string[]) => {
    const values = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return (messages[name] ?? '').replace(/\$(\d)/g, (_, i: string) => values[Number(i) - 1] ?? '');
  }) as typeof fakeBrowser.i18n.getMessage;
}
