/** Types for the two encoding packages the CLI uses, which ship none. */
/** html-encoding-sniffer ships no types: the HTML standard's encoding sniffing, returning an encoding name. */
declare module 'html-encoding-sniffer' {
  export default function sniffHtmlEncoding(
    bytes: Uint8Array,
    options?: { transportLayerEncodingLabel?: string; defaultEncoding?: string },
  ): string;
}

/** whatwg-encoding ships no types: the WHATWG Encoding Standard's labels, decoded with iconv-lite. */
declare module 'whatwg-encoding' {
  /** Decodes with `fallbackEncodingName` unless a byte-order mark names another encoding. */
  export function decode(bytes: Uint8Array, fallbackEncodingName: string): string;
  export function labelToName(label: string): string | null;
}
