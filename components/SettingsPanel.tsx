/** Reading settings: theme, text size, font, line width. Native controls, so keyboards just work. */
import { i18n } from '#i18n';
import type { ReadingSettings } from '../platform/settings';
import type { PlainKey } from './i18n';


interface ChoiceProps<K extends 'theme' | 'font' | 'width'> {
  name: K;
  legend: PlainKey;
  options: [ReadingSettings[K], PlainKey][];
  settings: ReadingSettings;
  onChange: (next: ReadingSettings) => void;
}

/** A row of radio buttons drawn as a segmented control. */
function Choice<K extends 'theme' | 'font' | 'width'>({ name, legend, options, settings, onChange }: ChoiceProps<K>) {
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

export interface SettingsPanelProps {
  id?: string;
  settings: ReadingSettings;
  onChange: (next: ReadingSettings) => void;
}

export function SettingsPanel({ id, settings, onChange }: SettingsPanelProps) {
  const common = { settings, onChange };
  return (
    <section id={id} class="settings ui" aria-labelledby="settings-title">
      <h2 id="settings-title" class="visually-hidden">{i18n.t('settings.title')}</h2>
      <Choice
        name="theme"
        legend="settings.theme"
        options={[['system', 'settings.themeSystem'], ['light', 'settings.themeLight'], ['dark', 'settings.themeDark'], ['sepia', 'settings.themeSepia']]}
        {...common}
      />
      <div class="size">
        <label for="text-size" class="setting-label">{i18n.t('settings.fontSize')}</label>
        <input
          id="text-size"
          type="range"
          min={12}
          max={28}
          step={1}
          value={settings.fontSize}
          aria-valuetext={`${settings.fontSize} px`}
          onInput={(e) => onChange({ ...settings, fontSize: Number(e.currentTarget.value) })}
        />
        <output for="text-size">{settings.fontSize}</output>
      </div>
      <Choice name="font" legend="settings.font" options={[['serif', 'settings.fontSerif'], ['sans', 'settings.fontSans']]} {...common} />
      <Choice
        name="width"
        legend="settings.width"
        options={[['narrow', 'settings.widthNarrow'], ['medium', 'settings.widthMedium'], ['wide', 'settings.widthWide']]}
        {...common}
      />
    </section>
  );
}
