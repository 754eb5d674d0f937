/**
 * Firefox end-to-end harness: Debian's firefox-esr, headless, driven over WebDriver BiDi, with
 * the built add-on (.output/firefox-mv3) installed as a temporary add-on, pages served on
 * 127.0.0.1 (tests/e2e/harness.ts `servePages`), and the toolbar button clicked through the
 * code path of a real click (browserActionFor(extension).triggerAction(window): the activeTab
 * grant, then the popup panel). See ../shared/notes/firefox-e2e.md for why each step is so.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { connectBidi, type Bidi } from './bidi';
import { FIREFOX_PATHS } from './firefox-path';
import { pollExpression, servePages, type Popup } from '../harness';

export const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv3');
export const FIREFOX = FIREFOX_PATHS.find((p) => existsSync(p)) ?? 'firefox-esr';
export const GECKO_ID = 'lucid-reader@lucid.example';
/** Fixed by the `extensions.webextensions.uuids` pref, so the add-on's pages have a known origin. */
export const EXTENSION_UUID = '6a1f0c52-9d3e-4b7a-8f21-5c4e7d9b0a13';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/** Prefs for a quiet, offline test profile (no first-run pages, updates or telemetry). */
const PREFS: Record<string, string | number | boolean> = {
  'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.startup.page': 0,
  'browser.aboutwelcome.enabled': false,
  'browser.tabs.warnOnClose': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'app.update.disabledForTesting': true,
  'app.normandy.enabled': false,
  'browser.region.network.url': '',
  'browser.safebrowsing.update.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.update.enabled': false,
  'extensions.blocklist.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'services.settings.server': 'http://127.0.0.1:9/',
  'messaging-system.rsexperimentloader.enabled': false,
  'browser.newtabpage.enabled': false,
  'browser.newtabpage.activity-stream.feeds.system.topstories': false,
  'dom.disable_open_during_load': false,
  'browser.translations.automaticallyPopup': false,
};

export interface FirefoxSession {
  bidi: Bidi;
  /** The browser window's BiDi context (chrome scope: scripts there run with browser privileges). */
  chromeContext: string;
  profile: string;
  /** Runs an expression (which may await) in the browser window; returns its JSON value. */
  chrome<T>(expression: string): Promise<T>;
  /** Opens a tab at `url` (selected, loaded); returns its BiDi context id. */
  openTab(url: string, wait?: 'none' | 'interactive' | 'complete'): Promise<string>;
  navigate(context: string, url: string, wait?: 'none' | 'interactive' | 'complete'): Promise<void>;
  closeTab(context: string): Promise<void>;
  /** Runs an expression in a content context (a tab, a frame, an extension page); returns its JSON value. */
  evaluate<T>(context: string, expression: string): Promise<T>;
  close(): Promise<void>;
}

/** Wraps an expression so that its (awaited) value comes back as JSON text. */
const asJson = (expression: string) => `(async () => { const v = await (${bare(expression)}); return v === undefined ? 'null' : JSON.stringify(v); })()`;

/** An expression without the statement's closing semicolon, so that it can be wrapped. */
const bare = (expression: string) => expression.trim().replace(/;+$/, '');

async function evaluateIn<T>(bidi: Bidi, context: string, expression: string): Promise<T> {
  const res = await bidi.send<{ type: string; result?: { type: string; value?: unknown }; exceptionDetails?: { text: string } }>('script.evaluate', {
    expression: asJson(expression),
    target: { context },
    awaitPromise: true,
    resultOwnership: 'none',
  });
  if (res.type === 'exception') throw new Error(`evaluate: ${res.exceptionDetails?.text}`);
  return JSON.parse(String(res.result?.value ?? 'null')) as T;
}

