/** html-encoding-sniffer ships no types: the HTML standard's encoding sniffing, returning an encoding name. */
declare module 'html-encoding-sniffer' {
  export default function sniffHtmlEncoding(
    bytes: Uint8Array,
    options?: { transportLayerEncodingLabel?: string; defaultEncoding?: string },
  ): string;
}
