/**
 * Formulas in the popup (Chromium, built extension, real toolbar click): a KaTeX page's MathML
 * is drawn as native MathML (MathML Core layout: a superscript sits above its base), never as
 * the page's HTML copy or its TeX.
 */
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KATEX_PAGE, MATHML_PAGE } from '../fixtures/math/pages';
import { clickAction, launch, servePages, type Session } from './harness';

process.env.LANGUAGE = 'en';

describe('formulas in the popup (Chromium)', () => {
  let session: Session;
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    ({ origin, server } = await servePages({ '/katex.html': KATEX_PAGE, '/mathml.html': MATHML_PAGE }));
    session = await launch();
  });
  afterAll(async () => {
    await session?.close();
    server?.close();
  });

  it('renders a KaTeX formula as native MathML', async () => {
    const page = await session.context.newPage();
    await page.goto(`${origin}/katex.html`);
    const popup = await clickAction(session, page);
    await popup.waitFor('document.querySelector("article math")');
    const found = await popup.evaluate<{ count: number; ns: string; label: string; raised: boolean; display: string | null; text: string }>(`(() => {
      const maths = document.querySelectorAll('article math');
      const sup = maths[0].querySelector('msup');
      const [base, script] = [sup.children[0].getBoundingClientRect(), sup.children[1].getBoundingClientRect()];
      return {
        count: maths.length,
        ns: maths[0].namespaceURI,
        label: maths[0].getAttribute('aria-label'),
        raised: script.bottom < base.bottom && script.left >= base.right - 1,
        display: maths[1].getAttribute('display'),
        text: document.querySelector('article').innerText,
      };
    })()`);
    expect(found.count).toBe(2);
    expect(found.ns).toBe('http://www.w3.org/1998/Math/MathML');
    expect(found.label).toBe('E = m c 2');
    // Laid out by the browser's MathML engine: the exponent is raised beside its base.
    expect(found.raised).toBe(true);
    expect(found.display).toBe('block');
    expect(found.text).not.toContain('mc^2');
    await popup.evaluate('document.querySelector("article math").scrollIntoView({ block: "center" })');
    await popup.screenshot('docs/screenshots/math.png');
    await popup.close();
    await page.close();
  });

  it('renders hand-written MathML with a fraction and a square root', async () => {
    const page = await session.context.newPage();
    await page.goto(`${origin}/mathml.html`);
    const popup = await clickAction(session, page);
    await popup.waitFor('document.querySelector("article math mfrac")');
    const tall = await popup.evaluate<boolean>(`(() => {
      const frac = document.querySelector('article mfrac').getBoundingClientRect();
      const mi = document.querySelector('article mi').getBoundingClientRect();
      return frac.height > mi.height * 1.5;
    })()`);
    expect(tall).toBe(true);
    expect(await popup.evaluate<number>('document.querySelectorAll("article msqrt").length')).toBe(1);
    await popup.close();
    await page.close();
  });
});
