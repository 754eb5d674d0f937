/**
 * Reading settings: theme, text size, font, line width, and (behind "Spacing and more") line,
 * letter, word and paragraph spacing, alignment, links and images. Native controls, so
 * keyboards just work.
 */
import { i18n } from '#i18n';
import type { ReadingSettings } from '../platform/settings';
import type { PlainKey } from './i18n';

type ChoiceKey = 'theme' | 'font' | 'width' | 'align' | 'links';
type SliderKey = 'fontSize' | 'lineHeight' | 'letterSpacing' | 'wordSpacing' | 'paragraphSpacing';

interface Common {
  settings: ReadingSettings;
  onChange: (next: ReadingSettings) => void;
}

interface ChoiceProps<K extends ChoiceKey> extends Common {
  name: K;
  legend: PlainKey;
  options: [ReadingSettings[K], PlainKey][];
}

/** A row of radio buttons drawn as a segmented control. */
function Choice<K extends ChoiceKey>({ name, legend, options, settings, onChange }: ChoiceProps<K>) {
  const labelId = `setting-${name}`;
  return (
    <div class="choice" role="radiogroup" aria-labelledby={labelId}>
      <span id={labelId} class="setting-label">{i18n.t(legend)}</span>
      <div class="segments">
        {options.map(([value, label]) => (
          <label key={value}>
            <input
              type="radio"
              name={name}
              value={value}
              checked={settings[name] === value}
              onChange={() => onChange({ ...settings, [name]: value })}
            />
            <span>{i18n.t(label)}</span>
          </label>
        ))}
      </div>
    </div>
  );
}

interface SliderProps extends Common {
  name: SliderKey;
  label: PlainKey;
  min: number;
  max: number;
  step: number;
  /** The value as read out and shown beside the slider. */
  format: (value: number) => string;
}

function Slider({ name, label, min, max, step, format, settings, onChange }: SliderProps) {
  const id = `setting-${name}`;
  const value = settings[name];
  return (
    <div class="size">
      <label for={id} class="setting-label">{i18n.t(label)}</label>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        aria-valuetext={format(value)}
        onInput={(e) => onChange({ ...settings, [name]: onStep(Number(e.currentTarget.value), step) })}
      />
      <output for={id}>{format(value)}</output>
    </div>
  );
}

/** `value` on the slider's grid, without float noise (1.7, not 1.7000000000000002). */
function onStep(value: number, step: number): number {
  return Number((Math.round(value / step) * step).toFixed(4));
}

const fixed = (digits: number) => (value: number) => value.toFixed(digits);

export interface SettingsPanelProps extends Common {
  id?: string;
}

export function SettingsPanel({ id, settings, onChange }: SettingsPanelProps) {
  const common = { settings, onChange };
  return (
    <section id={id} class="settings ui" aria-labelledby="settings-title">
      <h2 id="settings-title" class="visually-hidden">{i18n.t('settings.title')}</h2>
      <Choice
        name="theme"
        legend="settings.theme"
        options={[
          ['system', 'settings.themeSystem'],
          ['light', 'settings.themeLight'],
          ['dark', 'settings.themeDark'],
          ['sepia', 'settings.themeSepia'],
          ['contrast', 'reading.themeContrast'],
        ]}
        {...common}
      />
      <Slider name="fontSize" label="settings.fontSize" min={12} max={28} step={1} format={(n) => `${n} px`} {...common} />
      <Choice
        name="font"
        legend="settings.font"
        options={[['serif', 'settings.fontSerif'], ['sans', 'settings.fontSans'], ['atkinson', 'reading.fontAtkinson'], ['dyslexic', 'reading.fontDyslexic']]}
        {...common}
      />
      <Choice
        name="width"
        legend="settings.width"
        options={[['narrow', 'settings.widthNarrow'], ['medium', 'settings.widthMedium'], ['wide', 'settings.widthWide']]}
        {...common}
      />
      <details class="more">
        <summary>{i18n.t('reading.more')}</summary>
        <div class="more-body">
          <Slider name="lineHeight" label="reading.lineHeight" min={1.2} max={2.4} step={0.1} format={fixed(1)} {...common} />
          <Slider name="letterSpacing" label="reading.letterSpacing" min={0} max={0.12} step={0.01} format={fixed(2)} {...common} />
          <Slider name="wordSpacing" label="reading.wordSpacing" min={0} max={0.4} step={0.05} format={fixed(2)} {...common} />
          <Slider name="paragraphSpacing" label="reading.paragraphSpacing" min={0.5} max={2.5} step={0.25} format={fixed(2)} {...common} />
          <Choice name="align" legend="reading.align" options={[['start', 'reading.alignStart'], ['justify', 'reading.alignJustify']]} {...common} />
          <Choice name="links" legend="reading.links" options={[['shown', 'reading.linksShown'], ['plain', 'reading.linksPlain']]} {...common} />
          <label class="check">
            <input type="checkbox" checked={settings.images} onChange={(e) => onChange({ ...settings, images: e.currentTarget.checked })} />
            <span>{i18n.t('reading.images')}</span>
          </label>
        </div>
      </details>
    </section>
  );
}
