import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coldTiming, sharedDir, timingTexts } from '../../scripts/eval-quotes';

const shared = sharedDir();
const present = existsSync(join(shared, 'quotes'));

/**
 * The module's first call is on the critical path of the reader's click (a fresh content script).
 * It takes ~25–60 ms on an 8,000-character article; giant verb regexes made it 100–750 ms. The
 * bound is on the call's CPU time, not the wall clock, and generous, and the least of five
 * processes counts, so that a busy machine (waiting for a core) does not fail the test, but such
 * a regression does.
 */
const COLD_BOUND_MS = 200;

describe.skipIf(!present)('cold start', () => {
  it(`the first call in a fresh process takes < ${COLD_BOUND_MS} ms of CPU per language`, () => {
    const timings = coldTiming(timingTexts(shared), undefined, 5);
    expect(timings.map((t) => t.lang)).toEqual(['en', 'de', 'fr', 'es']);
    for (const t of timings) expect(t.firstCpu, t.lang).toBeLessThan(COLD_BOUND_MS);
  }, 60_000);
});
