/** Test helpers: parse HTML in jsdom (a full DOM, so the sanitizer really runs). */
import { readFileSync } from 'node:fs';
import { parseHtml } from '../../cli/dom';

export { parseHtml };
export const SAMPLE_URL = 'https://www.lequotidien.example/monde/2024/07/13/austin-beloussov-conversation';
export const sampleHtml = (): string => readFileSync('tests/fixtures/sample-fr.html', 'utf8');
export const sampleDoc = (): Document => parseHtml(sampleHtml(), SAMPLE_URL);

/** A plain article page with the given body paragraphs. */
export function articlePage(paragraphs: string[], head = '<title>Test article</title>'): string {
  return `<!doctype html><html lang="en"><head>${head}</head><body><article><h1>Test article</h1>${paragraphs
    .map((p) => `<p>${p}</p>`)
    .join('')}</article></body></html>`;
}

export const LONG = 'This sentence is part of a long enough article body to pass the readability checks easily. ';
