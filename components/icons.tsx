/** The toolbar's few line icons (24-unit grid, drawn with currentColor), and the icon buttons that show them. */
import type { JSX, Ref } from 'preact';

const PATHS = {
  type: 'M4 19 9.5 5h1L16 19M6.2 14h7.6M15 19l3-8h.8l3 8m-6-2.6h5.3',
  copy: 'M8 8h11v13H8zM5 16H4V3h11v1',
  library: 'M5 3h5v18H5zM10 3h4v18h-4M15 4.5l4-1 3 17-4 1z',
  clean: 'M4 4h16v16H4zM8 8h8M8 12h8M8 16h5',
  // Read aloud and the side panel.
  speak: 'M4 9h4l5-4v14l-5-4H4zM16.5 8.5a5 5 0 0 1 0 7M19 6a8.5 8.5 0 0 1 0 12',
  play: 'M7 4.5v15L19.5 12z',
  pause: 'M7 5h3.5v14H7zM13.5 5H17v14h-3.5z',
  previous: 'M6 5v14M18 5 8.5 12 18 19z',
  next: 'M18 5v14M6 5l9.5 7L6 19z',
  close: 'M6 6l12 12M18 6 6 18',
  panel: 'M3 4h18v16H3zM15 4v16',
};

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round" stroke-linecap="round" aria-hidden="true">
      <path d={PATHS[name]} />
    </svg>
  );
}

type ButtonAttributes = Omit<JSX.ButtonHTMLAttributes<HTMLButtonElement>, 'icon' | 'label' | 'ref' | 'type' | 'class' | 'title'>;

/** A bar button that shows only an icon: its label is both its accessible name and its tooltip. */
export function IconButton({ icon, label, buttonRef, extraClass, ...rest }: ButtonAttributes & { icon: IconName; label: string; buttonRef?: Ref<HTMLButtonElement>; extraClass?: string }) {
  return (
    <button ref={buttonRef} type="button" class={extraClass ? `icon ${extraClass}` : 'icon'} aria-label={label} title={label} {...rest}>
      <Icon name={icon} />
    </button>
  );
}
