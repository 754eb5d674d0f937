/**
 * The reading experience around one article: folded lines (shown, unfolded, corrected), the
 * quoted speakers (chosen, stepped through), the contents, and the reading position and
 * progress. Shared by the popup and the clean view.
 *
 * The tools row under the header is one line from the first paint: "Who is quoted" and the
 * contents open below it on demand, so nothing that arrives after the text moves the text.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Article, Block } from '../utils/types';
import { ArticleView } from './ArticleView';
import { FoldSummary } from './FoldSummary';
import { effectiveFolds, type Verdict } from './folds';
import type { TextMark } from './marks';
import { DEFAULT_MIN_CONFIDENCE, quoteMarks, quotesOf, summariseSpeakers } from './quotes';
import { useContents } from './reading/Contents';
import { ReadingProgress, useReadingProgress } from './reading/Progress';
import { QuoteStepper, SpeakersPanel, SpeakersToggle } from './SpeakersPanel';
import { useAfterPaint } from './useAfterPaint';

export interface ReaderProps {
  article: Article;
  /** Saves a correction for the site; when absent, no correction buttons are shown. */
  onVerdict?: (block: Block, verdict: Verdict) => Promise<void>;
  /** Extra marks per block (highlights), laid over the quote marks. */
  marks?: ReadonlyMap<string, readonly TextMark[]>;
  minConfidence?: number;
}

const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

export function Reader({ article, onVerdict, marks, minConfidence = DEFAULT_MIN_CONFIDENCE }: ReaderProps) {
  const [showFolds, setShowFolds] = useState(false);
  const [unfolded, setUnfolded] = useState<ReadonlySet<string>>(new Set());
  const [verdicts, setVerdicts] = useState<ReadonlyMap<string, Verdict>>(new Map());
  const [speaker, setSpeaker] = useState<string | null>(null);
  const [step, setStep] = useState(0);
  const [speakersOpen, setSpeakersOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const progress = useReadingProgress(root);
  // The reading position after the first paint (it reads storage and the article's identity).
  const position = useAfterPaint(() => import('./reading/position'));
  useEffect(() => (position && root.current ? position.trackPosition(article, root.current) : undefined), [position, article]);

  const folds = useMemo(() => effectiveFolds(article, verdicts), [article, verdicts]);
  const speakers = useMemo(() => summariseSpeakers(article, minConfidence), [article, minConfidence]);
  const contents = useContents(article, folds, root);
  const chosen = useMemo(() => (speaker ? quotesOf(article, speaker) : []), [article, speaker]);
  const current = chosen[step]?.id ?? null;
  const allMarks = useMemo(() => {
    const quotes = article.quotes.filter((q) => !folds.has(q.blockId) || unfolded.has(q.blockId));
    const byBlock = quoteMarks(quotes, {
      selected: speaker,
      current,
      min: minConfidence,
      unsureLabel: (name) => i18n.t('speakers.probably', [name]),
      nobodyLabel: (unnamed) => i18n.t(unnamed ? 'speakers.unnamedSource' : 'speakers.notNamed'),
    });
    for (const [id, extra] of marks ?? []) byBlock.set(id, [...(byBlock.get(id) ?? []), ...extra]);
    return byBlock;
  }, [article, folds, unfolded, speaker, current, minConfidence, marks]);

  // Bring the quote stepped to into view.
  useEffect(() => {
    if (!current) return;
    const mark = root.current?.querySelector(`[data-quote-id="${current}"]`);
    mark?.scrollIntoView({ block: 'center', behavior: reducedMotion() ? 'auto' : 'smooth' });
  }, [current]);

  const choose = (name: string | null) => {
    setSpeaker(name);
    setStep(0);
    // A chosen speaker's quotes may sit in folded blocks: open those.
    if (name) setUnfolded(new Set([...unfolded, ...quotesOf(article, name).map((q) => q.blockId).filter((id) => folds.has(id))]));
  };
  const unfold = (id: string, open: boolean) => {
    const next = new Set(unfolded);
    if (open) next.add(id);
    else next.delete(id);
    setUnfolded(next);
  };
  const closeStepper = () => {
    choose(null);
    // The stepper goes away with the focus in it: give the focus back to the speakers.
    root.current?.querySelector<HTMLElement>('.speaker')?.focus();
  };
  const correct =
    onVerdict &&
    ((block: Block, verdict: Verdict) => {
      setVerdicts(new Map(verdicts).set(block.id, verdict));
      if (verdict === 'content') unfold(block.id, false);
      void onVerdict(block, verdict);
    });

  return (
    <div class="reader" ref={root}>
      <ReadingProgress progress={progress} readingMinutes={article.readingMinutes} />
      <ArticleView
        article={article}
        folds={folds}
        showFolds={showFolds}
        unfolded={unfolded}
        onUnfold={unfold}
        onVerdict={correct}
        marks={allMarks}
        tools={
          <>
            <div class="tools-row">
              <SpeakersToggle count={speakers.sure.length + speakers.unsure.length + speakers.bodies.length} open={speakersOpen} onToggle={() => setSpeakersOpen(!speakersOpen)} />
              {contents.toggle}
              <FoldSummary count={folds.size} open={showFolds} onToggle={() => setShowFolds(!showFolds)} />
            </div>
            {speakersOpen && <SpeakersPanel sure={speakers.sure} unsure={speakers.unsure} bodies={speakers.bodies} selected={speaker} onSelect={choose} />}
            {contents.list}
          </>
        }
      />
      {speaker && chosen.length > 0 && (
        <QuoteStepper index={step} total={chosen.length} onStep={setStep} onClose={closeStepper} />
      )}
    </div>
  );
}
