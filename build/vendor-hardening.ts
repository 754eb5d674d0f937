/**
 * Vendor hardening: removes the HTML-parsing sinks (innerHTML assignments) from the library code
 * bundled into the extension, at build time, by rewriting exact statements of the pinned library
 * versions into DOM operations that never parse markup.
 *
 * - Preact: `dangerouslySetInnerHTML` throws (Lucid Reader never uses it).
 * - Readability: restores its working copy from a deep clone instead of re-parsing its own
 *   serialization, and unwraps a `<noscript>` image by cloning the noscript's nodes instead of
 *   re-parsing their markup.
 * - DOMPurify: parses with `DOMParser` only; its `innerHTML` fallback for engines without an
 *   HTML-capable DOMParser (never Chrome or Firefox) throws instead.
 *
 * Each edit must match exactly once in the file Vite bundles, or the build fails: a library
 * upgrade cannot silently bring a sink back. After the edits, a bundled module of these packages
 * that still assigns markup to `innerHTML`/`outerHTML` (or calls another HTML sink) fails the
 * build too, whichever of the package's files Vite resolved.
 */
import type { Plugin } from 'vite';

export interface VendorEdit {
  /** The exact source text (runs of whitespace match any whitespace). */
  find: string;
  replace: string;
}

export interface VendorRewrite {
  /** What the rewrite removes and why it is safe, for build messages and tests. */
  name: string;
  /** The package, as under node_modules/. */
  pkg: string;
  /** The file of the package that Vite bundles, relative to the package. */
  file: string;
  /** Applied in order; each must match exactly once. */
  edits: VendorEdit[];
}

const DISABLED = 'HTML injection is disabled in Lucid Reader';

export const VENDOR_REWRITES: VendorRewrite[] = [
  {
    name: 'Preact: dangerouslySetInnerHTML throws instead of assigning innerHTML',
    pkg: 'preact',
    // The "browser" export of preact 10.x (minified); the hooks and JSX runtime import it.
    file: 'dist/preact.module.js',
    edits: [
      {
        // if (newHtml) { if (!hydrating && (!oldHtml || (differs))) dom.innerHTML = newHtml.__html; ... }
        find: 'if(h)c||p&&(h.__html==p.__html||h.__html==u.innerHTML)||(u.innerHTML=h.__html),t.__k=[];',
        replace: `if(h)throw new Error("dangerouslySetInnerHTML: ${DISABLED}");`,
      },
    ],
  },
  {
    name: 'Readability: restores its working copy from a deep clone, not by re-parsing its markup',
    pkg: '@mozilla/readability',
    file: 'Readability.js',
    edits: [
      {
        find: 'var pageCacheHtml = page.innerHTML;',
        // A snapshot of the page's nodes. Normalised as re-parsing its markup would have
        // (adjacent text nodes merged, empty ones dropped); the live page is not touched.
        replace: 'var pageCacheHtml = page.cloneNode(true); pageCacheHtml.normalize();',
      },
      {
        find: 'page.innerHTML = pageCacheHtml;',
        // A fresh copy of the snapshot each time: there can be several attempts.
        replace: 'page.replaceChildren(...pageCacheHtml.cloneNode(true).childNodes);',
      },
    ],
  },
  {
    name: 'Readability: unwraps a <noscript> image by cloning its nodes, not by re-parsing its markup',
    pkg: '@mozilla/readability',
    file: 'Readability.js',
    edits: [
      {
        // Reached only when the noscript's content was parsed as elements (a document without
        // scripting) and is a single image: copying those nodes gives what re-parsing gave.
        find: 'tmp.innerHTML = noscript.innerHTML;',
        replace: 'for (var lucidNode of Array.from(noscript.childNodes)) tmp.appendChild(lucidNode.cloneNode(true)); tmp.normalize();',
      },
    ],
  },
  {
    name: "DOMPurify: parses with DOMParser only; the innerHTML fallback (engines without DOMParser's text/html) throws",
    pkg: 'dompurify',
    // The "import" export of dompurify 3.x.
    file: 'dist/purify.es.mjs',
    edits: [
      {
        find: `if (!doc || !doc.documentElement) {
			doc = implementation.createDocument(NAMESPACE, "template", null);
			try {
				doc.documentElement.innerHTML = IS_EMPTY_INPUT ? emptyHTML : dirtyPayload;
			} catch (_) {}
		}`,
        replace: `if (!doc || !doc.documentElement) throw new Error("DOMPurify: DOMParser could not parse HTML and the innerHTML fallback is disabled: ${DISABLED}");`,
      },
    ],
  },
];

