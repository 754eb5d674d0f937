/** One language's rules, loaded on demand: its own chunk in the extension's build. */
import type { LangCode } from './stopwords';
import type { LangData } from './types';

const LOADERS: Record<LangCode, () => Promise<LangData>> = {
  en: () => import('./en').then((m) => m.en),
  fr: () => import('./fr').then((m) => m.fr),
  de: () => import('./de').then((m) => m.de),
  es: () => import('./es').then((m) => m.es),
};

export const loadRules = (code: LangCode): Promise<LangData> => LOADERS[code]();
