/**
 * The read-aloud queue: one chunk spoken at a time (see plan.ts), the next one on its `end`.
 * It knows nothing of the DOM: it drives anything shaped like `speechSynthesis` and reports
 * where it is (paragraph, sentence, word) to `onChange`.
 *
 * Pause cancels the utterance and keeps the place (the last word the voice announced):
 * `speechSynthesis.pause()` is unreliable (Chrome's network voices end a paused utterance
 * after a while, some engines ignore it), and a chunk is short, so resuming speaks the rest
 * of the chunk from that word. Every utterance carries a generation number: the `end` and
 * `error` events that a cancelled utterance still fires are ignored.
 */
import type { Chunk, Paragraph } from './plan';
import { wordAt, type Span } from './text';

/** The fields of SpeechSynthesisUtterance the queue sets and listens to. */
export interface UtteranceLike<V = unknown> {
  text: string;
  lang: string;
  voice: V | null;
  rate: number;
  pitch: number;
  onboundary: ((event: { name: string; charIndex: number; charLength?: number }) => void) | null;
  onend: (() => void) | null;
  onerror: ((event: { error: string }) => void) | null;
}

/** The part of `speechSynthesis` the queue uses. */
export interface SynthLike<V = unknown> {
  speak(utterance: UtteranceLike<V>): void;
  cancel(): void;
}

export type QueueStatus = 'stopped' | 'playing' | 'paused' | 'ended';

export interface QueueState {
  status: QueueStatus;
  /** Index of the paragraph in the plan. */
  paragraph: number;
  blockId: string | null;
  /** Offsets in the block's text: the sentence spoken, and the word where the voice says it. */
  sentence: Span | null;
  word: Span | null;
  /** Why speech stopped, when the engine said so. */
  error?: string;
}

export interface QueueOptions<V> {
  synth: SynthLike<V>;
  /** Makes an utterance (`text => new SpeechSynthesisUtterance(text)` in a browser). */
  utter: (text: string) => UtteranceLike<V>;
  /** The voice and pitch of a chunk (the narrator's, or its speaker's). */
  voiceOf: (chunk: Chunk) => { voice: V | null; pitch: number };
  lang: string;
  rate: number;
  onChange: (state: QueueState) => void;
}

/** Errors that mean "cancelled", not "broken". */
const CANCELLED = new Set(['interrupted', 'canceled']);

export class SpeechQueue<V = unknown> {
  private paragraphs: readonly Paragraph[] = [];
  private paragraph = 0;
  private chunk = 0;
  /** Where in the current chunk to resume (offset in the block's text). */
  private from: number | null = null;
  private word: Span | null = null;
  private status: QueueStatus = 'stopped';
  private error: string | undefined;
  private generation = 0;
  /** The utterance speaking, kept referenced: Chrome stops sending events for a collected one. */
  private readonly speaking = new Set<UtteranceLike<V>>();

  constructor(private readonly opts: QueueOptions<V>) {}

  get state(): QueueState {
    const p = this.paragraphs[this.paragraph];
    const c = p?.chunks[this.chunk];
    const active = this.status === 'playing' || this.status === 'paused';
    return {
      status: this.status,
      paragraph: this.paragraph,
      blockId: p?.blockId ?? null,
      sentence: active && c ? c.sentence : null,
      word: active ? this.word : null,
      ...(this.error ? { error: this.error } : {}),
    };
  }

  /** Sets what to read; the place is kept on the same block and offset when it is still there. */
  load(paragraphs: readonly Paragraph[]): void {
    const place = this.place();
    this.paragraphs = paragraphs;
    const index = place ? paragraphs.findIndex((p) => p.blockId === place.blockId) : -1;
    if (index < 0) {
      this.paragraph = Math.min(this.paragraph, Math.max(0, paragraphs.length - 1));
      this.chunk = 0;
      this.from = null;
    } else {
      this.paragraph = index;
      const chunks = paragraphs[index]!.chunks;
      const at = Math.max(0, chunks.findIndex((c) => c.end > place!.offset));
      this.chunk = at;
      this.from = chunks[at] && place!.offset > chunks[at].start ? place!.offset : null;
    }
    if (this.status === 'playing') this.speakCurrent();
    else this.emit();
  }

