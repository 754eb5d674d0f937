/**
 * npm start — shows the built extension doing its job on the bundled sample article.
 * With a display: opens Chromium with the extension loaded on the sample page (close the
 * browser to finish). Headless: clicks the toolbar button itself, saves screenshots under
 * .output/demo/ and prints what the popup shows.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { clickAction, launch, servePages } from '../tests/e2e/harness';

const OUT = '.output/demo';
const headless = !process.env.DISPLAY || process.env.CI === 'true' || process.argv.includes('--headless');

async function main(): Promise<void> {
  // The sample's picture (tests/fixtures/img/) is served beside it, as a news site would.
  const { origin, server } = await servePages({ '/article.html': readFileSync('tests/fixtures/sample-fr.html') }, 'tests/fixtures');
  const url = `${origin}/article.html`;
  const session = await launch({ headless });
  try {
    const page = await session.context.newPage();
    await page.goto(url);
    if (!headless) {
      console.log(`Chromium is open on ${url} with Lucid Reader loaded.`);
      console.log('Click the Lucid Reader button in the toolbar (puzzle icon → pin it). Close the browser to finish.');
      await new Promise<void>((done) => session.browser.on('disconnected', () => done()));
      return;
    }
    mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: `${OUT}/page.png` });
    const popup = await clickAction(session, page);
    await popup.waitFor('document.querySelector("article h1") || document.querySelector("[role=alert]")', 20_000);
    await popup.screenshot(`${OUT}/popup.png`);
    // Open the folded lines, so the summary can say what was folded and why.
    await popup.evaluate(`document.querySelector('[data-testid=folded-summary]')?.click()`);
    await popup.evaluate(`document.querySelector('.speakers-toggle')?.click()`); // who is quoted, opened
    await new Promise((ok) => setTimeout(ok, 200));
    const summary = await popup.evaluate<Record<string, unknown>>(`(() => {
      const article = document.querySelector('article');
      if (!article) return { error: document.querySelector('[role=alert]')?.textContent };
      return {
        title: article.querySelector('h1')?.textContent,
        paragraphs: article.querySelectorAll('p').length,
        words: article.innerText.split(/\\s+/).length,
        folded: document.querySelector('[data-testid=folded-summary]')?.textContent ?? null,
        'folded lines': [...document.querySelectorAll('.block.folded .fold-reason')].map((e) => e.textContent),
        speakers: [...document.querySelectorAll('[data-testid=speaker-name]')].map((e) => {
          const card = e.closest('button, li') ?? e;
          const details = card.innerText.split(String.fromCharCode(10)).map((l) => l.trim()).filter((l) => l && l !== e.textContent).join(', ');
          return e.textContent + ' (' + details + ')';
        }),
      };
    })()`);
    console.log(`Lucid Reader on the sample article (${url}):`);
    for (const [key, value] of Object.entries(summary)) console.log(`  ${key}: ${Array.isArray(value) ? value.join('; ') : value}`);
    console.log(`Screenshots: ${OUT}/page.png, ${OUT}/popup.png`);
    if (summary.error) process.exitCode = 1;
  } finally {
    await session.close();
    server.close();
  }
}

const watchdog = setTimeout(() => {
  console.error('The demo took more than 2 minutes; giving up.');
  process.exit(1);
}, headless ? 120_000 : 24 * 3600_000);
watchdog.unref();
main().catch((err) => {
  console.error(`demo failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
