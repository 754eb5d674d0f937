import * as v from 'valibot';
import { EXPORT_FORMAT, EXPORT_VERSION, ExportFileSchema, HighlightSchema, type ExportFile } from './schema';
import type { Highlight } from './types';
import { escapeAngle, escapeBlockStarts, markdownUrl, oneLine } from '../markdown';

/** Export order: by article, then by place in the article, then by age. */
function sorted(highlights: readonly Highlight[]): Highlight[] {
  return [...highlights].sort(
    (a, b) =>
      compare(a.articleKey, b.articleKey) ||
      a.selectors.position.start - b.selectors.position.start ||
      compare(a.createdAt, b.createdAt) ||
      compare(a.id, b.id),
  );
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The export file as JSON. Deterministic (canonical order of highlights and keys, unknown keys
 * dropped), so export → import → export gives the same text. `exportedAt` is an ISO timestamp.
 */
export function exportJson(highlights: readonly Highlight[], exportedAt: string): string {
  const file: ExportFile = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt,
    highlights: sorted(highlights).map((h) => v.parse(HighlightSchema, h)),
  };
  return JSON.stringify(v.parse(ExportFileSchema, file), null, 2) + '\n';
}

export type ImportResult = { ok: true; highlights: Highlight[] } | { ok: false; error: string };

/** Reads an export file. Anything wrong rejects the whole file, with a message saying what. */
export function parseImport(jsonText: string): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(jsonText);
  } catch (e) {
    return { ok: false, error: `The file is not valid JSON (${(e as Error).message}). Nothing was imported.` };
  }
  const header = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  if (header.format !== EXPORT_FORMAT) {
    return {
      ok: false,
      error: `This is not a Lucid Reader highlights file (expected "format": "${EXPORT_FORMAT}"). Nothing was imported.`,
    };
  }
  if (header.version !== EXPORT_VERSION) {
    return {
      ok: false,
      error: `Unsupported file version ${JSON.stringify(header.version)}: this Lucid Reader reads version ${EXPORT_VERSION}. Nothing was imported.`,
    };
  }
  const result = v.safeParse(ExportFileSchema, data);
  if (!result.success) {
    const [issue] = result.issues;
    const path = (v.getDotPath(issue) ?? 'file').replace(/\.(\d+)(?=\.|$)/g, '[$1]');
    const more = result.issues.length > 1 ? ` (and ${result.issues.length - 1} more problems)` : '';
    return { ok: false, error: `Invalid highlights file at ${path}: ${issue.message}${more}. Nothing was imported.` };
  }
  return { ok: true, highlights: result.output.highlights };
}

/** ISO timestamp → "2024-03-12" (UTC), locale-independent; nothing for a date that cannot be read. */
const day = (iso: string) => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '' : new Date(t).toISOString().slice(0, 10);
};

/**
 * Page and reader text as Markdown text: HTML, links, images, code spans, wiki links, fenced
 * blocks, comments and math cannot start (a highlight of a page about XSS must not become
 * markup in a Markdown viewer).
 */
const md = (text: string) => escapeBlockStarts(escapeAngle(text.replace(/([\\`>[\]])/g, '\\$1')));
/** A one-line field (title, site, speaker) as Markdown text. */
const mdLine = (text: string) => md(oneLine(text));
/** A URL inside an autolink `<…>`: nothing that ends it or starts a tag. */
const autolink = (url: string) => `<${markdownUrl(url)}>`;

/** Markdown blockquote lines for possibly multi-paragraph text. */
const quoted = (text: string) => text.split('\n').map((line) => (line ? `> ${line}` : '>'));

/**
 * Citable Markdown: per article a heading and link, then each highlight as
 * `> “…” — Speaker, Site, date` with the link, and its note below.
 */
export function exportMarkdown(highlights: readonly Highlight[]): string {
  const out: string[] = ['# Highlights', ''];
  let article: string | undefined;
  for (const h of sorted(highlights)) {
    if (h.articleKey !== article) {
      article = h.articleKey;
      out.push(`## ${mdLine(h.title || h.url)}`, '', autolink(h.url), '');
    }
    const source = [h.speaker, h.site, day(h.createdAt)].filter(Boolean).map((s) => mdLine(s!)).join(', ');
    out.push(...quoted(`“${md(h.text)}” — ${source}`), `> ${autolink(h.url)}`, '');
    if (h.note.trim()) out.push(md(h.note.trim()), '');
  }
  return out.join('\n');
}