  /** Starts reading at paragraph `index` (or where it is). */
  play(index = this.paragraph): void {
    if (!this.paragraphs.length) return;
    this.moveTo(index);
    this.status = 'playing';
    this.error = undefined;
    this.speakCurrent();
  }

  pause(): void {
    if (this.status !== 'playing') return;
    this.status = 'paused';
    this.from = this.word?.start ?? this.from;
    this.silence();
    this.emit();
  }

  resume(): void {
    if (this.status === 'paused') {
      this.status = 'playing';
      this.speakCurrent();
    } else if (this.status !== 'playing') this.play(this.status === 'ended' ? 0 : this.paragraph);
  }

  toggle(): void {
    if (this.status === 'playing') this.pause();
    else this.resume();
  }

  next(): void {
    this.jump(this.paragraph + 1);
  }

  previous(): void {
    this.jump(this.paragraph - 1);
  }

  /** A new rate or voices: the current chunk starts again from its last word. */
  configure(change: Partial<Pick<QueueOptions<V>, 'rate' | 'voiceOf'>>): void {
    Object.assign(this.opts, change);
    if (this.status === 'playing') {
      this.from = this.word?.start ?? this.from;
      this.speakCurrent();
    }
  }

  /** Stops speaking and forgets the marks (the view closed, or the reader stopped). */
  stop(): void {
    this.silence();
    this.status = 'stopped';
    this.word = null;
    this.emit();
  }

  private place(): { blockId: string; offset: number } | null {
    const p = this.paragraphs[this.paragraph];
    const c = p?.chunks[this.chunk];
    return p && c ? { blockId: p.blockId, offset: this.word?.start ?? this.from ?? c.start } : null;
  }

  private jump(index: number): void {
    if (!this.paragraphs.length) return;
    this.moveTo(index);
    if (this.status === 'playing') this.speakCurrent();
    else {
      if (this.status === 'ended') this.status = 'paused';
      this.emit();
    }
  }

  private moveTo(index: number): void {
    this.paragraph = Math.max(0, Math.min(index, this.paragraphs.length - 1));
    this.chunk = 0;
    this.from = null;
    this.word = null;
  }

  private silence(): void {
    this.generation++;
    this.speaking.clear();
    this.opts.synth.cancel();
  }

  private speakCurrent(): void {
    this.silence();
    const chunk = this.paragraphs[this.paragraph]?.chunks[this.chunk];
    if (!chunk) return this.finish();
    const { text } = this.paragraphs[this.paragraph]!;
    const start = this.from !== null && this.from > chunk.start && this.from < chunk.end ? this.from : chunk.start;
    const said = text.slice(start, chunk.end);
    const { voice, pitch } = this.opts.voiceOf(chunk);
    const u = this.opts.utter(said);
    u.lang = this.opts.lang;
    u.voice = voice;
    u.rate = this.opts.rate;
    u.pitch = pitch;
    const generation = this.generation;
    const live = () => generation === this.generation;
    u.onboundary = (event) => {
      if (!live() || event.name !== 'word') return;
      const length = event.charLength || wordAt(said, event.charIndex).end - event.charIndex;
      this.word = { start: start + event.charIndex, end: Math.min(chunk.end, start + event.charIndex + length) };
      this.emit();
    };
    u.onend = () => live() && this.advance();
    u.onerror = (event) => {
      if (!live()) return;
      if (CANCELLED.has(event.error)) {
        // Another page or the system took the voice: keep the place, as a pause would.
        this.status = 'paused';
        this.from = this.word?.start ?? this.from;
      } else {
        this.status = 'stopped';
        this.error = event.error;
      }
      this.speaking.clear();
      this.emit();
    };
    this.speaking.add(u);
    this.word = null;
    this.emit();
    this.opts.synth.speak(u);
  }

  private advance(): void {
    this.from = null;
    this.word = null;
    const p = this.paragraphs[this.paragraph]!;
    if (this.chunk + 1 < p.chunks.length) this.chunk++;
    else if (this.paragraph + 1 < this.paragraphs.length) {
      this.paragraph++;
      this.chunk = 0;
    } else return this.finish();
    this.speakCurrent();
  }

  private finish(): void {
    this.speaking.clear();
    this.status = 'ended';
    this.word = null;
    this.emit();
  }

  private emit(): void {
    this.opts.onChange(this.state);
  }
}
