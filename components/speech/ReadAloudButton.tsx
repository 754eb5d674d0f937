/**
 * The read-aloud button for a view's bar (loaded just after the article paints, see
 * ReadAloud.tsx): shown when the system has a voice for the article's language, else a short
 * note saying it has none. The controls and the speech code (ReadAloudPanel) load on the first press.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { watchVoices, type Voice } from '../../platform/speech';
import { DEFAULT_SPEECH } from '../../platform/speech-settings';
import { IconButton } from '../icons';
import type { ReadAloudOptions } from './ReadAloud';
import { primaryLang, voicesFor } from './voices';
import './speech.css';

export const READ_ALOUD_ID = 'read-aloud';
const BUTTON_ID = 'read-aloud-button';

type PanelModule = typeof import('./ReadAloudPanel');

/** The language's name in the interface's language ("French"), or its tag. */
function languageName(lang: string): string {
  try {
    return new Intl.DisplayNames([navigator.language], { type: 'language' }).of(primaryLang(lang)) ?? lang;
  } catch {
    return lang;
  }
}

/** The system's voices for `lang`: null until known. */
function useVoicesFor(lang: string): Voice[] | null {
  const [voices, setVoices] = useState<Voice[] | null>(null);
  useEffect(() => watchVoices(setVoices), []);
  return useMemo(() => (voices ? voicesFor(voices, lang) : null), [voices, lang]);
}

/** An article without a language is read in the interface's. */
const langOf = (opts: ReadAloudOptions) => opts.article?.lang || navigator.language;

export interface ToggleProps {
  open: boolean;
  onToggle: (open: boolean) => void;
}

export function ReadAloudButton({ open, onToggle, ...opts }: ReadAloudOptions & ToggleProps) {
  const lang = langOf(opts);
  const voices = useVoicesFor(lang);
  if (!voices) return null;
  if (!voices.length) {
    const name = languageName(lang);
    return <span class="speech-none" role="note" title={i18n.t('speech.noVoiceTitle', [name])}>{i18n.t('speech.noVoice', [name])}</span>;
  }
  return (
    <IconButton id={BUTTON_ID} icon="speak" label={i18n.t('speech.readAloud')} aria-expanded={open} aria-controls={open ? READ_ALOUD_ID : undefined} onClick={() => onToggle(!open)} />
  );
}

/** The controls, once opened: loads them, then shows them for the article's voices. */
export function ReadAloudControls({ onToggle, ...opts }: ReadAloudOptions & Pick<ToggleProps, 'onToggle'>) {
  const [panel, setPanel] = useState<PanelModule | null>(null);
  useEffect(() => void import('./ReadAloudPanel').then(setPanel), []);
  const lang = langOf(opts);
  const voices = useVoicesFor(lang);
  const { article, settings, onSettings } = opts;
  if (!panel || !article || !voices?.length) return null;
  const close = () => {
    onToggle(false);
    document.getElementById(BUTTON_ID)?.focus();
  };
  return (
    <panel.ReadAloudPanel
      id={READ_ALOUD_ID}
      article={article}
      lang={lang}
      voices={voices}
      speech={settings.speech ?? DEFAULT_SPEECH}
      onSpeech={(next) => onSettings({ ...settings, speech: next })}
      onClose={close}
    />
  );
}
