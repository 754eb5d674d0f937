/**
 * Decodes a page file's bytes. Bytes that are valid UTF-8 are read as UTF-8, whatever the page
 * declares (a page saved by a tool that re-encoded it keeps its old declaration: Readability's
 * `qq` test page is UTF-8 that says GBK; legacy text is almost never valid UTF-8 by chance);
 * otherwise a byte-order mark, then the page's own declaration — `<meta charset>` or
 * `<meta http-equiv="Content-Type" content="…; charset=…">` in the first 1,024 bytes, the HTML
 * standard's prescan — and windows-1252 when it declares none, as browsers do. `--encoding`
 * forces one (a byte-order mark still wins, as in a browser).
 *
 * Decoding goes through whatwg-encoding (iconv-lite), not Node's TextDecoder: Node 20 decodes
 * "windows-1252" as ISO-8859-1, turning € and curly quotes into control characters.
 */
import sniffHtmlEncoding from 'html-encoding-sniffer';
import { decode, labelToName } from 'whatwg-encoding';

/** The encoding's WHATWG name, or null for a label no browser knows. */
export function encodingName(label: string): string | null {
  return labelToName(label);
}

export function decodeHtml(bytes: Uint8Array, forced?: string): string {
  if (forced) return decode(bytes, labelToName(forced) ?? forced);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decode(bytes, sniffHtmlEncoding(bytes, { defaultEncoding: 'windows-1252' }));
  }
}
