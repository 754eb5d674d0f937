/** One article block as Preact elements (never page HTML). */
import type { Block, ImageRef } from '../utils/types';
import { BlockText } from './BlockText';
import { itemOffsets, type TextMark } from './marks';

/** Hides a picture that failed to load: its alt text in a narrow box would stand as a tall column of letters. */
function hideFailed(event: Event): void {
  (event.currentTarget as HTMLImageElement).hidden = true;
}

function Image({ image }: { image: ImageRef }) {
  return (
    <img
      src={image.src}
      alt={image.alt}
      width={image.width}
      height={image.height}
      loading="lazy"
      decoding="async"
      referrerpolicy="no-referrer"
      onError={hideFailed}
    />
  );
}

export interface BlockViewProps {
  block: Block;
  marks?: readonly TextMark[];
}

export function BlockView({ block, marks }: BlockViewProps) {
  switch (block.type) {
    case 'heading': {
      // The article title is the only h1.
      const H = `h${Math.min(6, block.level + 1)}` as 'h2';
      return <H><BlockText inlines={block.inlines} marks={marks} blockId={block.id} /></H>;
    }
    case 'paragraph':
      return <p><BlockText inlines={block.inlines} marks={marks} blockId={block.id} /></p>;
    case 'blockquote':
      return <blockquote><BlockText inlines={block.inlines} marks={marks} blockId={block.id} /></blockquote>;
    case 'list': {
      const L = block.ordered ? 'ol' : 'ul';
      const offsets = itemOffsets(block.items);
      return (
        <L>
          {block.items.map((item, i) => (
            <li key={i}><BlockText inlines={item} marks={marks} offset={offsets[i]} blockId={block.id} /></li>
          ))}
        </L>
      );
    }
    case 'figure':
      return (
        <figure>
          {block.images.map((img) => <Image key={img.src} image={img} />)}
          {block.text && (
            <figcaption>
              <BlockText inlines={block.caption} marks={marks} blockId={block.id} />
              {block.credit && <small class="credit"> {block.credit}</small>}
            </figcaption>
          )}
        </figure>
      );
    case 'image':
      return <figure><Image image={block.image} /></figure>;
    case 'code':
      return <pre><code><BlockText inlines={[{ text: block.text }]} marks={marks} blockId={block.id} /></code></pre>;
    case 'table':
      return (
        <div class="table-wrap">
          <table>
            <tbody>
              {block.rows.map((row, i) => (
                <tr key={i}>{row.cells.map((cell, j) => (row.header ? <th key={j}>{cell}</th> : <td key={j}>{cell}</td>))}</tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}
