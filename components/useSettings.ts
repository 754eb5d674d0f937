/**
 * The reading settings, live: read from storage and watched, applied to the document root,
 * saved through the background (the single writer). Changes show at once; the save waits for
 * a pause, so that dragging the size slider sends one message, not twenty.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { send } from '../platform/send';
import { readSettings, settingsItem, type ReadingSettings } from '../platform/settings';
import { applySettings, cacheSettings, cachedSettings } from './settings';

const SAVE_DELAY_MS = 200;

export function useSettings(onSaveError: (message: string) => void): [ReadingSettings, (next: ReadingSettings) => void] {
  const [settings, setSettings] = useState(cachedSettings);

  useEffect(() => {
    let live = true;
    void settingsItem.getValue().then((stored) => live && setSettings(readSettings(stored)));
    const unwatch = settingsItem.watch((stored) => setSettings(readSettings(stored)));
    return () => {
      live = false;
      unwatch();
    };
  }, []);

  useLayoutEffect(() => {
    applySettings(document.documentElement, settings);
    cacheSettings(settings);
  }, [settings]);

  const timer = useRef<ReturnType<typeof setTimeout>>();
  const save = (next: ReadingSettings) => {
    setSettings(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      send({ type: 'settings:set', settings: next }).catch((err: unknown) => onSaveError(err instanceof Error ? err.message : String(err)));
    }, SAVE_DELAY_MS);
  };
  return [settings, save];
}
