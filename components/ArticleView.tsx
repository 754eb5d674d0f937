import type { Article, Block, Inline } from '../utils/types';

function Inlines({ inlines }: { inlines: Inline[] }) {
  return (
    <>
      {inlines.map((run, i) => {
        if (run.text === '\n') return <br key={i} />;
        let node: preact.ComponentChild = run.text;
        if (run.code) node = <code>{node}</code>;
        if (run.em) node = <em>{node}</em>;
        if (run.strong) node = <strong>{node}</strong>;
        if (run.href) node = <a href={run.href} target="_blank" rel="noopener noreferrer">{node}</a>;
        return <span key={i}>{node}</span>;
      })}
    </>
  );
}

function BlockView({ block }: { block: Block }) {
  switch (block.type) {
    case 'heading': {
      const H = `h${Math.min(6, block.level + 1)}` as 'h2';
      return <H><Inlines inlines={block.inlines} /></H>;
    }
    case 'paragraph':
      return <p><Inlines inlines={block.inlines} /></p>;
    case 'blockquote':
      return <blockquote><Inlines inlines={block.inlines} /></blockquote>;
    case 'list': {
      const L = block.ordered ? 'ol' : 'ul';
      return <L>{block.items.map((item, i) => <li key={i}><Inlines inlines={item} /></li>)}</L>;
    }
    case 'figure':
      return (
        <figure>
          {block.images.map((img) => <img key={img.src} src={img.src} alt={img.alt} loading="lazy" />)}
          {block.text && <figcaption><Inlines inlines={block.caption} /></figcaption>}
        </figure>
      );
    case 'image':
      return <img src={block.image.src} alt={block.image.alt} loading="lazy" />;
    case 'code':
      return <pre><code>{block.text}</code></pre>;
    case 'table':
      return (
        <table>
          <tbody>
            {block.rows.map((row, i) => (
              <tr key={i}>{row.cells.map((cell, j) => (row.header ? <th key={j}>{cell}</th> : <td key={j}>{cell}</td>))}</tr>
            ))}
          </tbody>
        </table>
      );
  }
}

export function ArticleView({ article }: { article: Article }) {
  const folded = new Set(article.folded.map((f) => f.blockId));
  return (
    <article lang={article.lang ?? undefined} dir={article.dir}>
      <h1>{article.title}</h1>
      {(article.byline || article.siteName) && (
        <p class="meta">{[article.byline, article.siteName].filter(Boolean).join(' · ')}</p>
      )}
      {article.blocks.filter((b) => !folded.has(b.id)).map((b) => <BlockView key={b.id} block={b} />)}
    </article>
  );
}
