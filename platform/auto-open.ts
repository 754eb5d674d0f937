/**
 * "Always use clean view on this site": the site's host permission, asked for at that moment,
 * and a content script registered for that site only. The stored list of sites is the source
 * of truth; registrations are re-synced from it when the browser starts and after updates.
 *
 * The options page calls `alwaysUseCleanView` (only there: a web page cannot overlay it, R3;
 * the clean view's switch opens it with the site to confirm) and `stopUsingCleanView`; the
 * background (the single writer) runs the rest.
 */
import { browser, storage, type Browser } from '#imports';
import type { MessageOf } from './messages';
import { send } from './send';
import * as v from 'valibot';
import { SITE, siteOf } from './site-rules';
import { runCleanView } from './cleanview';

export const AUTO_OPEN_SCRIPT = '/content-scripts/auto-open.js';
const SCRIPT_ID_PREFIX = 'auto-open:';

/** Sites (host[:port]) where the clean view opens by itself. Read anywhere; written by the background. */
export const autoOpenSitesItem = storage.defineItem<string[]>('local:autoOpenSites', { fallback: [], version: 1 });

/**
 * The host permissions a site needs: http and https, that host (and port) only. Chromium
 * refuses a port after the `*` scheme ("Invalid port"), so a site with a port gets two patterns.
 */
export function originsOf(site: string): string[] {
  // Firefox's match patterns take no port (one matches every port of its host): the background
  // still opens the view only for the listed site, port included.
  if (import.meta.env.FIREFOX) return [`*://${hostOf(site)}/*`];
  return site.includes(':') ? [`http://${site}/*`, `https://${site}/*`] : [`*://${site}/*`];
}

const hostOf = (site: string) => site.replace(/:\d+$/, '');

