/**
 * What `lucid extract` runs a file with and what a file gives back: shared by the main thread,
 * which loads no DOM before it knows it extracts (`--help`, `quotes` and usage errors stay
 * light), and the pipeline's side.
 */
export const FORMATS = ['json', 'jsonl', 'md', 'text'] as const;
export type Format = (typeof FORMATS)[number];

export const DOMS = ['linkedom', 'jsdom'] as const;
export type DomKind = (typeof DOMS)[number];

export interface ExtractFileOptions {
  url?: string;
  /** The output format of this file (`json` is pretty-printed; several files print `jsonl`). */
  format: Format;
  timing: boolean;
  force: boolean;
  dom: DomKind;
  /** A forced input encoding (a WHATWG label); the page's own declaration otherwise. */
  encoding?: string;
}

export type FileStatus = 'ok' | 'noArticle' | 'failure';

/** What one file prints: its standard output, its standard error line, and how it ended. */
export interface FileResult {
  stdout: string;
  stderr: string;
  status: FileStatus;
}
