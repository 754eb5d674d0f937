/**
 * Asks a tab for its article: checks that the page can be scripted at all, injects the
 * runtime content script (activeTab grant from the toolbar click) and calls it.
 */
import { browser } from '#imports';
import type { Article, ExtractionErrorCode } from '../utils/types';

export type ExtractResult =
  | { ok: true; article: Article }
  | { ok: false; code: ExtractionErrorCode | 'restricted' | 'failed'; message: string };

export const CONTENT_SCRIPT = '/content-scripts/extract.js';

/** Pages no extension may script: browser pages, stores, other extensions, viewers. */
const RESTRICTED: [RegExp, string][] = [
  [/^(chrome|edge|brave|opera|vivaldi|about|moz-extension|chrome-extension|chrome-search|devtools|view-source|resource):/i,
    'This is a browser page. Browsers do not let extensions read their own pages.'],
  [/^https:\/\/(chromewebstore\.google\.com|chrome\.google\.com\/webstore|addons\.mozilla\.org|microsoftedge\.microsoft\.com\/addons)/i,
    'Extension stores cannot be read by extensions.'],
  [/\.pdf([?#].*)?$/i, 'This is a PDF document. Lucid Reader reads web pages, not PDF files.'],
  [/^(data|blob|javascript):/i, 'This page has no address that an extension may read.'],
];

const OFF_LIMITS = 'This is a browser page or another page that browsers do not let extensions read.';

/** A plain-language reason why a URL cannot be read, or null when it may be (or is unknown). */
export function restrictionOf(url: string | undefined): string | null {
  // Without the "tabs" permission the URL of a page we may not script is hidden: try, and
  // explain the refusal if it comes.
  if (!url) return null;
  for (const [pattern, reason] of RESTRICTED) if (pattern.test(url)) return reason;
  return null;
}

declare global {
  // Installed in the page's isolated world by the content script.
  var __lucidExtract: ((options: { force: boolean }) => ExtractResult) | undefined;
}

export async function extractFromTab(tab: { id?: number; url?: string }, force = false): Promise<ExtractResult> {
  const restricted = restrictionOf(tab.url);
  if (restricted || tab.id === undefined) return { ok: false, code: 'restricted', message: restricted ?? OFF_LIMITS };
  const target = { tabId: tab.id };
  try {
    const [probe] = await browser.scripting.executeScript({ target, func: () => typeof globalThis.__lucidExtract });
    if (probe?.result !== 'function') await browser.scripting.executeScript({ target, files: [CONTENT_SCRIPT] });
    const [answer] = await browser.scripting.executeScript({
      target,
      func: (f: boolean) => globalThis.__lucidExtract!({ force: f }),
      args: [force],
    });
    const result = answer?.result as ExtractResult | undefined;
    return result ?? { ok: false, code: 'failed', message: 'The page did not answer.' };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/cannot access|cannot be scripted|extensions gallery|permission|chrome:\/\//i.test(message)) {
      return { ok: false, code: 'restricted', message: OFF_LIMITS };
    }
    return { ok: false, code: 'failed', message: `Reading the page failed: ${message}` };
  }
}
