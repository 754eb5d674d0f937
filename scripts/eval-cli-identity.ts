/**
 * npm run eval:cli-identity — the CLI's fast DOM (linkedom, sanitized on jsdom) against the
 * reference (jsdom alone) on the 181 Zyte pages and Readability's 130 test pages: `text`,
 * blocks (with their inline runs, links and images), folds, quotes, the metadata and the quick
 * "is this an article?" answer must be equal. Prints each difference with the first block
 * that differs; exits 1 when there is any. IDENTITY_LIMIT=N takes the first N pages of each.
 */
import { isProbablyReaderable } from '@mozilla/readability';
import { withPage } from '../cli/dom';
import type { DomKind } from '../cli/options';
import { extractArticle } from '../utils/extract';
import { adoptInto } from '../cli/foreign-node';
import { attributeQuotes } from '../utils/quotes';
import type { Article } from '../utils/types';
import { READABILITY_URL } from './eval-fold';
import { hasShared, readabilityCases, skipMessage, zytePages } from './lib/corpus';

if (!hasShared()) {
  console.log(skipMessage('npm run eval:cli-identity'));
  process.exit(0);
}
const limit = Number(process.env.IDENTITY_LIMIT ?? Infinity);

type Outcome = { readerable: boolean; article?: Article; error?: string };

function run(html: string, url: string, dom: DomKind): Outcome {
  return withPage(
    html,
    url,
    (doc, window) => {
      const readerable = isProbablyReaderable(doc);
      try {
        return { readerable, article: extractArticle(doc, { url, force: true, quotes: attributeQuotes, consume: true, window, adopt: adoptInto }) };
      } catch (err) {
        return { readerable, error: (err as Error).message };
      }
    },
    dom,
  );
}

const FIELDS = ['text', 'blocks', 'folded', 'quotes', 'speakers', 'title', 'byline', 'siteName', 'lang', 'dir', 'publishedTime', 'excerpt', 'wordCount'] as const;

/** The fields that differ between the reference and the fast path, and the first differing block. */
function differences(ref: Outcome, fast: Outcome): string[] {
  const out: string[] = [];
  if (ref.readerable !== fast.readerable) out.push(`readerable: jsdom ${ref.readerable}, linkedom ${fast.readerable}`);
  if (ref.error !== fast.error) out.push(`error: jsdom ${ref.error ?? 'none'}, linkedom ${fast.error ?? 'none'}`);
  if (!ref.article || !fast.article) return out;
  for (const field of FIELDS) {
    if (JSON.stringify(ref.article[field]) !== JSON.stringify(fast.article[field])) out.push(field);
  }
  const a = ref.article.blocks;
  const b = fast.article.blocks;
  const i = a.findIndex((block, k) => JSON.stringify(block) !== JSON.stringify(b[k]));
  if (i >= 0 || a.length !== b.length) {
    const k = i >= 0 ? i : a.length;
    out.push(`blocks ${a.length} vs ${b.length}; first difference at ${k}:\n      jsdom:    ${JSON.stringify(a[k])?.slice(0, 300)}\n      linkedom: ${JSON.stringify(b[k])?.slice(0, 300)}`);
  }
  return out;
}

function compare(name: string, pages: { id: string; html: string; url: string }[]): number {
  let differing = 0;
  let ms = { jsdom: 0, linkedom: 0 };
  for (const page of pages) {
    let t = performance.now();
    const ref = run(page.html, page.url, 'jsdom');
    ms.jsdom += performance.now() - t;
    t = performance.now();
    const fast = run(page.html, page.url, 'linkedom');
    ms.linkedom += performance.now() - t;
    const diff = differences(ref, fast);
    if (diff.length) {
      differing++;
      console.log(`  ${page.id}: ${diff.join('; ')}`);
    }
  }
  console.log(`${name}: ${pages.length - differing} of ${pages.length} pages identical (text, blocks, folds, quotes, metadata, readerable); ${differing} differ`);
  console.log(`  time per page, parse included: jsdom ${(ms.jsdom / pages.length).toFixed(1)} ms, linkedom ${(ms.linkedom / pages.length).toFixed(1)} ms`);
  ms = { jsdom: 0, linkedom: 0 };
  return differing;
}

const zyte = zytePages(limit).map((p) => ({ id: p.id.slice(0, 12), html: p.html, url: p.url }));
const readability = readabilityCases()
  .slice(0, limit)
  .map((c) => ({ id: c.name, html: c.source, url: READABILITY_URL }));
const differing = compare('Zyte pages', zyte) + compare('Readability test pages', readability);
process.exitCode = differing ? 1 : 0;
