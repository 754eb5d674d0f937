/** A recording stand-in for `speechSynthesis`: tests say when the voice reaches a word or ends. */
import type { SynthLike, UtteranceLike } from '../../components/speech/queue';

export class FakeUtterance implements UtteranceLike<string> {
  lang = '';
  voice: string | null = null;
  rate = 1;
  pitch = 1;
  onboundary: UtteranceLike['onboundary'] = null;
  onend: UtteranceLike['onend'] = null;
  onerror: UtteranceLike['onerror'] = null;
  constructor(public text: string) {}
}

export class FakeSynth implements SynthLike<string> {
  spoken: FakeUtterance[] = [];
  queue: FakeUtterance[] = [];
  cancels = 0;

  speak(u: FakeUtterance): void {
    this.spoken.push(u);
    this.queue.push(u);
  }

  /** Like browsers: cancelling fires `error: interrupted` on what was speaking. */
  cancel(): void {
    this.cancels++;
    const dropped = this.queue;
    this.queue = [];
    for (const u of dropped) u.onerror?.({ error: 'interrupted' });
  }

  get current(): FakeUtterance | undefined {
    return this.queue[0];
  }

  /** The voice reaches the word starting at `charIndex` of the current utterance (no length: some engines send none). */
  word(charIndex: number, charLength?: number): void {
    this.current!.onboundary?.({ name: 'word', charIndex, charLength });
  }

  /** The current utterance ends. */
  end(): void {
    const u = this.queue.shift()!;
    u.onend?.();
  }

  /** Ends utterances until nothing is left (bounded). */
  endAll(limit = 1000): void {
    for (let i = 0; i < limit && this.queue.length; i++) this.end();
  }
}
