/** Reads a page file (.html, .htm, .html.gz) or standard input ("-"), gunzipped. No DOM is loaded here. */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** The file's bytes, gunzipped when it ends in .gz. */
export function readPageBytes(file: string): Buffer {
  const bytes = file === '-' ? readFileSync(0) : readFileSync(file);
  if (!file.endsWith('.gz')) return bytes;
  try {
    return gunzipSync(bytes);
  } catch (err) {
    throw new Error(`${file}: corrupt gzip (${(err as Error).message})`);
  }
}

/** The file as text, decoded as UTF-8. */
export function readPage(file: string): string {
  return readPageBytes(file).toString('utf8');
}
