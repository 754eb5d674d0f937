/**
 * End-to-end harness: Debian's Chromium with the built extension loaded, pages served on
 * 127.0.0.1, and a real toolbar click (CDP Extensions.triggerAction on the tab target, which
 * gives the activeTab grant and opens the popup).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import WebSocket from 'ws';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { CHROMIUM_PATHS } from './chromium-path';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');
export const CHROMIUM = CHROMIUM_PATHS.find((p) => existsSync(p)) ?? 'chromium';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.pdf': 'application/pdf',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
};

/**
 * Keeps a context's pages on `origin`: corpus pages point at the live web, so every other request
 * fails at once — except a page's own navigation away (some pages' scripts redirect after a
 * moment), which gets a 204: the browser then stays on the page instead of showing an error page
 * that has lost the activeTab grant.
 */
export async function keepToOrigin(context: BrowserContext, origin: string): Promise<void> {
  await context.route('**/*', (route) => {
    const request = route.request();
    if (request.url().startsWith(origin)) return route.continue();
    if (request.isNavigationRequest() && request.frame() === request.frame().page()?.mainFrame()) return route.fulfill({ status: 204 });
    return route.abort();
  });
}

/** Serves named pages (path → body) and files from a folder on 127.0.0.1 at a free port. */
export async function servePages(pages: Record<string, string | Buffer>, dir?: string): Promise<{ origin: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    const body = pages[path] ?? (dir && existsSync(join(dir, path)) ? readFileSync(join(dir, path)) : undefined);
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { origin: `http://127.0.0.1:${port}`, server };
}

export interface Session {
  browser: Browser;
  context: BrowserContext;
  cdp: CDPSession;
  extensionId: string;
  /** The browser's DevTools WebSocket URL. */
  endpoint: string;
  profile: string;
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

/** Starts Chromium with the extension; reuse `profile` to restart on the same profile. */
/** `extensionDir`: another build of the extension (e.g. `wxt build --mode e2e` → .output/chrome-mv3-e2e). */
export async function launch(options: { profile?: string; headless?: boolean; extensionDir?: string } = {}): Promise<Session> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error('Build the extension first: npx wxt build');
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'lucid-profile-'));
  const args = [
    ...(options.headless === false ? [] : ['--headless=new']),
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--no-default-browser-check',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`,
    `--user-data-dir=${profile}`, '--remote-debugging-port=0', '--window-size=1280,900', 'about:blank',
  ];
  const proc: ChildProcess = spawn(CHROMIUM, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const endpoint = await new Promise<string>((ok, fail) => {
    let buffer = '';
    const timer = setTimeout(() => fail(new Error(`Chromium did not start: ${buffer.slice(-500)}`)), 30_000);
    proc.stderr!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = buffer.match(/DevTools listening on (ws:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        ok(match[1]);
      }
    });
    proc.on('exit', (code) => fail(new Error(`Chromium exited (${code}): ${buffer.slice(-500)}`)));
  });
  proc.stderr!.resume();
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0];
  const cdp = await browser.newBrowserCDPSession();
  const extensionId = await findExtensionId(cdp);
  return {
    browser,
    context,
    cdp,
    extensionId,
    endpoint,
    profile,
    async close({ keepProfile = false } = {}) {
      await browser.close().catch(() => undefined);
      proc.kill('SIGTERM');
      await new Promise((ok) => (proc.exitCode !== null ? ok(null) : proc.once('exit', ok)));
      if (!keepProfile) await removeProfile(profile);
    },
  };
}

/**
 * Deletes a temporary profile. Chromium's helper processes may go on writing to it for a moment
 * after the browser exits, so retry for a while; a leftover temp folder must not fail a test.
 */
async function removeProfile(profile: string): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      rmSync(profile, { recursive: true, force: true });
      return;
    } catch {
      await new Promise((ok) => setTimeout(ok, 250));
    }
  }
  console.warn(`harness: could not delete the temporary profile ${profile}`);
}

async function findExtensionId(cdp: CDPSession): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
    if (worker) return new URL(worker.url).host;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error('The extension did not load (no service worker).');
}

/** The CDP target id of the tab showing `page`. */
async function tabTargetOf(cdp: CDPSession, page: Page): Promise<string> {
  const url = page.url();
  const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never);
  const tab = targetInfos.find((t) => t.url === url) ?? targetInfos.find((t) => t.type === 'tab');
  if (!tab) throw new Error(`No tab target for ${url}`);
  return tab.targetId;
}

/** Waits until `expression`, evaluated in the popup, is truthy (an evaluation that throws counts as not yet). */
export async function pollExpression(evaluate: Popup['evaluate'], expression: string, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await evaluate<boolean>(`Boolean(${expression})`).catch(() => false)) return;
    await new Promise((ok) => setTimeout(ok, 50));
  }
  throw new Error(`popup: timed out waiting for ${expression}`);
}

