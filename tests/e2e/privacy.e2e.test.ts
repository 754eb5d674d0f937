/**
 * Privacy in Chromium with the built extension: the extension makes no network request of its
 * own. A watcher on the browser's DevTools socket attaches to every target as it is created
 * (Target.setAutoAttach, flattened, paused until Network is enabled, so that no first request
 * is missed): the service worker, the popup, the clean view (an out-of-process frame, reached
 * through the page's own auto-attach), the library and options pages, and the article's tab
 * itself. A realistic session runs (popup on the sample article served on 127.0.0.1, whose
 * image points at that same server; clean view; library with highlights stored through the
 * background; both exports; options), then every request seen must be for the test server (the
 * article's own image, loaded when the reader shows the article) or chrome-extension://<our id>/.
 * The watcher proves it sees the service worker: a deliberate fetch from it must be recorded.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLOURS, articleKey, type Highlight } from '../../utils/highlights';
import { openedView, waitFor } from './cleanview-helpers';
import { EXTENSION_DIR, clickAction, launch, servePages, type Session } from './harness';

process.env.LANGUAGE = 'en';
declare const chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> } };

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const IMAGE_PATH = '/img/austin-pentagone.png';
const BODY_IMAGE_PATH = '/img/pentagone.png';

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}
interface Request {
  url: string;
  /** The target that made it, as it was when the request started. */
  target: TargetInfo;
}

/**
 * Watches every request of every target, over its own browser-level DevTools connection
 * (independent of Playwright's). Targets created later are paused at birth
 * (waitForDebuggerOnStart) until Network.enable has been sent to them.
 */
class RequestWatcher {
  readonly requests: Request[] = [];
  readonly targets = new Map<string, TargetInfo>(); // by session id
  private readonly seen = new Set<string>();
  private socket!: WebSocket;
  private nextId = 1;
  private waiting = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void }>();

  async start(endpoint: string): Promise<void> {
    this.socket = new WebSocket(endpoint);
    await new Promise((ok, fail) => {
      this.socket.once('open', ok);
      this.socket.once('error', fail);
    });
    this.socket.on('message', (raw) => this.receive(JSON.parse(raw.toString())));
    await this.send('Target.setDiscoverTargets', { discover: true });
    // For the browser target: every top-level target (pages, popups, service workers).
    await this.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true });
  }

  send<T = unknown>(method: string, params: object = {}, sessionId?: string): Promise<T> {
    const id = this.nextId++;
    this.socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    return new Promise<T>((ok, fail) => this.waiting.set(id, { ok: ok as (v: unknown) => void, fail }));
  }

  /** Runtime.evaluate in the first attached target that matches. */
  async evaluateIn(match: (t: TargetInfo) => boolean, expression: string): Promise<unknown> {
    const sessionId = [...this.targets].find(([, t]) => match(t))?.[0];
    if (!sessionId) throw new Error('no such target attached');
    const res = await this.send<{ result: { value: unknown }; exceptionDetails?: { text: string } }>(
      'Runtime.evaluate',
      { expression, awaitPromise: true, returnByValue: true },
      sessionId,
    );
    if (res.exceptionDetails) throw new Error(res.exceptionDetails.text);
    return res.result.value;
  }

  close(): void {
    this.socket?.close();
  }

  private receive(message: { id?: number; method?: string; params?: Record<string, unknown>; sessionId?: string; result?: unknown; error?: { message: string } }): void {
    if (message.id !== undefined) {
      const entry = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      if (message.error) entry?.fail(new Error(message.error.message));
      else entry?.ok(message.result);
      return;
    }
    const params = message.params ?? {};
    switch (message.method) {
      case 'Target.attachedToTarget':
        void this.attached(params.sessionId as string, params.targetInfo as TargetInfo, params.waitingForDebugger as boolean);
        break;
      case 'Target.targetInfoChanged': {
        const info = params.targetInfo as TargetInfo;
        for (const [sessionId, t] of this.targets) if (t.targetId === info.targetId) this.targets.set(sessionId, { ...info });
        break;
      }
      case 'Network.requestWillBeSent': {
        const target = this.targets.get(message.sessionId ?? '') ?? { targetId: '?', type: '?', url: '?' };
        // One request can be reported to several sessions on the same target (a service
        // worker is reached both from the browser and from the pages it serves), and again
        // on each redirect: count it once.
        const key = `${target.targetId} ${params.requestId as string} ${(params.request as { url: string }).url}`;
        if (this.seen.has(key)) break;
        this.seen.add(key);
        this.requests.push({ url: (params.request as { url: string }).url, target: { ...target } });
        break;
      }
    }
  }

  private async attached(sessionId: string, info: TargetInfo, paused: boolean): Promise<void> {
    this.targets.set(sessionId, { ...info });
    const steps: Promise<unknown>[] = [this.send('Network.enable', {}, sessionId)];
    // Pages and frames: also their out-of-process frames and dedicated workers.
    if (info.type === 'page' || info.type === 'iframe') {
      steps.push(this.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true }, sessionId));
    }
    await Promise.all(steps).catch(() => undefined); // a target may close meanwhile
    if (paused) await this.send('Runtime.runIfWaitingForDebugger', {}, sessionId).catch(() => undefined);
  }
}

