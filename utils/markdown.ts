/** The article as clean Markdown (CLI `--format md`, the popup's "Copy as Markdown"). */
import type { Article, Block, Inline, MathFormula } from './types';

/** Escapes characters that Markdown would read as formatting. */
function escape(text: string): string {
  return escapeBlockStarts(escapeAngle(text.replace(/([\\`*_[\]>#|])/g, '\\$1')).replace(/^(\d+)\. /gm, '$1\\. ').replace(/^([-+]) /gm, '\\$1 '));
}

/**
 * Text that cannot open a block or a hidden region in the common Markdown dialects: every
 * fence (`~~~`; backticks are escaped by the callers), a line starting with a rule or front
 * matter (`---`), every `$$` (math) and `%%` (an Obsidian comment) are escaped. A
 * `~~~dataviewjs` fence would run code in Obsidian.
 */
export function escapeBlockStarts(text: string): string {
  return escapeFences(text.replace(/%%|\$\$/g, (pair) => `\\${pair[0]}\\${pair[1]}`).replace(/^([ \t]*)---/gm, '$1\\---'));
}

/**
 * Every `~~~` escaped, wherever it is: a fence opens not only at the start of a line but also
 * after list markers and quote marks ("1) ~~~dataviewjs", "- > ~~~"), which a page's text
 * can put on any line. One already escaped stays as it is.
 */
const escapeFences = (text: string) => text.replace(/(?<!\\)~~~/g, '\\~~~');

/**
 * `<` as the entity `&lt;`, never `\<`: marked ends a bare `www.…` or `https://…` link at `<`
 * and takes the backslash into it, so `www.x.com\<javascript:…>` left a live autolink. An
 * entity is text in every dialect and starts no tag or autolink.
 */
export const escapeAngle = (text: string) => text.replace(/</g, '&lt;');

/** Whitespace (line breaks included) squashed to one space: for titles and other one-line fields. */
export const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * A URL as written in Markdown (a link or image destination, or an autolink): parentheses,
 * angle brackets, quotes and whitespace percent-encoded, so that nothing in it can end it.
 * (`encodeURIComponent` leaves parentheses as they are.)
 */
export const markdownUrl = (url: string) =>
  url.replace(/[()<>"\s]/g, (c) => (c === '(' ? '%28' : c === ')' ? '%29' : encodeURIComponent(c)));

/**
 * A formula as `$TeX$` (inline) or `$$TeX$$` (display) when the page carried its TeX, on one line
 * (a line break in a paragraph becomes a Markdown hard break); else its plain text. A `$` in the
 * TeX is escaped so that it cannot end the formula early; `<`, `>` and `](` are written as TeX
 * that reads the same (`\lt`, `\gt`, `]{}(`).
 */
function mathMarkdown(math: MathFormula, text: string): string {
  if (!math.tex) return escape(text);
  const tex = oneLine(math.tex)
    .replace(/(?<!\\)\$/g, '\\$')
    // Where math is not rendered the TeX is Markdown: no raw HTML, no autolink, no link target.
    .replace(/[<>]/g, (c) => (c === '<' ? '\\lt ' : '\\gt '))
    .replace(/\]\(/g, ']{}(');
  return math.display ? `$$${tex}$$` : `$${tex}$`;
}

function inlineMarkdown(inlines: Inline[]): string {
  const joined = inlines
    .map((run) => {
      if (run.text === '\n') return '  \n';
      if (run.math) return mathMarkdown(run.math, run.text);
      let md = run.code ? '`' + run.text.replace(/`/g, 'ˋ') + '`' : escape(run.text);
      if (run.em && !run.code) md = `*${md}*`;
      if (run.strong && !run.code) md = `**${md}**`;
      if (run.href) md = `[${md}](${markdownUrl(run.href)})`;
      return md;
    })
    .join('')
    .replace(/\n(?! )/g, '  \n');
  // Runs are escaped one by one; a line, or a fence, may start only once they are joined.
  return escapeFences(joined.replace(/^([ \t]*)---/gm, '$1\\---'));
}

function blockMarkdown(block: Block): string {
  switch (block.type) {
    case 'heading':
      return `${'#'.repeat(Math.min(6, block.level + 1))} ${oneLine(inlineMarkdown(block.inlines))}`;
    case 'paragraph':
      return inlineMarkdown(block.inlines);
    case 'blockquote':
      return inlineMarkdown(block.inlines)
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n');
    case 'list':
      return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${inlineMarkdown(item)}`).join('\n');
    case 'figure': {
      const images = block.images.map((img) => `![${escape(oneLine(img.alt))}](${markdownUrl(img.src)})`).join('\n');
      return block.text ? `${images}\n*${inlineMarkdown(block.caption)}*` : images;
    }
    case 'image':
      return `![${escape(oneLine(block.image.alt))}](${markdownUrl(block.image.src)})`;
    case 'code':
      return '```\n' + block.text.replace(/```/g, 'ˋˋˋ') + '\n```';
    case 'table': {
      const width = Math.max(...block.rows.map((r) => r.cells.length));
      const row = (cells: string[]) =>
        `| ${Array.from({ length: width }, (_, i) => escape(oneLine(cells[i] ?? ''))).join(' | ')} |`;
      const [head, ...rest] = block.rows;
      return [row(head.cells), `|${' --- |'.repeat(width)}`, ...rest.map((r) => row(r.cells))].join('\n');
    }
  }
}

/** Markdown of the kept blocks (folded ones left out), with a title and a source line. */
export function articleToMarkdown(article: Article): string {
  const folded = new Set(article.folded.map((f) => f.blockId));
  const meta = [article.byline, article.siteName, article.publishedTime?.slice(0, 10)].filter(Boolean).map((s) => oneLine(s!)).join(' · ');
  const head = [`# ${escape(oneLine(article.title))}`];
  if (meta) head.push(`*${escape(meta)}*`);
  if (article.url) head.push(`<${markdownUrl(article.url)}>`);
  const body = article.blocks.filter((b) => !folded.has(b.id)).map(blockMarkdown);
  return [...head, ...body].join('\n\n') + '\n';
}