/** A popup driven over CDP (Chromium does not expose extension popups as Playwright pages). */
export interface Popup {
  evaluate<T>(expression: string): Promise<T>;
  waitFor(expression: string, timeoutMs?: number): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

/** Clicks the toolbar button for `page` and attaches to the popup that opens. */
export async function clickAction(session: Session, page: Page): Promise<Popup> {
  const { cdp, extensionId } = session;
  await page.bringToFront();
  const targetId = await tabTargetOf(cdp, page);
  const before = new Set((await cdp.send('Target.getTargets')).targetInfos.map((t) => t.targetId));
  await cdp.send('Extensions.triggerAction' as never, { id: extensionId, targetId } as never);
  let popupId: string | undefined;
  for (let i = 0; i < 100 && !popupId; i++) {
    const { targetInfos } = await cdp.send('Target.getTargets');
    popupId = targetInfos.find((t) => !before.has(t.targetId) && t.url.includes(`${extensionId}/popup.html`))?.targetId;
    if (!popupId) await new Promise((ok) => setTimeout(ok, 50));
  }
  if (!popupId) throw new Error('The popup did not open.');
  return attachPopup(session, popupId);
}

/** A minimal CDP client on one target's own DevTools socket: commands, and its events. */
export interface TargetSocket {
  send<T>(method: string, params?: object): Promise<T>;
  on(listener: (method: string, params: unknown) => void): void;
  close(): void;
}

export async function connectTarget(endpoint: string, targetId: string): Promise<TargetSocket> {
  const { host } = new URL(endpoint);
  const socket = new WebSocket(`ws://${host}/devtools/page/${targetId}`);
  await new Promise((ok, fail) => {
    socket.once('open', ok);
    socket.once('error', fail);
  });
  let nextId = 1;
  const waiting = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void }>();
  const listeners: ((method: string, params: unknown) => void)[] = [];
  socket.on('message', (raw) => {
    const message = JSON.parse(raw.toString()) as { id?: number; method?: string; params?: unknown; result?: unknown; error?: { message: string } };
    if (message.method) for (const listener of listeners) listener(message.method, message.params);
    const entry = message.id !== undefined ? waiting.get(message.id) : undefined;
    if (!entry) return;
    waiting.delete(message.id!);
    if (message.error) entry.fail(new Error(message.error.message));
    else entry.ok(message.result);
  });
  // A target that goes away (a popup closing itself) answers nothing more: fail what waits.
  socket.on('close', () => {
    for (const entry of waiting.values()) entry.fail(new Error('the target closed'));
    waiting.clear();
  });
  return {
    send<T>(method: string, params: object = {}) {
      const id = nextId++;
      if (socket.readyState !== WebSocket.OPEN) return Promise.reject(new Error('the target closed'));
      socket.send(JSON.stringify({ id, method, params }));
      return new Promise<T>((ok, fail) => waiting.set(id, { ok: ok as (v: unknown) => void, fail }));
    },
    on: (listener) => listeners.push(listener),
    close: () => socket.close(),
  };
}

async function attachPopup(session: Session, targetId: string): Promise<Popup> {
  const target = await connectTarget(session.endpoint, targetId);
  const evaluate = async <T>(expression: string): Promise<T> => {
    const res = await target.send<{ result: { value: T }; exceptionDetails?: { text: string; exception?: { description?: string } } }>(
      'Runtime.evaluate',
      { expression, awaitPromise: true, returnByValue: true },
    );
    if (res.exceptionDetails) throw new Error(`popup: ${res.exceptionDetails.exception?.description ?? res.exceptionDetails.text}`);
    return res.result.value;
  };
  return {
    evaluate,
    waitFor: (expression, timeoutMs) => pollExpression(evaluate, expression, timeoutMs),
    async screenshot(path) {
      const { data } = await target.send<{ data: string }>('Page.captureScreenshot', { format: 'png' });
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, Buffer.from(data, 'base64'));
    },
    async close() {
      target.close();
      await session.cdp.send('Target.closeTarget', { targetId }).catch(() => undefined);
    },
  };
}

/** Keeps what an extension page downloads: every blob it hands to URL.createObjectURL. */
export async function captureDownloads(page: Page): Promise<void> {
  await page.evaluate(() => {
    const create = URL.createObjectURL.bind(URL);
    (window as unknown as { blobs: Blob[] }).blobs = [];
    URL.createObjectURL = (blob: Blob) => {
      (window as unknown as { blobs: Blob[] }).blobs.push(blob);
      return create(blob);
    };
  });
}

/** The texts of the downloads kept by `captureDownloads`, in order. */
export function downloadedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => Promise.all((window as unknown as { blobs: Blob[] }).blobs.map((b) => b.text())));
}