function highlight(n: number, text: string, url: string, title: string): Highlight {
  const at = new Date(Date.UTC(2024, 6, 13 + n)).toISOString();
  return {
    id: `privacy-${n}`,
    articleKey: articleKey(url),
    selectors: { quote: { exact: text, prefix: '', suffix: '' }, position: { start: n * 300, end: n * 300 + text.length } },
    text,
    colour: COLOURS[n % COLOURS.length]!,
    note: n === 0 ? 'À relire' : '',
    createdAt: at,
    updatedAt: at,
    url,
    title,
    site: new URL(url).host,
  };
}

describe('privacy: the extension makes no network request of its own (Chromium)', () => {
  let session: Session;
  let server: Server;
  let origin: string;
  let copy: string;
  const watcher = new RequestWatcher();
  /** Paths the test server was asked for, whoever asked. */
  const served: string[] = [];
  const timings: string[] = [];
  const started = Date.now();
  const lap = (what: string) => timings.push(`${what} ${((Date.now() - started) / 1000).toFixed(1)} s`);

  beforeAll(async () => {
    const sample = readFileSync('tests/fixtures/sample-fr.html', 'utf8');
    // The article's images on the test server (the fixture's own points at an unreachable site).
    // One more figure in the body, with an image of its own on the test server.
    const bodyFigure = `<figure><img src="${BODY_IMAGE_PATH}" alt="Le Pentagone, à Washington" width="600" height="400"><figcaption>Le Pentagone, à Washington.</figcaption></figure>`;
    const page = sample
      .replace(/https:\/\/images\.lequotidien\.example\/[^"]+/, IMAGE_PATH)
      .replace(/(<div class="article-body">[\s\S]*?<\/p>)/, `$1\n${bodyFigure}`);
    expect(page).toContain(`src="${IMAGE_PATH}"`);
    expect(page).toContain(bodyFigure);
    ({ origin, server } = await servePages({ '/sample.html': page, [IMAGE_PATH]: PNG, [BODY_IMAGE_PATH]: PNG }));
    server.on('request', (req) => served.push(req.url ?? ''));
    // A copy of the build: a `wxt build` run meanwhile (by someone else) empties .output.
    copy = mkdtempSync(join(tmpdir(), 'lucid-privacy-ext-'));
    cpSync(EXTENSION_DIR, copy, { recursive: true });
    session = await launch({ extensionDir: copy });
    await watcher.start(session.endpoint);
    lap('browser up, watcher attached');
  });

  afterAll(async () => {
    watcher.close();
    await session?.close();
    server?.close();
    if (copy) for (const dir of [copy, `${copy}-downloads`]) rmSync(dir, { recursive: true, force: true });
  });

  it('a session (popup, clean view, library, exports, options) requests nothing beyond the article and the extension', async () => {
    const own = `chrome-extension://${session.extensionId}/`;
    const where = (t: TargetInfo): string => {
      if (t.type === 'service_worker') return 'service worker';
      if (t.url.startsWith(own)) return new URL(t.url).pathname.slice(1).replace('.html', '');
      return `${t.type} ${t.url.startsWith(origin) ? 'article page' : t.url || '(no address yet)'}`;
    };
    const ours = (t: TargetInfo) => t.url.startsWith(own);

    // The watcher must be on the service worker before anything happens.
    await waitFor(() => [...watcher.targets.values()].some((t) => t.type === 'service_worker' && ours(t)), 'the service worker attached');

    // 1. The popup on the article: it shows the article with its image.
    const article = await session.context.newPage();
    await article.goto(`${origin}/sample.html`);
    let popup = await clickAction(session, article);
    await popup.waitFor('document.querySelector("article h1")', 20_000);
    await popup.evaluate(`[...document.images].find((i) => i.src.endsWith(${JSON.stringify(BODY_IMAGE_PATH)}))?.scrollIntoView()`);
    await popup.waitFor(`[...document.images].some((i) => i.src.endsWith(${JSON.stringify(BODY_IMAGE_PATH)}) && i.complete && i.naturalWidth > 0)`, 10_000);
    // Folded lines shown, the reading settings changed (a message to the background), Markdown copied.
    await popup.evaluate(`document.querySelector('[data-testid="folded-summary"]').click()`);
    await popup.evaluate(`document.querySelector('button[aria-controls="settings"]').click()`);
    await popup.waitFor('document.getElementById("settings")');
    await popup.evaluate(`document.querySelector('#settings input[type=radio]:not(:checked), #settings select, #settings button')?.click()`);
    await popup.evaluate(`document.querySelector('button[aria-label="Copy as Markdown"]').click()`);
    lap('popup');

    // 2. The clean view, opened from the popup: the image again, in the extension's frame.
    await popup.evaluate(`document.querySelector('button[aria-label="Open in clean view"]').click()`);
    const frame = await openedView(article);
    // Article images load lazily: bring the body's figure into view (the lead picture comes first).
    await frame.waitForFunction((path) => [...document.images].some((i) => i.src.endsWith(path)), BODY_IMAGE_PATH, { timeout: 10_000 });
    await frame.evaluate((path) => [...document.images].find((i) => i.src.endsWith(path))?.scrollIntoView(), BODY_IMAGE_PATH);
    await frame.waitForFunction((path) => [...document.images].some((i) => i.src.endsWith(path) && i.complete && i.naturalWidth > 0), BODY_IMAGE_PATH, { timeout: 10_000 });
    await popup.close().catch(() => undefined);
    lap('clean view');

    // 3. The library, opened from the popup on another tab; highlights stored through the background.
    const second = await session.context.newPage();
    await second.goto(`${origin}/sample.html`);
    popup = await clickAction(session, second);
    await popup.waitFor('document.querySelector("article h1")', 20_000);
    const opened = session.context.waitForEvent('page', { predicate: (p) => p.url().startsWith(`${own}library.html`) });
    await popup.evaluate(`document.querySelector('button[aria-label="Open the highlights library"]').click()`);
    const library: Page = await opened;
    await library.waitForSelector('h1');
    const highlights = [
      highlight(0, 'Le secrétaire américain à la Défense a parlé avec son homologue russe.', `${origin}/sample.html`, 'Austin et Belooussov'),
      highlight(1, 'The budget will rise by four percent next year.', 'https://news.example.com/budget', 'The budget vote'),
    ];
    for (const h of highlights) {
      const reply = await library.evaluate((m) => chrome.runtime.sendMessage(m), { type: 'highlights:put', highlight: h });
      expect(reply.ok, reply.error).toBe(true);
    }
    await library.reload();
    await library.waitForFunction(() => document.querySelectorAll('.highlights > li').length === 2);
    // The exports are downloads (blob: URLs of the page), saved to a temporary folder.
    await session.cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: copy + '-downloads' });
    await library.getByRole('button', { name: 'Export as Markdown' }).click();
    await library.getByRole('button', { name: 'Export as JSON' }).click();
    const files = await waitFor(() => {
      const names = existsSync(`${copy}-downloads`) ? readdirSync(`${copy}-downloads`) : [];
      return names.some((n) => n.endsWith('.md')) && names.some((n) => n.endsWith('.json')) ? names : null;
    }, 'both exports downloaded');
    lap(`exports (${files.join(', ')})`);
    await library.getByRole('searchbox', { name: 'Search' }).fill('budget');
    await library.waitForFunction(() => document.querySelectorAll('.highlights > li').length === 1);
    lap('library search');

    // 4. The options page.
    const options = await session.context.newPage();
    await options.goto(`${own}options.html`);
    await options.waitForSelector('h1');
    lap('options');

    // 5. The watcher works: a deliberate fetch from the service worker is recorded.
    const probe = `${origin}/privacy-probe?from=service-worker`;
    const kind = await watcher.evaluateIn((t) => t.type === 'service_worker' && ours(t), `fetch(${JSON.stringify(probe)}, { mode: 'no-cors' }).then((r) => r.type)`);
    // "basic" once the toolbar click has granted the extension this origin (activeTab), else "opaque".
    expect(['basic', 'opaque']).toContain(kind);
    await waitFor(() => watcher.requests.some((r) => r.url === probe), 'the probe in the log', 5_000);
    await new Promise((ok) => setTimeout(ok, 500)); // stragglers
    lap('probe');

    // The log, by target and kind of address. Chromium's own interface (the omnibox popup and
    // other chrome:// WebUI) is watched too but not judged: it is the browser, not us.
    // The clean view page is web-accessible with use_dynamic_url: pages load it at the
    // extension's per-session host (a UUID), not its id (no other extension is loaded here).
    const dynamicPage = /^chrome-extension:\/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/cleanview\.html/;
    const kindOf = (url: string) =>
      url.startsWith(own) || dynamicPage.test(url) ? 'extension' : url.startsWith(`blob:${own}`) ? 'blob' : url.startsWith('data:') ? 'data' : url.startsWith(`${origin}/`) ? 'test server' : 'OTHER';
    const browsers = (t: TargetInfo) => t.type === 'browser_ui' || /^(chrome|devtools|chrome-untrusted):/.test(t.url);
    const judged = watcher.requests.filter((r) => !browsers(r.target));
    const summary = new Map<string, Map<string, number>>();
    for (const r of judged) {
      const row = summary.get(where(r.target)) ?? new Map<string, number>();
      row.set(kindOf(r.url), (row.get(kindOf(r.url)) ?? 0) + 1);
      summary.set(where(r.target), row);
    }
    console.log(
      `[privacy e2e] ${watcher.requests.length} requests from ${new Set([...watcher.targets.values()].map((t) => t.targetId)).size} targets; ` +
        `${watcher.requests.length - judged.length} of them by Chromium's own WebUI (not judged); ${timings.join(', ')}`,
    );
    for (const [target, row] of summary) console.log(`  ${target.padEnd(28)} ${[...row].map(([k, n]) => `${k} ${n}`).join(', ')}`);
    const toServer = judged.filter((r) => kindOf(r.url) === 'test server').map((r) => `${where(r.target)} → ${r.url.slice(origin.length)}`);
    console.log(`  to the test server: ${toServer.join('; ')}`);
    console.log(`  the server was asked for: ${served.join(', ')}`);

    // The watcher saw the service worker, the popup, the clean view frame, the library, the options page.
    expect(watcher.requests.filter((r) => r.url === probe).map((r) => r.target.type)).toEqual(['service_worker']);
    for (const view of ['popup', 'cleanview', 'library', 'options']) expect(summary.has(view), `requests seen from ${view}`).toBe(true);
    // The article's image was loaded by the views that show the article.
    for (const view of ['popup', 'cleanview']) {
      expect(judged.some((r) => where(r.target) === view && r.url === `${origin}${BODY_IMAGE_PATH}`), `${view} loaded the article's image`).toBe(true);
    }
    // Everything is the extension's own files (data: and blob: URLs of its pages included), or the
    // test server (the article page itself, its images, and the probe).
    const others = judged.filter((r) => kindOf(r.url) === 'OTHER' || (kindOf(r.url) === 'data' && !ours(r.target)));
    expect(others.map((r) => `${where(r.target)}: ${r.url.slice(0, 120)}`)).toEqual([]);
    // From the extension, the test server was asked for the article's images and the probe only.
    const fromUs = judged.filter((r) => ours(r.target) && kindOf(r.url) === 'test server');
    expect([...new Set(fromUs.map((r) => new URL(r.url).pathname))].sort()).toEqual([IMAGE_PATH, BODY_IMAGE_PATH, '/privacy-probe'].sort());
    // And the watcher missed nothing the server got (the favicon is fetched by the browser itself).
    const seen = new Set(judged.filter((r) => kindOf(r.url) === 'test server').map((r) => r.url.slice(origin.length)));
    expect(served.filter((path) => !seen.has(path) && path !== '/favicon.ico')).toEqual([]);

    await Promise.all([library.close(), options.close(), second.close(), article.close()]);
  });
});
