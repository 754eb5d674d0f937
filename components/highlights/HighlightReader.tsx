/**
 * The Reader with highlighting. The highlighting code (anchoring, toolbar, storage) is loaded
 * once the article is on screen, so the popup's first paint does not wait for it; until then
 * the article shows without its highlights.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { Reader, type ReaderProps } from '../Reader';
import type { Placement } from './model';
import './highlights.css';

type LayerModule = typeof import('./HighlightLayer');

export interface HighlightReaderProps extends Omit<ReaderProps, 'marks'> {
  /** The page's URL, for an article that carries none. */
  url?: string | null;
}

export function HighlightReader({ url, ...reader }: HighlightReaderProps) {
  const [layer, setLayer] = useState<LayerModule | null>(null);
  const [placement, setPlacement] = useState<Placement | null>(null);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    requestAnimationFrame(() => setTimeout(() => void import('./HighlightLayer').then((m) => live && setLayer(m))));
    return () => {
      live = false;
    };
  }, []);

  return (
    <div class="highlighting" ref={root}>
      {layer && placement && <layer.Orphans orphans={placement.orphans} lang={reader.article.lang ?? undefined} />}
      <Reader {...reader} marks={placement?.marks} />
      {layer && <layer.HighlightLayer article={reader.article} url={url} root={root} onPlacement={setPlacement} />}
    </div>
  );
}
