/** "Who is quoted": each person or body with role and number of quotes; choosing one marks their quotes. */
import { i18n } from '#i18n';
import type { SpeakerSummary } from './quotes';

interface SpeakerListProps {
  speakers: SpeakerSummary[];
  selected: string | null;
  onSelect: (name: string | null) => void;
}

function SpeakerList({ speakers, selected, onSelect }: SpeakerListProps) {
  return (
    <ul class="speaker-list">
      {speakers.map((s) => (
        <li key={s.name}>
          <button type="button" class="speaker" aria-pressed={s.name === selected} onClick={() => onSelect(s.name === selected ? null : s.name)}>
            <span class="speaker-line">
              <span class="speaker-name" data-testid="speaker-name">{s.name}</span>{' '}
              <span class="speaker-count">
                {[s.sure && i18n.t('speakers.quotes', s.sure), s.unsure && i18n.t('speakers.uncertain', s.unsure)].filter(Boolean).join(', ')}
              </span>
            </span>
            {s.role && <span class="speaker-role">{s.role}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}

export const SPEAKERS_PANEL_ID = 'speakers';

/**
 * "Who is quoted" as one line in the reader's tools row: the number of people and bodies
 * quoted, opening the panel below on demand. The line is in the row from the first paint, so
 * the speakers, found a moment after the text, never push the text down.
 */
export function SpeakersToggle({ count, open, onToggle }: { count: number; open: boolean; onToggle: () => void }) {
  if (!count) return null;
  return (
    <button type="button" class="quiet speakers-toggle" aria-expanded={open} aria-controls={SPEAKERS_PANEL_ID} onClick={onToggle}>
      {i18n.t('reading.speakersToggle', count)}
    </button>
  );
}

export interface SpeakersPanelProps extends Omit<SpeakerListProps, 'speakers'> {
  sure: SpeakerSummary[];
  unsure: SpeakerSummary[];
  bodies: SpeakerSummary[];
}

/** The people surely attributed first, then organisations and uncertain ones under their own titles. */
export function SpeakersPanel({ sure, unsure, bodies, selected, onSelect }: SpeakersPanelProps) {
  if (!sure.length && !unsure.length && !bodies.length) return null;
  const list = (speakers: SpeakerSummary[]) => <SpeakerList speakers={speakers} selected={selected} onSelect={onSelect} />;
  return (
    <section id={SPEAKERS_PANEL_ID} class="speakers" aria-labelledby="speakers-title">
      <h2 id="speakers-title" class="visually-hidden">{i18n.t('speakers.title')}</h2>
      {sure.length > 0 && list(sure)}
      {bodies.length > 0 && <h3 class="panel-subtitle">{i18n.t('speakers.bodiesTitle')}</h3>}
      {bodies.length > 0 && list(bodies)}
      {unsure.length > 0 && <h3 class="panel-subtitle">{i18n.t('speakers.uncertainTitle')}</h3>}
      {unsure.length > 0 && list(unsure)}
    </section>
  );
}

export interface QuoteStepperProps {
  index: number;
  total: number;
  onStep: (index: number) => void;
  onClose: () => void;
}

/** Steps through the chosen speaker's quotes (round and round); stays in view below the text. */
export function QuoteStepper({ index, total, onStep, onClose }: QuoteStepperProps) {
  return (
    <div class="stepper ui" role="group" aria-label={i18n.t('speakers.title')}>
      <button type="button" class="icon" aria-label={i18n.t('speakers.previous')} onClick={() => onStep((index + total - 1) % total)}>
        <span aria-hidden="true">‹</span>
      </button>
      <span class="stepper-count" aria-live="polite">{i18n.t('speakers.step', [String(index + 1), String(total)])}</span>
      <button type="button" class="icon" aria-label={i18n.t('speakers.next')} onClick={() => onStep((index + 1) % total)}>
        <span aria-hidden="true">›</span>
      </button>
      <button type="button" class="quiet" onClick={onClose}>{i18n.t('speakers.clear')}</button>
    </div>
  );
}
