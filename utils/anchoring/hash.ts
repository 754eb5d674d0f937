/**
 * cyrb53 (bryc, public domain): a fast 53-bit string hash, enough to tell texts and URLs apart
 * in a personal library without collisions in practice. Not cryptographic.
 */
function cyrb53(s: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The hash as a fixed-width base-36 string of `length` characters (at most 11). */
export function shortHash(s: string, length = 11): string {
  return cyrb53(s).toString(36).padStart(11, '0').slice(-length);
}
