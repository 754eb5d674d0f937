/**
 * The article: header, then its blocks, folded ones hidden until the reader asks to see
 * them. Used by the popup and the clean view; knows nothing about where the article came from.
 */
import type { ComponentChildren } from 'preact';
import { i18n } from '#i18n';
import type { Article, Block, Fold } from '../utils/types';
import { ArticleHeader } from './ArticleHeader';
import { BlockView } from './BlockView';
import { reasonKey, type Verdict } from './folds';
import type { TextMark } from './marks';

export interface ArticleViewProps {
  article: Article;
  /** The folds in force (see `effectiveFolds`). */
  folds: ReadonlyMap<string, Fold>;
  /** Show folded lines in place, with their reasons and the correction buttons. */
  showFolds: boolean;
  /** Folded blocks the reader opened. */
  unfolded: ReadonlySet<string>;
  onUnfold: (blockId: string, open: boolean) => void;
  /** Saves "this is clutter / this is content"; without it no correction buttons are shown. */
  onVerdict?: (block: Block, verdict: Verdict) => void;
  /** Marks per block id (quotes, highlights). */
  marks?: ReadonlyMap<string, readonly TextMark[]>;
  /** Reader tools shown between the header and the text (in the interface's language). */
  tools?: ComponentChildren;
}

function VerdictButton({ block, verdict, onVerdict }: { block: Block; verdict: Verdict; onVerdict: ArticleViewProps['onVerdict'] }) {
  if (!onVerdict || !block.text) return null;
  return (
    <button type="button" class="quiet verdict" onClick={() => onVerdict(block, verdict)}>
      {i18n.t(verdict === 'clutter' ? 'fold.clutter' : 'fold.content')}
    </button>
  );
}

interface BlockSlotProps extends Pick<ArticleViewProps, 'showFolds' | 'onUnfold' | 'onVerdict'> {
  block: Block;
  fold?: Fold;
  open: boolean;
  marks?: readonly TextMark[];
}

/** One block in reading order: shown, folded away, or folded and shown as a quiet line. */
function BlockSlot({ block, fold, open, showFolds, onUnfold, onVerdict, marks }: BlockSlotProps) {
  if (!fold) {
    return (
      // A heading takes the focus when the contents list jumps to it.
      <div class="block" data-block-id={block.id} tabIndex={block.type === 'heading' ? -1 : undefined}>
        <BlockView block={block} marks={marks} />
        {showFolds && <div class="block-tools ui" lang={navigator.language}><VerdictButton block={block} verdict="clutter" onVerdict={onVerdict} /></div>}
      </div>
    );
  }
  // A figure folded because its caption repeats the text keeps its picture: only the caption folds.
  const picture = !open && block.type === 'figure' && fold.reason === 'duplicate' ? { ...block, caption: [], text: '' } : null;
  if (!showFolds && !open) {
    return picture && <div class="block" data-block-id={block.id}><BlockView block={picture} /></div>;
  }
  const reasonId = `fold-${block.id}`;
  return (
    <div class={open ? 'block folded open' : 'block folded'} data-block-id={block.id}>
      {open ? <BlockView block={block} marks={marks} /> : picture && <BlockView block={picture} />}
      <div class="block-tools ui" lang={navigator.language}>
        <span id={reasonId} class="fold-reason">{i18n.t('fold.folded', [i18n.t(reasonKey(fold))])}</span>
        <button type="button" class="quiet" aria-describedby={reasonId} aria-expanded={open} onClick={() => onUnfold(block.id, !open)}>
          {i18n.t(open ? 'fold.foldAgain' : 'fold.unfold')}
        </button>
        <VerdictButton block={block} verdict="content" onVerdict={onVerdict} />
      </div>
    </div>
  );
}

export function ArticleView({ article, folds, showFolds, unfolded, onUnfold, onVerdict, marks, tools }: ArticleViewProps) {
  return (
    <article class="article" lang={article.lang ?? undefined} dir={article.dir}>
      <ArticleHeader article={article} />
      {tools && <div class="tools ui" lang={navigator.language} dir="auto">{tools}</div>}
      <div class="article-body">
        {article.blocks.map((b) => (
          <BlockSlot
            key={b.id}
            block={b}
            fold={folds.get(b.id)}
            open={unfolded.has(b.id)}
            showFolds={showFolds}
            onUnfold={onUnfold}
            onVerdict={onVerdict}
            marks={marks?.get(b.id)}
          />
        ))}
      </div>
    </article>
  );
}
