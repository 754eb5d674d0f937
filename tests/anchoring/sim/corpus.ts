import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { articleFromBody, type EvalArticle } from './harness';

/** The shared data directory: ../shared beside the project (as in CI). */
export const GROUND_TRUTH = resolve(process.cwd(), '../shared/corpus/zyte/ground-truth.json');

/** The Zyte benchmark's ground-truth article texts, or null when the shared data is absent. */
export function loadZyteArticles(path = GROUND_TRUTH): EvalArticle[] | null {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  const entries = Object.entries(JSON.parse(raw) as Record<string, { articleBody?: string }>);
  return entries
    .filter(([, v]) => typeof v.articleBody === 'string' && v.articleBody.trim())
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, v]) => articleFromBody(id, v.articleBody!));
}
