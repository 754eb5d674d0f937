/**
 * Helpers for the hardening end-to-end tests (tests/e2e/{xss,hostile,a11y,privacy}*.e2e.test.ts):
 * a popup opened with script-execution hooks installed before its code runs, and the checks
 * run inside extension pages.
 */
import type { Page } from 'playwright-core';
import { clickAction, connectTarget as connectSocket, type Session } from '../e2e/harness';
import { findDanger } from '../fixtures/hostile/xss-pages';

/**
 * Installed before any page code runs: counts calls of alert/confirm/prompt/print/fetch and
 * CSP violations, and keeps what is written to the clipboard. Any count > 0 is an execution
 * (or an attempt the CSP stopped, which means page markup reached the DOM).
 */
export const HOOKS = `(() => {
  if (window.__lucidHooks) return;
  const h = window.__lucidHooks = { calls: [], csp: [], clipboard: [] };
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    window[name] = function (...args) { h.calls.push(name + ':' + String(args[0]).slice(0, 80)); };
  }
  const realFetch = window.fetch;
  window.fetch = function (...args) { h.calls.push('fetch:' + String(args[0]).slice(0, 120)); return realFetch.apply(this, args); };
  const realOpen = window.open;
  window.open = function (...args) { h.calls.push('open:' + String(args[0]).slice(0, 120)); return realOpen.apply(this, args); };
  document.addEventListener('securitypolicyviolation', (e) => h.csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')), true);
  try {
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t) => { h.clipboard.push(t); } } });
  } catch {}
})();`;

export interface Hooks {
  calls: string[];
  csp: string[];
  clipboard: string[];
}

/** The check run in a page: the source of findDanger, called on its document. */
export const dangerIn = (ownOrigin: string) => `(${findDanger.toString()})(document, ${JSON.stringify(ownOrigin)})`;

/** The harness's CDP client on one target, with evaluate and waitFor. */
export async function connectTarget(endpoint: string, targetId: string) {
  const socket = await connectSocket(endpoint, targetId);
  const { send } = socket;
  const evaluate = async <T>(expression: string): Promise<T> => {
    const res = await send<{ result: { value: T }; exceptionDetails?: { text: string; exception?: { description?: string } } }>('Runtime.evaluate', {
      expression,
      awaitPromise: true,
      returnByValue: true,
    });
    if (res.exceptionDetails) throw new Error(res.exceptionDetails.exception?.description ?? res.exceptionDetails.text);
    return res.result.value;
  };
  return {
    send,
    evaluate,
    on: socket.on,
    async waitFor(expression: string, timeoutMs = 15_000): Promise<boolean> {
      const end = Date.now() + timeoutMs;
      while (Date.now() < end) {
        if (await evaluate<boolean>(`Boolean(${expression})`).catch(() => false)) return true;
        await new Promise((ok) => setTimeout(ok, 50));
      }
      return false;
    },
    close: () => socket.close(),
  };
}
export type Target = Awaited<ReturnType<typeof connectTarget>>;

/**
 * Clicks the toolbar button and attaches to the popup. The popup has already run by then, so
 * what happened before is read from its log (Log.enable replays it: every CSP refusal, which
 * is the only trace an inline script or handler can leave under MV3's CSP), and HOOKS are
 * installed for what happens next (folding, copying).
 */
export async function popupWithHooks(session: Session, page: Page): Promise<{ target: Target; targetId: string; log: string[]; close(): Promise<void> }> {
  const before = new Set((await session.cdp.send('Target.getTargets')).targetInfos.map((t) => t.targetId));
  const popup = await clickAction(session, page);
  const { targetInfos } = await session.cdp.send('Target.getTargets');
  const info = targetInfos.find((t) => !before.has(t.targetId) && t.url.includes(`${session.extensionId}/popup.html`));
  if (!info) throw new Error('no popup target');
  const target = await connectTarget(session.endpoint, info.targetId);
  const log: string[] = [];
  target.on((method, params) => {
    const p = params as { entry?: { text: string; source: string; level: string }; exceptionDetails?: { text: string; exception?: { description?: string } } };
    if (method === 'Log.entryAdded' && p.entry && (p.entry.level === 'error' || /Content Security Policy|Refused to/i.test(p.entry.text))) log.push(`${p.entry.source}: ${p.entry.text}`);
    if (method === 'Runtime.exceptionThrown') log.push(`exception: ${p.exceptionDetails?.exception?.description ?? p.exceptionDetails?.text}`);
  });
  await target.send('Log.enable');
  await target.send('Runtime.enable');
  await target.evaluate(HOOKS);
  return {
    target,
    targetId: info.targetId,
    log,
    async close() {
      target.close();
      await popup.close();
    },
  };
}

/** Only CSP refusals count as attempted executions (other logged errors are reported apart). */
export const cspEntries = (log: string[]) => log.filter((l) => /Content Security Policy|Refused to (execute|load|run|evaluate)/i.test(l));

/** The popup's state: an article, or a message for the reader. */
export const POPUP_SETTLED = 'document.querySelector("article h1") || document.querySelector("[role=alert]")';
