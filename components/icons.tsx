/** The toolbar's few line icons (24-unit grid, drawn with currentColor). */
const PATHS = {
  type: 'M4 19 9.5 5h1L16 19M6.2 14h7.6M15 19l3-8h.8l3 8m-6-2.6h5.3',
  copy: 'M8 8h11v13H8zM5 16H4V3h11v1',
  library: 'M5 3h5v18H5zM10 3h4v18h-4M15 4.5l4-1 3 17-4 1z',
  clean: 'M4 4h16v16H4zM8 8h8M8 12h8M8 16h5',
};

export function Icon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round" stroke-linecap="round" aria-hidden="true">
      <path d={PATHS[name]} />
    </svg>
  );
}