/** Starts firefox-esr with a fresh profile and the add-on installed. */
export async function launchFirefox(options: { extensionDir?: string } = {}): Promise<FirefoxSession> {
  const extensionDir = options.extensionDir ?? FIREFOX_EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error('Build the add-on first: npx wxt build -b firefox --mv3');
  const profile = mkdtempSync(join(tmpdir(), 'lucid-firefox-'));
  writeFileSync(join(profile, 'user.js'), Object.entries(PREFS).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join('\n'));
  const proc: ChildProcess = spawn(
    FIREFOX,
    ['--headless', '--no-remote', '--remote-debugging-port=0', '--remote-allow-system-access', '--profile', profile, '--window-size=1280,900', 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' } },
  );
  const endpoint = await new Promise<string>((ok, fail) => {
    let buffer = '';
    const timer = setTimeout(() => fail(new Error(`Firefox did not start: ${buffer.slice(-500)}`)), 60_000);
    proc.stderr!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = buffer.match(/WebDriver BiDi listening on (ws:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        ok(match[1]!);
      }
    });
    proc.on('exit', (code) => fail(new Error(`Firefox exited (${code}): ${buffer.slice(-500)}`)));
  });
  proc.stderr!.resume();
  const bidi = await connectBidi(`${endpoint}/session`);
  await bidi.send('session.new', { capabilities: {} });
  await bidi.send('webExtension.install', { extensionData: { type: 'path', path: extensionDir } });
  const { contexts } = await bidi.send<{ contexts: { context: string }[] }>('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const chromeContext = contexts[0]!.context;
  const session: FirefoxSession = {
    bidi,
    chromeContext,
    profile,
    chrome: (expression) => evaluateIn(bidi, chromeContext, expression),
    evaluate: (context, expression) => evaluateIn(bidi, context, expression),
    async openTab(url, wait = 'complete') {
      const { context } = await bidi.send<{ context: string }>('browsingContext.create', { type: 'tab' });
      await bidi.send('browsingContext.activate', { context });
      await session.navigate(context, url, wait);
      return context;
    },
    async navigate(context, url, wait = 'complete') {
      await bidi.send('browsingContext.navigate', { context, url, wait });
    },
    async closeTab(context) {
      await bidi.send('browsingContext.close', { context }).catch(() => undefined);
    },
    async close() {
      await bidi.send('session.end').catch(() => undefined);
      bidi.close();
      proc.kill('SIGTERM');
      await new Promise((ok) => (proc.exitCode !== null ? ok(null) : proc.once('exit', ok)));
      rmSync(profile, { recursive: true, force: true });
    },
  };
  await session.chrome(`(() => {
    // The BiDi agent keeps frames in one process; a reader's Firefox isolates sites.
    Services.prefs.clearUserPref('fission.webContentIsolationStrategy');
    return true;
  })()`);
  return session;
}

/** Helpers run in the browser window: the add-on, and the popup browser that is open. */
const CHROME_PRELUDE = `
  const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
  const extension = WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension;
  const openPopup = () => [...document.querySelectorAll('browser.webextension-popup-browser')].find((b) => b.closest('panel')?.state === 'open');
  const sidebarBrowser = () => (window.SidebarController ?? window.SidebarUI)?.browser?.contentDocument?.getElementById('webext-panels-browser');
`;

/** A popup opened by the toolbar button, driven as Chromium's is: expressions run in the popup page. */
export type FirefoxPopup = Popup;

/** Selects `tab` and clicks the add-on's toolbar button; resolves when the popup panel is open. */
export async function clickActionFirefox(session: FirefoxSession, tab: string): Promise<FirefoxPopup> {
  await session.bidi.send('browsingContext.activate', { context: tab });
  await session.chrome(`(async () => {
    ${CHROME_PRELUDE}
    const before = openPopup();
    if (before) before.closest('panel').hidePopup();
    ExtensionParent.apiManager.global.browserActionFor(extension).triggerAction(window);
    for (let i = 0; i < 200; i++) {
      const browser = openPopup();
      // The popup is loaded in a preload panel, then moved: wait for the panel that is open.
      if (browser && browser.browsingContext?.currentWindowGlobal) return true;
      await new Promise((ok) => setTimeout(ok, 50));
    }
    throw new Error('The popup did not open.');
  })()`);
  const evaluate = <T>(expression: string) => evaluateInBrowser<T>(session, 'openPopup()', expression);
  return {
    evaluate,
    waitFor: (expression, timeoutMs) => pollExpression(evaluate, expression, timeoutMs),
    screenshot: (path) => snapshotBrowser(session, 'openPopup()', path),
    async close() {
      await session.chrome(`(() => { ${CHROME_PRELUDE} openPopup()?.closest('panel').hidePopup(); return true; })()`).catch(() => undefined);
    },
  };
}

let nextReply = 1;

/**
 * Runs `expression` in an extension page shown in the browser window (`findBrowser` gives its
 * `<browser>`: the open popup, the sidebar): a frame script in that browser evaluates it in a
 * sandbox over the page (which sees what the page's scripts see, `browser.*` included) and
 * answers with a message. `eval` is blocked for system code, so the expression is part of the
 * frame script's source.
 */
async function evaluateInBrowser<T>(session: FirefoxSession, findBrowser: string, expression: string): Promise<T> {
  const name = `lucid-test:${nextReply++}`;
  const frameScript = `
    const sandbox = Cu.Sandbox(content, { sandboxPrototype: content, wantXrays: false });
    Promise.resolve()
      .then(() => Cu.evalInSandbox(${JSON.stringify(asJson(expression))}, sandbox))
      .then((json) => sendAsyncMessage(${JSON.stringify(name)}, { json }), (err) => sendAsyncMessage(${JSON.stringify(name)}, { error: String(err && err.message || err) }));
  `;
  const reply = await session.chrome<{ json?: string; error?: string }>(`new Promise((ok, fail) => {
    ${CHROME_PRELUDE}
    const browser = ${findBrowser};
    if (!browser) return fail(new Error('no such page is open: ${findBrowser}'));
    const mm = browser.messageManager;
    const timer = setTimeout(() => { mm.removeMessageListener(${JSON.stringify(name)}, listener); fail(new Error('the popup did not answer')); }, 10000);
    const listener = (message) => { clearTimeout(timer); mm.removeMessageListener(${JSON.stringify(name)}, listener); ok(message.data); };
    mm.addMessageListener(${JSON.stringify(name)}, listener);
    mm.loadFrameScript('data:,' + encodeURIComponent(${JSON.stringify(frameScript)}), false);
  })`);
  if (reply.error !== undefined) throw new Error(`${findBrowser}: ${reply.error}`);
  return JSON.parse(reply.json ?? 'null') as T;
}

/** The BiDi contexts of the frames inside `tab`, with their URLs. */
export async function framesOf(session: FirefoxSession, tab: string): Promise<{ context: string; url: string }[]> {
  const { contexts } = await session.bidi.send<{ contexts: { context: string; url: string; children?: { context: string; url: string; children?: unknown[] }[] }[] }>('browsingContext.getTree', { root: tab });
  const out: { context: string; url: string }[] = [];
  const walk = (list: { context: string; url: string; children?: unknown[] }[] = []) => {
    for (const c of list) {
      out.push({ context: c.context, url: c.url });
      walk(c.children as never);
    }
  };
  walk(contexts[0]?.children as never);
  return out;
}

/** Gives the add-on a host permission without the prompt (as if the reader had clicked "Allow"). */
export async function grantOrigins(session: FirefoxSession, origins: string[]): Promise<void> {
  await session.chrome(`(async () => {
    ${CHROME_PRELUDE}
    const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
    await ExtensionPermissions.add(${JSON.stringify(GECKO_ID)}, { permissions: [], origins: ${JSON.stringify(origins)} }, extension);
    return true;
  })()`);
}

/**
 * Whether the page in `context` answers within `timeoutMs`: its main thread is not frozen.
 * Evaluated in a BiDi sandbox, so a page that redefines JSON or Promise cannot spoil the answer.
 */
export async function answers(session: FirefoxSession, context: string, timeoutMs = 3_000): Promise<boolean> {
  const probe = session.bidi
    .send<{ result?: { value?: unknown } }>('script.evaluate', { expression: '1 + 1', target: { context, sandbox: 'lucid-probe' }, awaitPromise: false })
    .then((r) => r.result?.value === 2, () => false);
  return Promise.race([probe, new Promise<boolean>((ok) => setTimeout(() => ok(false), timeoutMs))]);
}

/** Polls `probe` until it gives a truthy value. */
export async function until<T>(probe: () => Promise<T> | T, what: string, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await Promise.resolve(probe()).catch(() => undefined);
    if (value) return value as NonNullable<T>;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

/**
 * Content Security Policy refusals logged by the add-on's own pages since the browser started:
 * the only trace an inline script or handler that reached an extension page can leave.
 */
export function extensionCspErrors(session: FirefoxSession): Promise<string[]> {
  return session.chrome(`Services.console.getMessageArray()
    .filter((m) => m instanceof Ci.nsIScriptError && /CSP|Content-Security-Policy/.test(m.category + ' ' + m.errorMessage) && String(m.sourceName).startsWith(${JSON.stringify(EXTENSION_ORIGIN)}))
    .map((m) => m.sourceName + ': ' + m.errorMessage)`);
}

/** Errors logged by the add-on's own scripts (pages, frames, content scripts) since the browser started. */
export function extensionErrors(session: FirefoxSession): Promise<string[]> {
  return session.chrome(`Services.console.getMessageArray()
    .filter((m) => m instanceof Ci.nsIScriptError && !(m.flags & Ci.nsIScriptError.warningFlag) && String(m.sourceName).startsWith(${JSON.stringify(EXTENSION_ORIGIN)}))
    .map((m) => m.errorMessage)`);
}

/** Keeps what an extension page in `tab` downloads: every blob handed to URL.createObjectURL. */
export async function captureDownloadsIn(session: FirefoxSession, tab: string): Promise<void> {
  await session.evaluate(tab, `(() => {
    const create = URL.createObjectURL.bind(URL);
    window.blobs = [];
    URL.createObjectURL = (blob) => { window.blobs.push(blob); return create(blob); };
    return true;
  })()`);
}

/** The texts of the downloads kept by `captureDownloadsIn`, in order. */
export function downloadedTextsIn(session: FirefoxSession, tab: string): Promise<string[]> {
  return session.evaluate(tab, 'Promise.all(window.blobs.map((b) => b.text()))');
}

/**
 * Serves named pages on port 80 of a random loopback address (127.x.y.z). Firefox's match
 * patterns cannot name a port (a pattern with one matches nothing), so a site registered for
 * "Always use clean view" must be served on its scheme's default port. Binding port 80 needs root
 * (as the CI runs); the random address keeps parallel runs apart.
 */
export async function serveOnDefaultPort(pages: Record<string, string | Buffer>): Promise<{ origin: string; server: Server }> {
  const byte = () => 1 + Math.floor(Math.random() * 250);
  const host = `127.${byte()}.${byte()}.${byte()}`;
  const server = createServer((req, res) => {
    const body = pages[(req.url ?? '/').split('?')[0]!];
    if (body === undefined) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', (err) => fail(new Error(`Cannot serve on ${host}:80 (${err.message}); the Firefox auto-open test needs root.`)));
    server.listen(80, host, ok);
  });
  return { origin: `http://${host}`, server };
}

const GREEN = `document.querySelector('[role=toolbar] [aria-label="Highlight in green"]')`;

/**
 * Selects `words` in the popup's article and highlights them in green. The selection is made
 * again until the highlight toolbar shows: one made before the reader listens for selection
 * changes (right after the popup opens, on a loaded machine) raises no event.
 */
export async function highlightInPopup(popup: FirefoxPopup, select: string): Promise<void> {
  await popup.waitFor(`document.querySelector('.highlight-status')`);
  await popup.waitFor(`${GREEN} || (${select}, false)`);
  await popup.evaluate(`${GREEN}.click()`);
  await popup.waitFor(`document.querySelector('mark.highlight.green')`);
}

/** JavaScript source with its non-ASCII characters escaped (a `data:` URL is not read as UTF-8). */
const ascii = (source: string) => source.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * Installs `source` in every clean view frame that opens in the selected tab from now on, before
 * the frame's own scripts run. BiDi preload scripts do not reach extension frames, so a frame
 * script in the tab's browser evaluates it, at the frame's window creation, in a sandbox over
 * that window (what it defines is seen by the page's scripts).
 */
export async function beforeCleanViewScripts(session: FirefoxSession, source: string): Promise<void> {
  const frameScript = `addEventListener('DOMWindowCreated', (event) => {
    const win = event.target.defaultView;
    if (!String(win.location.href).includes('/cleanview.html')) return;
    Cu.evalInSandbox(${ascii(JSON.stringify(source))}, Cu.Sandbox(win, { sandboxPrototype: win, wantXrays: false }));
  }, true);`;
  await session.chrome(`(() => { gBrowser.selectedBrowser.messageManager.loadFrameScript('data:,' + encodeURIComponent(${JSON.stringify(frameScript)}), false); return true; })()`);
}

/** Writes a PNG of the tab's viewport (with the frames it shows). */
export async function screenshotTab(session: FirefoxSession, tab: string, path: string): Promise<void> {
  const { data } = await session.bidi.send<{ data: string }>('browsingContext.captureScreenshot', { context: tab });
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, Buffer.from(data, 'base64'));
}

/** Writes a PNG of an extension page shown in the browser window (`findBrowser` gives its `<browser>`). */
async function snapshotBrowser(session: FirefoxSession, findBrowser: string, path: string): Promise<void> {
  const data = await session.chrome<string>(`(async () => {
    ${CHROME_PRELUDE}
    const browser = ${findBrowser};
    const bitmap = await browser.browsingContext.currentWindowGlobal.drawSnapshot(null, 1, 'white');
    const canvas = document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    canvas.getContext('2d').drawImage(bitmap, 0, 0);
    return canvas.toDataURL('image/png');
  })()`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, Buffer.from(data.replace(/^data:image\/png;base64,/, ''), 'base64'));
}

/** The add-on's sidebar (`sidebar_action`), opened in the browser window. */
export interface FirefoxSidebar {
  evaluate<T>(expression: string): Promise<T>;
  screenshot(path: string): Promise<void>;
}

/** Opens the add-on's sidebar as the View › Sidebar menu does; resolves when its page has loaded. */
export async function openSidebar(session: FirefoxSession): Promise<FirefoxSidebar> {
  await session.chrome(`(async () => {
    ${CHROME_PRELUDE}
    // The sidebar's id: the add-on's widget id (its id, lowercased, other characters as _) and a suffix.
    await (window.SidebarController ?? window.SidebarUI).show(extension.id.toLowerCase().replace(/[^a-z0-9_-]/g, '_') + '-sidebar-action');
    for (let i = 0; i < 200; i++) {
      if (sidebarBrowser()?.currentURI?.spec?.endsWith('/sidepanel.html') && sidebarBrowser().browsingContext?.currentWindowGlobal) return true;
      await new Promise((ok) => setTimeout(ok, 50));
    }
    throw new Error('The sidebar did not open.');
  })()`);
  return {
    evaluate: (expression) => evaluateInBrowser(session, 'sidebarBrowser()', expression),
    screenshot: (path) => snapshotBrowser(session, 'sidebarBrowser()', path),
  };
}

/** A Firefox with the add-on, and `pages` served on 127.0.0.1. */
export async function launchWithPages(pages: Record<string, string | Buffer>): Promise<{ session: FirefoxSession; origin: string; close(): Promise<void> }> {
  const { origin, server } = await servePages(pages);
  const session = await launchFirefox();
  return {
    session,
    origin,
    async close() {
      await session.close();
      server.close();
    },
  };
}
