/** Pages and probes shared by the reading e2e tests in Chromium and Firefox. */

const WORDS = ['harbour', 'council', 'winter', 'budget', 'railway', 'library', 'river', 'market', 'school', 'bridge', 'orchard', 'ferry'];
/** A long article in three sections, every paragraph different (so nothing folds as a repeat). */
export function longArticle(): string {
  const sections = ['How the harbour was built', 'What the council decided', 'What comes next'];
  const body = sections
    .map((title, s) => {
      const paragraphs = Array.from({ length: 14 }, (_, i) => {
        const n = s * 14 + i;
        const w = (k: number) => WORDS[(n * 7 + k * 5) % WORDS.length];
        return `<p>Paragraph ${n + 1} tells of the ${w(0)} and the ${w(1)}: in year ${1900 + n * 3} the town spent ${n * 13 + 7} thousand on the ${w(2)}, while the ${w(3)} near the ${w(4)} waited ${n + 2} more seasons for its ${w(5)}. People still talk about the ${w(6)} of ${1950 + n}.</p>`;
      }).join('\n');
      return `<h2>${title}</h2>\n${paragraphs}`;
    })
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The long story of the harbour – Town Post</title></head>
<body><header><nav><a href="/">Home</a></nav></header><main><article><h1>The long story of the harbour</h1>
<p class="byline">By Sam Reporter</p>${body}</article></main><footer>© Town Post</footer></body></html>`;
}

/** The block at the top of the view (below the sticky bar), as the reading position stores it. */
export const TOP_BLOCK = `(() => {
  const top = document.querySelector('.bar')?.getBoundingClientRect().height ?? 0;
  return [...document.querySelectorAll('.article-body [data-block-id]')].find((b) => b.getBoundingClientRect().bottom > top + 1)?.dataset.blockId ?? null;
})()`;

type View = { evaluate<T>(expression: string): Promise<T>; waitFor(expression: string, timeoutMs?: number): Promise<void>; close(): Promise<void> };

/**
 * The block of the newest stored reading position, as last read: each evaluation starts a new
 * read of the extension's storage, so polling it follows the background's writes.
 */
const NEWEST_SAVED_BLOCK = `(() => {
  (globalThis.browser ?? globalThis.chrome).storage.local.get('positions').then((r) => {
    const newest = Object.values(r.positions ?? {}).sort((a, b) => b.at - a.at)[0];
    window.__lucidNewestSaved = newest?.block ?? null;
  });
  return window.__lucidNewestSaved;
})()`;

/** Where a view of the long article stands once scrolled halfway and saved: its top block, progress and time left. */
export async function scrolledHalfway(view: Pick<View, 'evaluate' | 'waitFor'>): Promise<{ place: string; progress: number; left: string }> {
  await view.evaluate('scrollTo(0, (document.documentElement.scrollHeight - innerHeight) / 2)');
  const place = await view.evaluate<string>(TOP_BLOCK);
  // Saved 400 ms after the scrolling stops, then written through the background: wait for the
  // write itself, as a busy machine can take seconds.
  await view.waitFor(`${NEWEST_SAVED_BLOCK} === ${JSON.stringify(place)}`, 30_000);
  return {
    place,
    progress: Number(await view.evaluate('document.querySelector(".reading-progress").getAttribute("aria-valuenow")')),
    left: await view.evaluate<string>('document.querySelector(".progress-left").textContent'),
  };
}


/**
 * Scrolls the long article halfway in one popup, closes it, and checks that the next popup on the
 * same article opens at the same block. Returns the reopened popup (still open) and the place.
 */
export async function positionRoundTrip<P extends View>(open: () => Promise<P>, check: (halfway: { progress: number; left: string }) => void): Promise<{ popup: P; place: string }> {
  let popup = await open();
  await popup.waitFor('document.querySelector(".reading-progress[role=progressbar]")');
  const { place, ...halfway } = await scrolledHalfway(popup);
  check(halfway);
  await popup.close();
  popup = await open();
  await popup.waitFor('scrollY > 100', 30_000);
  if ((await popup.evaluate(TOP_BLOCK)) !== place) throw new Error(`reopened at ${await popup.evaluate(TOP_BLOCK)}, not at ${place}`);
  return { popup, place };
}

/** Halfway through the long article: between a third and two thirds read, and the minutes left shown. */
export function checkHalfway({ progress, left }: { progress: number; left: string }): void {
  if (!(progress > 30 && progress < 70)) throw new Error(`progress ${progress}% halfway through`);
  if (!/^\d+ min left$/.test(left)) throw new Error(`time left reads "${left}"`);
}
