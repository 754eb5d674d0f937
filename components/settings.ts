/**
 * Reading settings as they reach the page: attributes and custom properties on a root element
 * (themes live in reader.css), plus a local copy so that the next page paints in the right
 * theme before storage answers.
 */
import * as v from 'valibot';
import { DEFAULT_SETTINGS, SettingsSchema, type ReadingSettings } from '../platform/settings';

const CACHE_KEY = 'lucid:settings';

export function applySettings(root: HTMLElement, settings: ReadingSettings): void {
  root.dataset.theme = settings.theme;
  root.dataset.font = settings.font;
  root.dataset.width = settings.width;
  root.style.setProperty('--text-size', `${settings.fontSize}px`);
}

/** The settings last seen by this extension page (or the defaults). Synchronous, for first paint. */
export function cachedSettings(): ReadingSettings {
  try {
    const parsed = v.safeParse(SettingsSchema, JSON.parse(localStorage.getItem(CACHE_KEY) ?? 'null'));
    return parsed.success ? parsed.output : DEFAULT_SETTINGS;
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export function cacheSettings(settings: ReadingSettings): void {
  try {
    localStorage.setItem(CACHE_KEY, JSON.stringify(settings));
  } catch {
    // Storage refused (private mode, quota): the next page paints with the defaults first.
  }
}
