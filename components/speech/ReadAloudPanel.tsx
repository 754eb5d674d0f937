/**
 * The read-aloud controls, loaded on demand: play/pause, previous/next paragraph, speed, the
 * narrator's voice (remembered per language), quoted speakers in their own voices. Reading
 * starts at the first paragraph on screen; the spoken sentence and word are marked in the text
 * (marking.ts). Speech stops when the controls close, the article goes, or the page is hidden.
 *
 * Keys (outside text fields): K play/pause, J/L previous/next paragraph, < and > speed.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { SpeechSettings } from '../../platform/speech-settings';
import type { Voice } from '../../platform/speech';
import { systemSynth } from '../../platform/speech-synth';
import type { Article } from '../../utils/types';
import { IconButton } from '../icons';
import { blockElement, firstOnScreen, markSpoken, renderedBlocks } from './marking';
import { planArticle, speakersInOrder, type Chunk } from './plan';
import { SpeechQueue, type QueueState } from './queue';
import { maxChunkChars } from './text';
import { castSpeakers, narratorVoice } from './casting';
import { primaryLang } from './voices';

const RATES = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2] as const;

export interface ReadAloudPanelProps {
  id: string;
  article: Article;
  lang: string;
  /** The system's voices for `lang` (at least one). */
  voices: Voice[];
  speech: SpeechSettings;
  onSpeech: (next: SpeechSettings) => void;
  onClose: () => void;
}

const IDLE: QueueState = { status: 'stopped', paragraph: 0, blockId: null, sentence: null, word: null };

/** Keys typed into a field are the field's. */
function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName));
}

/** The bottom edge of the sticky bars: text above it is not on screen. */
function barsBottom(): number {
  return Math.max(0, ...[...document.querySelectorAll('.bar, .read-aloud')].map((el) => el.getBoundingClientRect().bottom));
}

