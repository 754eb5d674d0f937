/** Every language's rules, loaded at once: for Node (the CLI, tests, evals), where size does not matter. */
import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import type { LangCode } from './stopwords';
import type { LangData } from './types';

export const RULES: Record<LangCode, LangData> = { en, fr, de, es };
