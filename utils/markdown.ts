/** The article as clean Markdown (CLI `--format md`, the popup's "Copy as Markdown"). */
import type { Article, Block, Inline } from './types';

/** Escapes characters that Markdown would read as formatting. */
function escape(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1').replace(/^(\d+)\. /gm, '$1\\. ').replace(/^([-+]) /gm, '\\$1 ');
}

function inlineMarkdown(inlines: Inline[]): string {
  return inlines
    .map((run) => {
      if (run.text === '\n') return '  \n';
      let md = run.code ? '`' + run.text.replace(/`/g, 'ˋ') + '`' : escape(run.text);
      if (run.em && !run.code) md = `*${md}*`;
      if (run.strong && !run.code) md = `**${md}**`;
      if (run.href) md = `[${md}](${run.href.replace(/[()\s]/g, encodeURIComponent)})`;
      return md;
    })
    .join('')
    .replace(/\n(?! )/g, '  \n');
}

function blockMarkdown(block: Block): string {
  switch (block.type) {
    case 'heading':
      return `${'#'.repeat(Math.min(6, block.level + 1))} ${inlineMarkdown(block.inlines)}`;
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
      const images = block.images.map((img) => `![${escape(img.alt)}](${img.src})`).join('\n');
      return block.text ? `${images}\n*${inlineMarkdown(block.caption)}*` : images;
    }
    case 'image':
      return `![${escape(block.image.alt)}](${block.image.src})`;
    case 'code':
      return '```\n' + block.text.replace(/```/g, 'ˋˋˋ') + '\n```';
    case 'table': {
      const width = Math.max(...block.rows.map((r) => r.cells.length));
      const row = (cells: string[]) =>
        `| ${Array.from({ length: width }, (_, i) => escape(cells[i] ?? '')).join(' | ')} |`;
      const [head, ...rest] = block.rows;
      return [row(head.cells), `|${' --- |'.repeat(width)}`, ...rest.map((r) => row(r.cells))].join('\n');
    }
  }
}

/** Markdown of the kept blocks (folded ones left out), with a title and a source line. */
export function articleToMarkdown(article: Article): string {
  const folded = new Set(article.folded.map((f) => f.blockId));
  const meta = [article.byline, article.siteName, article.publishedTime?.slice(0, 10)].filter(Boolean).join(' · ');
  const head = [`# ${escape(article.title)}`];
  if (meta) head.push(`*${escape(meta)}*`);
  if (article.url) head.push(`<${article.url}>`);
  const body = article.blocks.filter((b) => !folded.has(b.id)).map(blockMarkdown);
  return [...head, ...body].join('\n\n') + '\n';
}
