/**
 * The bar's reading-settings button and whether its panel is open. Escape closes the panel and
 * gives focus back to the button; with the panel closed, Escape goes to `onEscape` (the clean
 * view closes itself), if given.
 */
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { IconButton } from './icons';

export const SETTINGS_PANEL_ID = 'settings';

export function useSettingsToggle(onEscape?: () => void): { open: boolean; button: JSX.Element } {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLButtonElement>(null);
  // One listener, added once, reading the current state (a listener re-added after each render
  // would miss a key pressed between a paint and the effect).
  const current = useRef({ open, onEscape });
  current.current = { open, onEscape };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const { open, onEscape } = current.current;
      if (event.key !== 'Escape' || event.defaultPrevented || (!open && !onEscape)) return;
      event.preventDefault();
      if (open) {
        setOpen(false);
        ref.current?.focus();
      } else onEscape?.();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);
  const button = (
    <IconButton buttonRef={ref} icon="type" label={i18n.t('bar.settings')} aria-expanded={open} aria-controls={SETTINGS_PANEL_ID} onClick={() => setOpen(!open)} />
  );
  return { open, button };
}
