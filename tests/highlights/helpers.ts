/** Test helpers: sample highlights, and messages delivered to the real background listener. */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { vi } from 'vitest';
import background, { answer } from '../../entrypoints/background';
import type { Reply } from '../../platform/messages';
import { COLOURS, articleKey, type Highlight } from '../../utils/highlights';

const SPEAKERS = ['Ada Lovelace', 'Grace Hopper', undefined];

/** The canonical URL of sample article `article`. */
export const urlOf = (article: number) => `https://news${article % 7}.example.com/story/${article}`;

/** Sample highlight `n` on article `article` (distinct ids and places for distinct `n`). */
export function makeHighlight(n: number, article: number, over: Partial<Highlight> = {}): Highlight {
  const url = urlOf(article);
  const text = `Passage ${n} of story ${article}, where something was said.`;
  const at = new Date(Date.UTC(2024, 0, 1) + n * 60_000).toISOString();
  const start = n * 100;
  const speaker = SPEAKERS[n % 3];
  return {
    id: `h${n}`,
    articleKey: articleKey(url),
    selectors: { quote: { exact: text, prefix: 'Before it. ', suffix: ' After it.' }, position: { start, end: start + text.length } },
    text,
    colour: COLOURS[n % COLOURS.length]!,
    note: '',
    createdAt: at,
    updatedAt: at,
    url,
    title: `Story number ${article}`,
    site: `news${article % 7}.example.com`,
    ...(speaker ? { speaker } : {}),
    ...over,
  };
}

export type Context = 'popup' | 'cleanview' | 'library';

/**
 * Resets the fake browser and starts the real background. The fake browser lacks some events
 * the background listens to for other features (commands, context menus…): those get a no-op
 * `addListener`, so only the message listener matters here.
 */
export function startBackground(): void {
  fakeBrowser.reset();
  for (const namespace of Object.values(fakeBrowser as unknown as Record<string, Record<string, unknown>>)) {
    for (const event of Object.values(namespace ?? {})) {
      const e = event as { addListener?: (f: () => void) => void; removeListener?: (f: () => void) => void } | null;
      if (typeof e?.addListener !== 'function') continue;
      const probe = () => undefined;
      try {
        e.addListener(probe);
        e.removeListener?.(probe);
      } catch {
        e.addListener = () => undefined;
      }
    }
  }
  background.main();
}

/**
 * Delivers a message to the background as one of the extension's pages would send it (the clean
 * view frame: over its accepted port, see platform/cleanview-bridge.ts).
 */
export function deliver(message: unknown, from: Context = 'library'): Promise<Reply> {
  const sender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL(`/${from}.html`) };
  if (from === 'cleanview') return answer(message, { kind: 'cleanview', sender });
  return new Promise((resolve) => void fakeBrowser.runtime.onMessage.trigger(message, sender, resolve));
}

/** Routes the page-side `send()` (runtime.sendMessage) to the background as the library. */
export function routeSendToBackground(): void {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: unknown) => deliver(message)) as never);
}

/** Unwraps a reply, failing the test on a refusal. */
export function ok<T = unknown>(reply: Reply): T {
  if (!reply.ok) throw new Error(`refused: ${reply.error}`);
  return reply.value as T;
}
