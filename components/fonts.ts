/**
 * The bundled reading faces (from @fontsource), fetched the first time a view uses them: their
 * CSS and font files stay out of the bundles a view loads before it paints. The system stacks
 * (serif, sans) need nothing.
 */
import type { FontChoice } from '../platform/settings';

const LOADERS: Partial<Record<FontChoice, () => Promise<unknown>>> = {
  atkinson: () =>
    Promise.all([
      import('@fontsource/atkinson-hyperlegible/400.css'),
      import('@fontsource/atkinson-hyperlegible/400-italic.css'),
      import('@fontsource/atkinson-hyperlegible/700.css'),
    ]),
  dyslexic: () =>
    Promise.all([
      import('@fontsource/opendyslexic/400.css'),
      import('@fontsource/opendyslexic/400-italic.css'),
      import('@fontsource/opendyslexic/700.css'),
    ]),
};

const loading = new Map<FontChoice, Promise<unknown>>();

/** Loads `font`'s faces once per page; a face that fails to load leaves the fallback stack in place. */
export function loadFont(font: FontChoice): Promise<unknown> {
  const load = LOADERS[font];
  if (!load) return Promise.resolve();
  let pending = loading.get(font);
  if (!pending) {
    pending = load().catch((err: unknown) => {
      loading.delete(font);
      console.warn(`Lucid Reader: the ${font} face did not load`, err);
    });
    loading.set(font, pending);
  }
  return pending;
}
