/**
 * Reading settings as they reach the page: attributes and custom properties on a root element
 * (themes live in reader.css), plus a local copy so that the next page paints in the right
 * theme before storage answers.
 */
import { readSettings, type ReadingSettings } from '../platform/settings';
import { loadFont } from './fonts';

const CACHE_KEY = 'lucid:settings';

/** Applies settings (stored ones too, of any version: missing fields take their defaults). */
export function applySettings(root: HTMLElement, stored: ReadingSettings): void {
  const settings = readSettings(stored);
  root.dataset.theme = settings.theme;
  root.dataset.font = settings.font;
  root.dataset.width = settings.width;
  root.dataset.align = settings.align;
  root.dataset.links = settings.links;
  root.dataset.images = settings.images ? 'shown' : 'hidden';
  root.style.setProperty('--text-size', `${settings.fontSize}px`);
  root.style.setProperty('--line-height', String(settings.lineHeight));
  root.style.setProperty('--letter-spacing', `${settings.letterSpacing}em`);
  root.style.setProperty('--word-spacing', `${settings.wordSpacing}em`);
  root.style.setProperty('--paragraph-spacing', `${settings.paragraphSpacing}em`);
  void loadFont(settings.font);
}

/** The settings last seen by this extension page (or the defaults). Synchronous, for first paint. */
export function cachedSettings(): ReadingSettings {
  try {
    return readSettings(JSON.parse(localStorage.getItem(CACHE_KEY) ?? 'null'));
  } catch {
    return readSettings(null);
  }
}

export function cacheSettings(settings: ReadingSettings): void {
  try {
    localStorage.setItem(CACHE_KEY, JSON.stringify(settings));
  } catch {
    // Storage refused (private mode, quota): the next page paints with the defaults first.
  }
}
