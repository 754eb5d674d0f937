/**
 * Checks of an extracted article against the page it came from, for `npm run eval`: text run
 * together, and header fields the page's own metadata has. The metadata is read here with plain
 * patterns over the HTML, apart from the pipeline's code, so the eval does not grade the
 * pipeline with its own logic.
 */
import type { Article } from '../../utils/types';
import { tokens } from './score';

/** Truth paragraphs shorter than this many tokens (datelines, labels) are not counted. */
const MIN_TRUTH_TOKENS = 4;

/**
 * The article's units of text as a reader sees them: each kept paragraph, quote or heading,
 * and each item of a list, row of a table or line of code.
 */
export function textUnits(article: Article | null): string[] {
  if (!article) return [];
  const folded = new Set(article.folded.map((f) => f.blockId));
  return article.blocks.flatMap((b) => {
    if (!b.text || folded.has(b.id) || b.type === 'figure' || b.type === 'image') return [];
    return b.type === 'list' || b.type === 'table' || b.type === 'code' ? b.text.split('\n') : [b.text];
  });
}

/** The most paragraphs of the ground truth (separated by line breaks) that one unit holds. */
export function mostTruthParagraphsInOne(truth: string, units: string[]): number {
  const ours = units.map((p) => ` ${tokens(p).join(' ')} `);
  const counts = new Array<number>(ours.length).fill(0);
  // Distinct paragraphs: a line the truth repeats (a question in a series) counts once.
  for (const paragraph of new Set(truth.split(/\n+/))) {
    const t = tokens(paragraph);
    if (t.length < MIN_TRUTH_TOKENS) continue;
    const needle = ` ${t.join(' ')} `;
    const at = ours.findIndex((p) => p.includes(needle));
    if (at >= 0) counts[at]++;
  }
  return Math.max(0, ...counts);
}

const attr = (tag: string, name: string): string | null => new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(tag)?.slice(1).find((v) => v !== undefined) ?? null;

function metaContent(html: string, key: string): string | null {
  for (const m of html.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = m[0];
    if (attr(tag, 'property') === key || attr(tag, 'name') === key || attr(tag, 'itemprop') === key) return attr(tag, 'content');
  }
  return null;
}

const decode = (s: string) =>
  s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#0?39;|&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));
const norm = (s: string) => decode(s).toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();

/** The page's metadata titles (og:title, JSON-LD headline). */
function metadataTitles(html: string): string[] {
  const titles = [metaContent(html, 'og:title')];
  for (const m of html.matchAll(/"headline"\s*:\s*"((?:[^"\\]|\\.)*)"/g)) {
    try {
      titles.push(JSON.parse(`"${m[1]}"`) as string);
    } catch {
      // not a JSON string after all
    }
  }
  return titles.filter((t): t is string => !!t && !!t.trim()).map(norm);
}

/**
 * Whether the page's metadata names a title, and whether ours is complete: not a shorter start
 * of one of them (a tail after a separator, a site's name, does not count as missing).
 */
export function titleCheck(html: string, article: Article | null): { has: boolean; complete: boolean } {
  const titles = metadataTitles(html);
  if (!titles.length) return { has: false, complete: false };
  const ours = norm(article?.title ?? '');
  if (!ours) return { has: true, complete: false };
  const cut = titles.some((t) => t.length > ours.length && t.startsWith(ours) && !/^\s*(?:[|\-–—·•:»/]|::)\s/.test(t.slice(ours.length)));
  return { has: true, complete: !cut };
}

/** Whether the page's metadata gives a publication date, and whether the article has one. */
export function dateCheck(html: string, article: Article | null): { has: boolean; found: boolean } {
  const has =
    /"datePublished"\s*:\s*"[^"]*\d{4}/.test(html) ||
    /\d{4}/.test(metaContent(html, 'article:published_time') ?? '') ||
    /itemprop\s*=\s*["']?datePublished[^>]*(?:content|datetime)\s*=\s*["'][^"']*\d{4}/i.test(html) ||
    /<time\b[^>]*datetime\s*=\s*["'][^"']*\d{4}/i.test(html);
  return { has, found: has && !!article?.publishedTime };
}
