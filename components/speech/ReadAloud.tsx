/**
 * Read aloud in a view: `useReadAloud` gives the bar's button and the controls' place. Nothing
 * of it is on the way to the first paint: the button (ReadAloudButton) loads just after the
 * article is on screen, like the highlights, and the speech code only when the reader presses it.
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ReadingSettings } from '../../platform/settings';
import type { Article } from '../../utils/types';

export interface ReadAloudOptions {
  article: Article | null;
  settings: ReadingSettings;
  onSettings: (next: ReadingSettings) => void;
}

type ButtonModule = typeof import('./ReadAloudButton');

export function useReadAloud(opts: ReadAloudOptions): { button: JSX.Element | null; panel: JSX.Element | null } {
  const [ui, setUi] = useState<ButtonModule | null>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    let live = true;
    requestAnimationFrame(() => setTimeout(() => void import('./ReadAloudButton').then((m) => live && setUi(m))));
    return () => {
      live = false;
    };
  }, []);
  if (!ui || !opts.article) return { button: null, panel: null };
  return {
    button: <ui.ReadAloudButton {...opts} open={open} onToggle={setOpen} />,
    panel: open ? <ui.ReadAloudControls {...opts} onToggle={setOpen} /> : null,
  };
}
