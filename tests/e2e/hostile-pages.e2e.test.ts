/**
 * Hostile and odd pages through the real popup (toolbar click): each gives an article or a clear
 * message within a bounded time, the tab stays responsive and the popup does not crash. Prints
 * how long each took. Big pages are generated here, never stored.
 */
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTarget } from '../hardening/e2e-helpers';
import { clickAction, launch, type Session } from './harness';
import { CASES, expectation, popupOutcome, serveCases, type Case } from '../fixtures/hostile/odd-pages';

process.env.LANGUAGE = 'en';

const BOUND_MS = 15_000;

describe('hostile and odd pages through the popup (Chromium)', () => {
  let session: Session;
  let server: Server;
  let origin: string;
  const timings: string[] = [];

  beforeAll(async () => {
    ({ origin, server } = await serveCases());
    session = await launch();
  });
  afterAll(async () => {
    console.log(`[hostile] popup time per page (bound ${BOUND_MS / 1000} s):\n${timings.join('\n')}`);
    await session?.close();
    server?.close();
  });

  for (const c of [...CASES, { path: 'chrome://version', note: 'a browser page', expect: 'message', body: () => '' } as Case]) {
    it(`${c.note}: ${expectation(c.expect)} in time`, async () => {
      const tab = await session.context.newPage();
      const url = c.path.startsWith('chrome:') ? c.path : origin + c.path;
      await tab.goto(url, { waitUntil: 'domcontentloaded', timeout: 30_000 }).catch(() => undefined);
      const t0 = Date.now();
      const popup = await clickAction(session, tab);
      const { settled, ms, shown } = await popupOutcome(popup.evaluate, t0, BOUND_MS);
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
