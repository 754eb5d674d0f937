/** Access to the shared corpora in ../shared (absent on machines without it: callers skip). */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readPage } from '../../cli/read-file';

export const SHARED = resolve(process.cwd(), '..', 'shared');
export const ZYTE = join(SHARED, 'corpus', 'zyte');
export const READABILITY_PAGES = join(SHARED, 'corpus', 'readability', 'test-pages');

export function hasShared(): boolean {
  return existsSync(join(ZYTE, 'ground-truth.json'));
}

export function skipMessage(what: string): string {
  return `${what}: skipped, ${SHARED} is absent (the shared corpora are not on this machine).`;
}

export interface ZytePage {
  id: string;
  url: string;
  html: string;
  truth: string;
}

/** The 181 Zyte benchmark pages with their true article text, sorted by id. */
export function zytePages(limit = Infinity): ZytePage[] {
  const truth = JSON.parse(readFileSync(join(ZYTE, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody: string; url: string }
  >;
  return Object.keys(truth)
    .sort()
    .slice(0, limit)
    .map((id) => ({
      id,
      url: truth[id].url,
      html: readPage(join(ZYTE, 'html', `${id}.html.gz`)),
      truth: truth[id].articleBody,
    }));
}

export interface ReadabilityCase {
  name: string;
  source: string;
  expected: string;
}

/** Mozilla Readability's test pages: source.html and the expected.html Readability produces. */
export function readabilityCases(): ReadabilityCase[] {
  return readdirSync(READABILITY_PAGES)
    .sort()
    .filter((name) => existsSync(join(READABILITY_PAGES, name, 'expected.html')))
    .map((name) => ({
      name,
      source: readFileSync(join(READABILITY_PAGES, name, 'source.html'), 'utf8'),
      expected: readFileSync(join(READABILITY_PAGES, name, 'expected.html'), 'utf8'),
    }));
}
