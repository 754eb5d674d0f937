/**
 * The on-demand content script: injected only when the reader asks (activeTab), it installs
 * `__lucidExtract`, which runs the pure pipeline on the live page and returns plain data.
 */
import { defineContentScript } from '#imports';
import { extractArticle } from '../utils/extract';
import { ExtractionError } from '../utils/types';
import type { Extract } from '../platform/extraction';
import { EXTRACT_GLOBAL, installGlobal } from '../platform/isolated-globals';

export default defineContentScript({
  registration: 'runtime',
  main() {
    const extract: Extract = ({ force, rules }) => {
      try {
        const article = extractArticle(document, { url: location.href.split('#')[0], force, window, rules });
        return { ok: true, article };
      } catch (err) {
        if (err instanceof ExtractionError) return { ok: false, code: err.code, message: err.message };
        return { ok: false, code: 'failed', message: err instanceof Error ? err.message : String(err) };
      }
    };
    installGlobal(EXTRACT_GLOBAL, () => extract);
  },
});
