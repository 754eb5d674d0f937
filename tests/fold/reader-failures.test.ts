/**
 * What readers report losing in Readability-based reader modes, as small pages of our own
 * (tests/fixtures/reader-failures/): the opening paragraph, link-heavy paragraphs, very short
 * paragraphs, the article beside a long comment thread, the text after a mid-article box,
 * footnotes, tables and captions. Each must reach the reader's text, unfolded.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../cli/dom';
import { extractArticle } from '../../utils/extract';
import { plainWords } from '../../utils/fold/normalise';
import type { Article } from '../../utils/types';

function read(name: string): Article {
  const doc = parseHtml(readFileSync(`tests/fixtures/reader-failures/${name}.html`, 'utf8'), 'https://news.example/2024/river');
  return extractArticle(doc, { force: true });
}
const has = (article: Article, line: string) => ` ${plainWords(article.text)} `.includes(` ${plainWords(line)} `);
const BODY = 'Engineers said the survey would not change the design';

describe('what Readability-based readers lose', () => {
  it('keeps the opening paragraph set apart from the body', () => {
    const a = read('opening-paragraph');
    expect(has(a, "The river plan will wait: at two in the morning, after the longest hearing in the town's history")).toBe(true);
    expect(has(a, BODY)).toBe(true);
  });

  it('keeps link-heavy paragraphs of the text', () => {
    const a = read('link-heavy');
    expect(has(a, 'The plan builds on the 2021 report')).toBe(true);
    expect(has(a, "Read the full text of the budget on the ministry's site")).toBe(true);
  });

  it('keeps very short paragraphs', () => {
    const a = read('short-paragraphs');
    for (const line of ['Then it stopped.', 'Silence.', '"Again?" she asked.', 'Yes.']) expect(has(a, line), line).toBe(true);
  });

  it('reads the article, not the longer comment thread beside it', () => {
    const a = read('comments-vs-article');
    expect(has(a, BODY)).toBe(true);
    expect(has(a, 'Comment number')).toBe(false);
  });

  it('keeps the text after a mid-article box of related links, and folds or drops the box', () => {
    const a = read('mid-article-box');
    expect(has(a, 'After the hearing, the mayor said the delay would cost the town little')).toBe(true);
    expect(has(a, 'Residents who spoke against the plan said they would return in June')).toBe(true);
    expect(has(a, 'New flood maps for the valley')).toBe(false);
  });

  it('keeps footnotes and their references', () => {
    const a = read('footnotes');
    expect(has(a, 'The first embankment was built in 1803')).toBe(true);
    expect(has(a, 'Parish records, volume 12, page 40')).toBe(true);
    expect(has(a, 'The floods of 1841 and 1877, both in March')).toBe(true);
  });

  it('keeps a table as a table, with its caption', () => {
    const a = read('table');
    const table = a.blocks.find((b) => b.type === 'table');
    expect(table?.type === 'table' && table.rows.map((r) => r.cells.join('|'))).toEqual(['Decade|Level (m)', '1990s|4.2', '2000s|4.8', '2010s|5.1']);
    expect(has(a, 'Highest water level each decade')).toBe(true);
    expect(a.folded.map((f) => f.blockId)).not.toContain(table!.id);
  });

  it('keeps captions: figures unfolded, a two-sentence caption paragraph with its credit kept', () => {
    const a = read('captions');
    const figures = a.blocks.filter((b) => b.type === 'figure');
    expect(figures.map((f) => f.text)).toEqual([
      'The river at dawn, a week before the hearing. Residents have watched the water rise every spring. (Photo: Jane Smith)',
      'The old bridge',
    ]);
    const folded = new Set(a.folded.map((f) => f.blockId));
    expect(figures.some((f) => folded.has(f.id))).toBe(false);
    expect(has(a, 'The old embankment near the bridge held once more')).toBe(true);
  });
});
