/**
 * Highlight store at scale (`npm run bench:highlights`). With 10,000 highlights over 1,000
 * articles: opening one article's highlights must cost at most 1.2× what it costs with 10
 * highlights in all (one key is read), and a library search must answer within one frame
 * (16 ms). Runs on WXT's fake browser, whose storage is made to copy what it returns, as real
 * browsers deserialise it: reading more keys than needed would show.
 *
 * Run with plain Node, this file loads itself again through Vite with WXT's test plugins
 * (the store imports '#imports'), and the second copy measures.
 */
const TARGET_RATIO = 1.2;
const FRAME_MS = 16;

if (!import.meta.env) {
  const { runnerImport } = await import('vite');
  const { WxtVitest } = await import('wxt/testing/vitest-plugin');
  await runnerImport(import.meta.filename, { configFile: false, root: process.cwd(), plugins: [await WxtVitest()], logLevel: 'error' });
} else {
  await bench();
}

async function bench(): Promise<void> {
  const { fakeBrowser } = await import('wxt/testing/fake-browser');
  // Before the store is loaded: @wxt-dev/storage picks the global browser when it loads.
  Object.assign(globalThis, { browser: fakeBrowser, chrome: fakeBrowser });
  const { getAllHighlights, getArticleHighlights, listArticles } = await import('../platform/highlights');
  const { importAll } = await import('../platform/highlight-writer');
  const { filterHighlights, prepare, NO_FILTERS } = await import('../components/library/search');
  const { COLOURS, articleKey } = await import('../utils/highlights');
  type Highlight = import('../utils/highlights').Highlight;

  const get = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
  // Real storage deserialises what it returns: copy it, so the cost follows the bytes read.
  fakeBrowser.storage.local.get = (async (keys: never) => structuredClone(await get(keys))) as never;

  const WORDS = 'minister said the budget would rise while critics warned of cuts to schools hospitals and roads'.split(' ');
  const SPEAKERS = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', undefined];
  const makeHighlight = (n: number, article: number): Highlight => {
    const url = `https://site${article % 40}.example.com/news/${article}`;
    const text = Array.from({ length: 24 }, (_, i) => WORDS[(n * 7 + i * 3) % WORDS.length]).join(' ') + ` (${n})`;
    const at = new Date(Date.UTC(2024, 0, 1) + n * 60_000).toISOString();
    const speaker = SPEAKERS[n % SPEAKERS.length];
    return {
      id: `h${n}`, articleKey: articleKey(url), text, colour: COLOURS[n % 4]!, note: n % 5 ? '' : `note about ${WORDS[n % WORDS.length]}`,
      selectors: { quote: { exact: text, prefix: 'context before the passage ', suffix: ' context after the passage' }, position: { start: n * 300, end: n * 300 + text.length } },
      createdAt: at, updatedAt: at, url, title: `Article ${article}: ${WORDS[article % WORDS.length]} news`, site: `site${article % 40}.example.com`,
      ...(speaker ? { speaker } : {}),
    };
  };

  /** Median time of `run` over `times` runs, in ms. */
  const median = async (times: number, run: (i: number) => unknown): Promise<number> => {
    const samples: number[] = [];
    for (let i = 0; i < times; i++) {
      const t = performance.now();
      await run(i);
      samples.push(performance.now() - t);
    }
    return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
  };

  const store = async (articles: number, perArticle: number): Promise<string[]> => {
    fakeBrowser.reset();
    const all = Array.from({ length: articles * perArticle }, (_, n) => makeHighlight(n, n % articles));
    await importAll(all);
    return [...new Set(all.map((h) => h.articleKey))];
  };

  /** Opening an article: per article, the median of repeated reads; then the median over articles. */
  const openOne = async (keys: string[]) => {
    const sample = keys.filter((_, i) => i % Math.ceil(keys.length / 25) === 0);
    const perArticle: number[] = [];
    for (const key of sample) {
      await median(20, () => getArticleHighlights(key)); // warm up
      perArticle.push(await median(200, () => getArticleHighlights(key)));
    }
    return perArticle.sort((a, b) => a - b)[Math.floor(perArticle.length / 2)]!;
  };

  const smallKeys = await store(1, 10);
  const small = await openOne(smallKeys);
  const bigKeys = await store(1000, 10);
  const big = await openOne(bigKeys);
  const ratio = big / small;
  const list = await median(10, () => listArticles());
  const all = await getAllHighlights();
  const loadAll = await median(5, () => getAllHighlights());

  const prepared = prepare(all);
  const prepareMs = await median(5, () => prepare(all));
  const queries = ['budget', 'critics warned', 'HOSPITALS roads', 'note about', 'zzz', 'minister said the budget would rise'];
  const searches: number[] = [];
  for (const query of queries) {
    for (let i = 0; i < 5; i++) filterHighlights(prepared, { ...NO_FILTERS, query }); // warm up
    searches.push(await median(21, () => filterHighlights(prepared, { ...NO_FILTERS, query })));
  }
  const filtered = await median(21, () => filterHighlights(prepared, { query: 'budget', colour: 'green', site: 'site3.example.com', speaker: 'Ada Lovelace' }));
  const worstSearch = Math.max(...searches, filtered);

  console.log(`Open one article's highlights (median of 200 reads, median over 25 articles):`);
  console.log(`  10 highlights in all:                 ${small.toFixed(3)} ms`);
  console.log(`  10,000 highlights over 1,000 articles: ${big.toFixed(3)} ms`);
  console.log(`  ratio ${ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×) ${ratio <= TARGET_RATIO ? 'OK' : 'FAIL'}`);
  console.log(`List the articles (index only): ${list.toFixed(2)} ms; load all 10,000 for the library: ${loadAll.toFixed(1)} ms`);
  console.log(`Library search over ${all.length} highlights (index built once in ${prepareMs.toFixed(1)} ms):`);
  queries.forEach((q, i) => console.log(`  "${q}": ${searches[i]!.toFixed(2)} ms`));
  console.log(`  text + colour + site + speaker: ${filtered.toFixed(2)} ms`);
  console.log(`  slowest ${worstSearch.toFixed(2)} ms (target ≤ ${FRAME_MS} ms) ${worstSearch <= FRAME_MS ? 'OK' : 'FAIL'}`);
  if (ratio > TARGET_RATIO || worstSearch > FRAME_MS) process.exitCode = 1;
}