/** The site an origin pattern of ours stands for (the inverse of `originsOf`), or null. */
export function siteOfOrigin(origin: string): string | null {
  return /^(?:\*|https?):\/\/([^/*]+)\/\*$/.exec(origin)?.[1] ?? null;
}

/** The options page, asking the reader to confirm `site` (see `confirmSite`). */
export function confirmationUrl(site: string): string {
  return `${browser.runtime.getURL('/options.html')}?site=${encodeURIComponent(site)}`;
}

/** The site the options page is asked to confirm, if its address names a valid one. */
export function siteToConfirm(search: string): string | null {
  const site = new URLSearchParams(search).get('site');
  return site && v.is(SITE, site) ? site.toLowerCase() : null;
}

// ---- Extension pages (the options page; removing also from the clean view) ----

/**
 * Asks the browser for the site's permission, then has the background register the script.
 * Must run in the click's handler (permissions.request needs the user's gesture). False when
 * the reader declined.
 */
export async function alwaysUseCleanView(site: string): Promise<boolean> {
  if (!(await browser.permissions.request({ origins: originsOf(site) }))) return false;
  await send({ type: 'auto-open:add', site });
  return true;
}

/** Unregisters the site's script and gives its permission back. */
export async function stopUsingCleanView(site: string): Promise<void> {
  await send({ type: 'auto-open:remove', site });
}

// ---- Background ----

const scriptId = (site: string) => SCRIPT_ID_PREFIX + site;

function registration(site: string): Browser.scripting.RegisteredContentScript {
  return {
    id: scriptId(site),
    matches: originsOf(site),
    js: [AUTO_OPEN_SCRIPT.slice(1)],
    runAt: 'document_idle',
    allFrames: false,
    persistAcrossSessions: true,
  };
}

function hasPermission(site: string): Promise<boolean> {
  return browser.permissions.contains({ origins: originsOf(site) });
}

/** Registration changes run one at a time (two registrations with one id would fail). */
let pending: Promise<unknown> = Promise.resolve();
function serialized<T>(task: () => Promise<T>): Promise<T> {
  const next = pending.then(task);
  pending = next.catch(() => undefined);
  return next;
}

async function addSite(site: string): Promise<void> {
  if (!(await hasPermission(site))) throw new Error(`Lucid Reader may not read ${site}: the permission was not given.`);
  const sites = await autoOpenSitesItem.getValue();
  if (!sites.includes(site)) {
    try {
      await autoOpenSitesItem.setValue([...sites, site].sort());
    } catch (err) {
      // Not on the list means no way to remove it in the options page: give the permission back (R7).
      await browser.permissions.remove({ origins: originsOf(site) }).catch(() => undefined);
      throw err;
    }
  }
  await sync();
}

async function removeSite(site: string): Promise<void> {
  const sites = await autoOpenSitesItem.getValue();
  await autoOpenSitesItem.setValue(sites.filter((s) => s !== site));
  await sync();
  await browser.permissions.remove({ origins: originsOf(site) });
}

/**
 * Makes the registered scripts match the stored list (registrations are lost when the
 * extension is updated). A site whose permission was taken back in the browser's settings
 * leaves the list.
 */
export function syncRegistrations(): Promise<void> {
  return serialized(sync);
}

async function sync(): Promise<void> {
  const stored = await autoOpenSitesItem.getValue();
  const granted = (await Promise.all(stored.map(hasPermission))).map((ok, i) => (ok ? stored[i] : null));
  const sites = granted.filter((s): s is string => s !== null);
  if (sites.length !== stored.length) await autoOpenSitesItem.setValue(sites);

  const registered = (await browser.scripting.getRegisteredContentScripts())
    .map((s) => s.id)
    .filter((id) => id.startsWith(SCRIPT_ID_PREFIX));
  const wanted = new Set(sites.map(scriptId));
  const stale = registered.filter((id) => !wanted.has(id));
  const missing = sites.filter((site) => !registered.includes(scriptId(site)));
  if (stale.length) await browser.scripting.unregisterContentScripts({ ids: stale });
  if (missing.length) await browser.scripting.registerContentScripts(missing.map(registration));
}

/** The browser took permissions back (site settings): forget those sites. */
export function onPermissionsRemoved(removed: Browser.permissions.Permissions): Promise<void> {
  const gone = new Set((removed.origins ?? []).map(siteOfOrigin));
  // A Firefox pattern names the host only (see originsOf).
  const isGone = (site: string) => gone.has(site) || gone.has(hostOf(site));
  return serialized(async () => {
    const sites = await autoOpenSitesItem.getValue();
    if (sites.some(isGone)) await autoOpenSitesItem.setValue(sites.filter((s) => !isGone(s)));
    await sync();
  });
}

/**
 * The auto-open script found an article: open the clean view in that tab, if the tab's site
 * is still on the list (the permission makes the injection possible without a click).
 */
async function autoOpen(sender: Browser.runtime.MessageSender): Promise<void> {
  const tabId = sender.tab?.id;
  const site = siteOf(sender.url);
  if (tabId === undefined || sender.frameId !== 0 || !site) throw new Error('Refused: not a page.');
  if (!(await autoOpenSitesItem.getValue()).includes(site)) throw new Error('Refused: this site is not on the list.');
  await runCleanView(tabId, 'open', true);
}

export type AutoOpenMessage = MessageOf<'auto-open:add' | 'auto-open:remove' | 'auto-open:article'>;

/**
 * The background's handler for the auto-open messages, already checked in shape and sender by
 * the protocol (adding: extension pages; removing: those and the clean view; an article: a
 * content script).
 */
export async function handleAutoOpen(message: AutoOpenMessage, sender: Browser.runtime.MessageSender): Promise<void> {
  if (message.type === 'auto-open:article') return autoOpen(sender);
  const site = message.site.toLowerCase();
  return serialized(() => (message.type === 'auto-open:add' ? addSite(site) : removeSite(site)));
}

/** Opens the options page on the confirmation for `site` (asked from the clean view). */
export async function confirmSite(site: string): Promise<void> {
  await browser.tabs.create({ url: confirmationUrl(site.toLowerCase()) });
}
