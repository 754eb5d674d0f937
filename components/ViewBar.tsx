/**
 * The bar every reading view starts with (popup, clean view, side panel): the name, the view's
 * own leading notes, read aloud and the settings button, then the view's own controls; the
 * settings and read-aloud panels open under it.
 */
import type { ComponentChildren, ComponentType, JSX } from 'preact';
import { i18n } from '#i18n';
import type { ReadingSettings } from '../platform/settings';
import type { SettingsPanelProps } from './SettingsPanel';
import { SETTINGS_PANEL_ID } from './SettingsToggle';

export interface ViewBarProps {
  settingsToggle: { open: boolean; button: JSX.Element };
  readAloud: { button: JSX.Element | null; panel: JSX.Element | null };
  /** The settings panel's component; null while its code is still loading (the popup loads it after paint). */
  SettingsPanel: ComponentType<SettingsPanelProps> | null;
  settings: ReadingSettings;
  onSettings: (next: ReadingSettings) => void;
  /** Shown before read aloud and settings (the clean view's auto-open note and switch). */
  lead?: ComponentChildren;
  /** The view's own buttons, after settings. */
  children?: ComponentChildren;
}

export function ViewBar({ settingsToggle, readAloud, SettingsPanel, settings, onSettings, lead, children }: ViewBarProps) {
  return (
    <>
      <header class="bar ui">
        <span class="brand">{i18n.t('extName')}</span>
        {lead}
        {readAloud.button}
        {settingsToggle.button}
        {children}
      </header>
      {settingsToggle.open && SettingsPanel && <SettingsPanel id={SETTINGS_PANEL_ID} settings={settings} onChange={onSettings} />}
      {readAloud.panel}
    </>
  );
}

