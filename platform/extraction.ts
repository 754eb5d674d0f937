/**
 * Asks a tab for its article: checks that the page can be scripted at all, injects the
 * runtime content script (activeTab grant from the toolbar click) and calls it with the
 * reader's per-site folding rules.
 */
import { browser } from '#imports';
import type { FoldRules } from '../utils/fold';
import type { Article, ExtractionErrorCode } from '../utils/types';
import { EXTRACT_GLOBAL } from './isolated-globals';
import { siteOf, siteRulesItem } from './site-rules';

/** Why a page may not be read, for a plain-language (and translated) explanation. */
export type Restriction = 'browser-page' | 'store' | 'pdf' | 'no-address' | 'off-limits';

export type ExtractResult =
  | { ok: true; article: Article }
  | { ok: false; code: ExtractionErrorCode | 'restricted' | 'failed' | 'timeout'; message: string; restriction?: Restriction };

export const CONTENT_SCRIPT = '/content-scripts/extract.js';

/** Pages no extension may script: browser pages, stores, other extensions, viewers. */
const RESTRICTED: [RegExp, Restriction, string][] = [
  [/^(chrome|edge|brave|opera|vivaldi|about|moz-extension|chrome-extension|chrome-search|devtools|view-source|resource):/i,
    'browser-page', 'This is a browser page. Browsers do not let extensions read their own pages.'],
  [/^https:\/\/(chromewebstore\.google\.com|chrome\.google\.com\/webstore|addons\.mozilla\.org|microsoftedge\.microsoft\.com\/addons)/i,
    'store', 'Extension stores cannot be read by extensions.'],
  [/\.pdf([?#].*)?$/i, 'pdf', 'This is a PDF document. Lucid Reader reads web pages, not PDF files.'],
  [/^(data|blob|javascript):/i, 'no-address', 'This page has no address that an extension may read.'],
];

const OFF_LIMITS = 'This is a browser page or another page that browsers do not let extensions read.';

/** Why a URL cannot be read, or null when it may be (or is unknown). */
export function restrictionOf(url: string | undefined): { restriction: Restriction; message: string } | null {
  // Without the "tabs" permission the URL of a page we may not script is hidden: try, and
  // explain the refusal if it comes.
  if (!url) return null;
  for (const [pattern, restriction, message] of RESTRICTED) if (pattern.test(url)) return { restriction, message };
  return null;
}

export interface ContentRequest {
  force: boolean;
  rules?: FoldRules;
}

/** What the content script installs in the page's isolated world (see isolated-globals.ts). */
export type Extract = (request: ContentRequest) => ExtractResult;

/** The reader's folding rules for the tab's site (none for pages without a site). */
async function rulesFor(url: string | undefined): Promise<FoldRules | undefined> {
  const site = siteOf(url);
  return site ? siteRulesItem(site).getValue() : undefined;
}

/**
 * Adds who-said-what to an extracted article. The quotes step runs in the extension page, loaded
 * on demand once the article is painted: it is text-only work, and leaving it out of the injected
 * content script keeps that script small.
 */
export async function withSpeakers(result: ExtractResult): Promise<ExtractResult> {
  if (!result.ok) return result;
  const { withQuotes } = await import('../utils/quotes/article');
  return { ...result, article: await withQuotes(result.article) };
}

/**
 * How long a page has to answer. A page stuck in its own script (a busy loop, a huge
 * synchronous render) never runs the injected code, and `executeScript` then waits forever:
 * without a limit the popup would say "Reading the page…" for good.
 */
export const ANSWER_TIMEOUT_MS = 15_000;

export async function extractFromTab(tab: { id?: number; url?: string }, force = false, timeoutMs = ANSWER_TIMEOUT_MS): Promise<ExtractResult> {
  const restricted = restrictionOf(tab.url);
  if (restricted) return { ok: false, code: 'restricted', ...restricted };
  if (tab.id === undefined) return { ok: false, code: 'restricted', restriction: 'off-limits', message: OFF_LIMITS };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<ExtractResult>((ok) => {
    timer = setTimeout(
      () => ok({ ok: false, code: 'timeout', message: `The page did not answer within ${Math.round(timeoutMs / 1000)} s.` }),
      timeoutMs,
    );
  });
  try {
    // A late answer after the timeout is dropped (the script may still finish in the page).
    return await Promise.race([askTab(tab.id, tab.url, force), late]);
  } finally {
    clearTimeout(timer);
  }
}

async function askTab(tabId: number, url: string | undefined, force: boolean): Promise<ExtractResult> {
  const target = { tabId };
  // Run at once rather than at document_idle: a page still fetching ads and images must not
  // keep the reader waiting (its text is there long before).
  const now = { target, injectImmediately: true };
  try {
    const [[probe], rules] = await Promise.all([
      browser.scripting.executeScript({
        ...now,
        func: (name: string) => typeof Object.getOwnPropertyDescriptor(globalThis, name)?.value,
        args: [EXTRACT_GLOBAL],
      }),
      rulesFor(url),
    ]);
    if (probe?.result !== 'function') await browser.scripting.executeScript({ ...now, files: [CONTENT_SCRIPT] });
    const [answer] = await browser.scripting.executeScript({
      ...now,
      func: (name: string, request: ContentRequest) => (Object.getOwnPropertyDescriptor(globalThis, name)!.value as Extract)(request),
      args: [EXTRACT_GLOBAL, { force, rules }],
    });
    const result = answer?.result as ExtractResult | undefined;
    return result ?? { ok: false, code: 'failed', message: 'The page did not answer.' };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/cannot access|cannot be scripted|extensions gallery|permission|chrome:\/\//i.test(message)) {
      return { ok: false, code: 'restricted', restriction: 'off-limits', message: OFF_LIMITS };
    }
    return { ok: false, code: 'failed', message: `Reading the page failed: ${message}` };
  }
}
