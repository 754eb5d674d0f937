/**
 * Hostile and odd pages through the real popup (toolbar click): each gives an article or a clear
 * message within a bounded time, the tab stays responsive and the popup does not crash. Prints
 * how long each took. Big pages are generated here, never stored.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POPUP_SETTLED, connectTarget } from '../hardening/e2e-helpers';
import { clickAction, launch, type Session } from './harness';

process.env.LANGUAGE = 'en';

const BOUND_MS = 15_000;
const P = 'The harbour council met on Tuesday to approve the plan for the northern breakwater, which storms damaged last winter. ';
const ARTICLE = `<article><h1>The breakwater will be rebuilt</h1>${Array.from({ length: 12 }, (_, i) => `<p>${P.repeat(3)} (${i})</p>`).join('')}</article>`;
const page = (body: string, head = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Breakwater</title>${head}</head><body>${body}</body></html>`;

type Case = { path: string; type?: string; body: () => string | Buffer; expect: 'article' | 'message' | 'either'; note: string };

const CASES: Case[] = [
  { path: '/10mb.html', note: '10 MB of HTML', expect: 'either', body: () => page(ARTICLE + `<div>${`<p>${P.repeat(8)}</p>`.repeat(11_000)}</div>`) },
  { path: '/100k.html', note: '100,000 elements', expect: 'article', body: () => page(ARTICLE + `<div class="grid">${'<span>x</span>'.repeat(100_000)}</div>`) },
  { path: '/deep.html', note: 'nesting 5,000 deep', expect: 'either', body: () => page(`${'<div>'.repeat(5000)}${ARTICLE}${'</div>'.repeat(5000)}`) },
  {
    path: '/globals.html',
    note: 'page redefines Array/JSON/Promise/Object.prototype',
    expect: 'article',
    body: () =>
      page(
        ARTICLE +
          `<script>Array = function(){ throw 1 }; Array.prototype.map = null; JSON.parse = JSON.stringify = function(){ throw 2 }; window.Promise = function(){}; Object.defineProperty(Object.prototype, 'then', { get(){ throw 3 } }); document.querySelectorAll = function(){ return [] }; Node.prototype.cloneNode = function(){ throw 4 };</script>`,
      ),
  },
  { path: '/base.html', note: '<base href="javascript:…"> and relative links', expect: 'article', body: () => page(ARTICLE.replace('</h1>', '</h1><p>See <a href="report.html">the report</a> and <img src="x.png" alt="x">.</p>'), '<base href="javascript:alert(1)//">') },
  { path: '/iframe.html', note: 'the article inside an iframe', expect: 'either', body: () => page(`<p>Menu</p><iframe srcdoc="${page(ARTICLE).replace(/"/g, '&quot;')}" width="800" height="600"></iframe>`) },
  { path: '/shadow.html', note: 'the article inside a shadow root', expect: 'either', body: () => page(`<div id="host"></div><script>document.getElementById('host').attachShadow({mode:'open'}).innerHTML = ${JSON.stringify(ARTICLE)};</script>`) },
  { path: '/lazy.html', note: 'infinite lazy loading', expect: 'article', body: () => page(ARTICLE + `<div id="more"></div><script>let n=0; setInterval(() => { for (let i=0;i<20;i++) { const p=document.createElement('p'); p.textContent='Loaded item '+(n++)+'. '+${JSON.stringify(P)}; document.getElementById('more').append(p); } }, 10);</script>`) },
  { path: '/nobody.html', note: 'no <body>', expect: 'message', body: () => `<!doctype html><html><head><title>x</title></head></html><script>document.documentElement.removeChild(document.body)</script>` },
  { path: '/frameset.html', note: 'a frameset', expect: 'message', body: () => `<!doctype html><html><head><title>Frames</title></head><frameset cols="50%,50%"><frame src="/100k.html"><frame src="/base.html"></frameset></html>` },
  { path: '/doc.svg', type: 'image/svg+xml', note: 'an SVG document', expect: 'message', body: () => `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><text x="10" y="50">${P}</text></svg>` },
  { path: '/doc.xml', type: 'application/xml', note: 'an XML document', expect: 'message', body: () => `<?xml version="1.0"?><rss><channel><title>Feed</title><item><description>${P}</description></item></channel></rss>` },
  { path: '/doc.pdf', type: 'application/pdf', note: 'a PDF', expect: 'message', body: () => Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') },
  {
    path: '/clobber.html',
    note: 'DOM clobbering (form control named parentNode, img named body)',
    expect: 'article',
    body: () => page(ARTICLE.replace('</h1>', '</h1><form><input name="parentNode"><input name="firstChild"></form><img name="body"><img name="documentElement"><form name="querySelectorAll"></form>')),
  },
];

describe('hostile and odd pages through the popup (Chromium)', () => {
  let session: Session;
  let server: Server;
  let origin: string;
  const timings: string[] = [];

  beforeAll(async () => {
    const bodies = new Map<string, Case>(CASES.map((c) => [c.path, c]));
    server = createServer((req, res) => {
      const c = bodies.get((req.url ?? '/').split('?')[0]!);
      if (!c) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': c.type ?? 'text/html; charset=utf-8' }).end(c.body());
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const address = server.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    session = await launch();
  });
  afterAll(async () => {
    console.log(`[hostile] popup time per page (bound ${BOUND_MS / 1000} s):\n${timings.join('\n')}`);
    await session?.close();
    server?.close();
  });

  for (const c of [...CASES, { path: 'chrome://version', note: 'a browser page', expect: 'message', body: () => '' } as Case]) {
    it(`${c.note}: ${c.expect === 'either' ? 'an article or a clear message' : c.expect === 'article' ? 'an article' : 'a clear message'} in time`, async () => {
      const tab = await session.context.newPage();
      const url = c.path.startsWith('chrome:') ? c.path : origin + c.path;
      await tab.goto(url, { waitUntil: 'domcontentloaded', timeout: 30_000 }).catch(() => undefined);
      const t0 = Date.now();
      const popup = await clickAction(session, tab);
      let settled = false;
      while (!settled && Date.now() - t0 < BOUND_MS) {
        settled = await popup.evaluate<boolean>(`Boolean(${POPUP_SETTLED})`).catch(() => false);
        if (!settled) await new Promise((ok) => setTimeout(ok, 50));
      }
      const ms = Date.now() - t0;
      const shown = settled
        ? await popup.evaluate<string>(`(document.querySelector("article h1") ? "article: " + document.querySelector("article h1").textContent : "message: " + document.querySelector("[role=alert]").textContent).slice(0, 110)`)
        : 'nothing (timed out)';
      timings.push(`  ${String(ms).padStart(6)} ms  ${c.note.padEnd(58)} ${shown}`);
      expect(settled, `${c.note}: the popup settled within ${BOUND_MS} ms`).toBe(true);
      if (c.expect === 'article') expect(shown).toMatch(/^article: /);
      if (c.expect === 'message') expect(shown).toMatch(/^message: .{10,}/);
      // The tab is not frozen: its main thread answers at once.
      if (!c.path.startsWith('chrome:')) {
        const { targetInfos } = await session.cdp.send('Target.getTargets');
        const info = targetInfos.find((t) => t.type === 'page' && t.url === url);
        if (info) {
          const target = await connectTarget(session.endpoint, info.targetId);
          const answer = await Promise.race([target.evaluate<number>('1 + 1'), new Promise((ok) => setTimeout(() => ok('frozen'), 3_000))]);
          target.close();
          expect(answer, `${c.note}: the tab answers`).toBe(2);
        }
      }
      await popup.close();
      await tab.close();
    }, 60_000);
  }
});
