/** The reader's theme (and font settings) on the library page, live from storage. */
import { useLayoutEffect } from 'preact/hooks';
import { DEFAULT_SETTINGS, settingsItem } from '../../platform/settings';
import { applySettings, cachedSettings } from '../settings';

export function useTheme(): void {
  useLayoutEffect(() => {
    const root = document.documentElement;
    applySettings(root, cachedSettings()); // first paint, before storage answers
    let live = true;
    void settingsItem.getValue().then((settings) => live && applySettings(root, settings));
    const unwatch = settingsItem.watch((settings) => applySettings(root, settings ?? DEFAULT_SETTINGS));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
}
