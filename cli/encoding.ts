/**
 * Decodes a page's bytes the way a browser does for a file: a byte-order mark first, then a
 * `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">` in the first
 * 1,024 bytes (the HTML standard's prescan), else UTF-8 when the bytes are valid UTF-8 and
 * windows-1252 when they are not (a legacy page that names no charset). `--encoding` forces one.
 */
import sniffHtmlEncoding from 'html-encoding-sniffer';

/** The encoding's canonical name, or null when no decoder knows the label. */
export function encodingName(label: string): string | null {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

export function decodeHtml(bytes: Uint8Array, forced?: string): string {
  if (forced) return new TextDecoder(forced).decode(bytes);
  const sniffed = sniffHtmlEncoding(bytes, { defaultEncoding: 'x-lucid-none' });
  if (sniffed !== 'x-lucid-none') return new TextDecoder(sniffed).decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