export function ReadAloudPanel({ id, article, lang, voices, speech, onSpeech, onClose }: ReadAloudPanelProps) {
  const [state, setState] = useState<QueueState>(IDLE);
  const [visible, setVisible] = useState(() => renderedBlocks(document));
  const [top, setTop] = useState(0);
  const primary = primaryLang(lang);
  const narrator = narratorVoice(voices, speech.voices[primary])!;
  const canCast = voices.length >= 2;
  const cast = useMemo(
    () => (speech.speakerVoices && canCast ? castSpeakers(voices, narrator, speakersInOrder(article)) : new Map()),
    [article, voices, narrator, speech.speakerVoices, canCast],
  );
  const plan = useMemo(
    () => planArticle(article, visible, { maxChars: maxChunkChars(speech.rate), speakerVoices: cast.size > 0 }),
    [article, visible, speech.rate, cast],
  );
  const voiceOf = (chunk: Chunk) => (chunk.speaker && cast.get(chunk.speaker)) || { voice: narrator, pitch: 1 };

  const queue = useRef<SpeechQueue<Voice> | null>(null);
  const system = useMemo(systemSynth, []);
  if (!queue.current && system) {
    queue.current = new SpeechQueue<Voice>({ ...system, voiceOf, lang, rate: speech.rate, onChange: setState });
  }
  const q = queue.current;

  useEffect(() => q?.configure({ rate: speech.rate, voiceOf }), [speech.rate, narrator, cast]);
  // Another article in the view (the side panel follows its tab): stop, and read what it shows.
  const blocks = useRef(article.blocks);
  useEffect(() => {
    if (blocks.current === article.blocks) return;
    blocks.current = article.blocks;
    q?.stop();
    requestAnimationFrame(() => setVisible(renderedBlocks(document)));
  }, [article.blocks]);
  useEffect(() => q?.load(plan), [plan]);

  // Stop when the controls close or the page goes (a closed popup, a closed clean view).
  useEffect(() => {
    const stop = () => q?.stop();
    addEventListener('pagehide', stop);
    setTop(document.querySelector('.bar')?.getBoundingClientRect().height ?? 0);
    return () => {
      removeEventListener('pagehide', stop);
      stop();
      markSpoken(document, IDLE);
    };
  }, []);

  // Mark the place; bring a new paragraph into view when it is off screen.
  const shownBlock = useRef<string | null>(null);
  useEffect(() => {
    markSpoken(document, state);
    if (state.status !== 'playing' || !state.blockId || state.blockId === shownBlock.current) return;
    shownBlock.current = state.blockId;
    const rect = blockElement(document, state.blockId)?.getBoundingClientRect();
    const bars = barsBottom();
    if (rect && (rect.top < bars || rect.top > innerHeight - 40)) {
      scrollBy({ top: rect.top - bars - 12, behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
    }
  }, [state]);

  const playing = state.status === 'playing';
  const playPause = () => {
    if (!q) return;
    if (state.status === 'playing' || state.status === 'paused') return q.toggle();
    // From the start: take what is on screen now (folds may have opened or closed).
    const shown = renderedBlocks(document);
    setVisible(shown);
    const fresh = planArticle(article, shown, { maxChars: maxChunkChars(speech.rate), speakerVoices: cast.size > 0 });
    q.load(fresh);
    const first = firstOnScreen(document, new Set(fresh.map((p) => p.blockId)), barsBottom());
    q.play(Math.max(0, fresh.findIndex((p) => p.blockId === first)));
  };
  const setRate = (rate: number) => onSpeech({ ...speech, rate: Math.min(2, Math.max(0.5, rate)) });
  const stepRate = (step: number) => {
    const at = RATES.indexOf(speech.rate as (typeof RATES)[number]);
    setRate(RATES[Math.max(0, Math.min(RATES.length - 1, (at < 0 ? 2 : at) + step))]!);
  };

  // One listener reading the current handlers (see SettingsToggle for why).
  const keys = useRef({ playPause, stepRate });
  keys.current = { playPause, stepRate };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
      const act = { k: () => keys.current.playPause(), j: () => q?.previous(), l: () => q?.next(), '<': () => keys.current.stepRate(-1), '>': () => keys.current.stepRate(1) }[event.key.length === 1 ? event.key.toLowerCase() : ''];
      if (!act) return;
      event.preventDefault();
      act();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);

  const autoFocus = useRef<HTMLButtonElement>(null);
  useEffect(() => autoFocus.current?.focus(), []);

  const index = plan.findIndex((p) => p.blockId === state.blockId);
  return (
    <section id={id} class="read-aloud ui" style={{ top: `${top}px` }} aria-label={i18n.t('speech.controls')}>
      <div class="speech-buttons">
        <IconButton icon="previous" label={i18n.t('speech.previous')} aria-keyshortcuts="J" onClick={() => q?.previous()} />
        <IconButton buttonRef={autoFocus} extraClass="play" icon={playing ? 'pause' : 'play'} label={i18n.t(playing ? 'speech.pause' : 'speech.play')} aria-keyshortcuts="K" onClick={playPause} />
        <IconButton icon="next" label={i18n.t('speech.next')} aria-keyshortcuts="L" onClick={() => q?.next()} />
      </div>
      <label class="speech-field">
        <span>{i18n.t('speech.speed')}</span>
        <select value={String(speech.rate)} aria-keyshortcuts="< >" onChange={(e) => setRate(Number(e.currentTarget.value))}>
          {RATES.map((r) => <option key={r} value={String(r)}>{`${r.toLocaleString(navigator.language)}×`}</option>)}
        </select>
      </label>
      <label class="speech-field">
        <span>{i18n.t('speech.voice')}</span>
        <select value={narrator.voiceURI} onChange={(e) => onSpeech({ ...speech, voices: { ...speech.voices, [primary]: e.currentTarget.value } })}>
          {voices.map((v) => <option key={v.voiceURI} value={v.voiceURI}>{v.name}</option>)}
        </select>
      </label>
      {canCast && (
        <label class="speech-check">
          <input type="checkbox" checked={speech.speakerVoices} onChange={(e) => onSpeech({ ...speech, speakerVoices: e.currentTarget.checked })} />
          <span>{i18n.t('speech.speakerVoices')}</span>
        </label>
      )}
      <span class="speech-progress">
        {state.status === 'ended' ? i18n.t('speech.finished') : index >= 0 ? i18n.t('speech.progress', [String(index + 1), String(plan.length)]) : ''}
      </span>
      {state.error && <span class="speech-error" role="alert">{i18n.t('speech.failed', [state.error])}</span>}
      <IconButton extraClass="speech-close" icon="close" label={i18n.t('speech.close')} onClick={onClose} />
    </section>
  );
}