/** HTML sinks that must not remain in a hardened package (assigning '' clears, it parses nothing). */
const SINKS: { what: string; re: RegExp }[] = [
  { what: 'innerHTML/outerHTML assignment', re: /\.(?:inner|outer)HTML\s*\+?=(?!=)(?!\s*(?:""|''|``)\s*[;,)}\n])/g },
  { what: 'insertAdjacentHTML', re: /\.insertAdjacentHTML\s*\(/g },
  { what: 'createContextualFragment', re: /\.createContextualFragment\s*\(/g },
  { what: 'setHTMLUnsafe/parseHTMLUnsafe', re: /\.(?:set|parse)HTMLUnsafe\s*\(/g },
  { what: 'document.write', re: /\bdocument\.write(?:ln)?\s*\(/g },
];

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const patternOf = (find: string) => new RegExp(find.trim().split(/\s+/).map(escapeRegExp).join('\\s+'), 'g');

/** The path of `id` inside `node_modules/<pkg>/`, or null. */
function fileInPackage(id: string, pkg: string): string | null {
  const path = id.split('?')[0].replace(/\\/g, '/');
  const marker = `/node_modules/${pkg}/`;
  const at = path.lastIndexOf(marker);
  return at < 0 ? null : path.slice(at + marker.length);
}

const HARDENED = [...new Set(VENDOR_REWRITES.map((r) => r.pkg))];

export class VendorHardeningError extends Error {}

/**
 * Applies the rewrites for the module `id` (a resolved file path) to its source. Returns the new
 * source, or null when `id` is not a hardened package's module. Throws VendorHardeningError when
 * an edit does not match exactly once or a sink remains.
 */
export function hardenVendorModule(id: string, code: string): { code: string; applied: string[] } | null {
  const pkg = HARDENED.find((p) => fileInPackage(id, p) !== null);
  if (!pkg) return null;
  const file = fileInPackage(id, pkg)!;
  const applied: string[] = [];
  for (const rewrite of VENDOR_REWRITES) {
    if (rewrite.pkg !== pkg || rewrite.file !== file) continue;
    for (const edit of rewrite.edits) {
      const matches = [...code.matchAll(patternOf(edit.find))];
      if (matches.length !== 1) {
        throw new VendorHardeningError(
          `[vendor-hardening] ${rewrite.name}: expected the statement exactly once in ${pkg}/${file}, found it ${matches.length} times. ` +
            `The library changed: check the new code for HTML sinks and update build/vendor-hardening.ts.\n  statement: ${edit.find}`,
        );
      }
      const at = matches[0].index!;
      code = code.slice(0, at) + edit.replace + code.slice(at + matches[0][0].length);
    }
    applied.push(rewrite.name);
  }
  for (const sink of SINKS) {
    for (const m of code.matchAll(sink.re)) {
      const line = code.slice(0, m.index).split('\n').length;
      throw new VendorHardeningError(
        `[vendor-hardening] ${pkg}/${file}:${line} still has an HTML sink (${sink.what}): ` +
          `${code.slice(Math.max(0, m.index! - 60), m.index! + 60).replace(/\s+/g, ' ')}\n` +
          `Vite bundles a file or version build/vendor-hardening.ts does not know: update its rewrites.`,
      );
    }
  }
  return { code, applied };
}

/** The Vite plugin: rewrites the hardened packages' modules as they are bundled. */
export function vendorHardening(): Plugin {
  return {
    name: 'lucid-vendor-hardening',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      try {
        const result = hardenVendorModule(id, code);
        return result && { code: result.code, map: null };
      } catch (err) {
        if (err instanceof VendorHardeningError) this.error(err.message);
        throw err;
      }
    },
  };
}
