/**
 * The clean view's host script: injected on demand (see platform/cleanview.ts), never declared
 * for any site, so pages run none of it until the reader asks.
 */
import { defineContentScript } from '#imports';
import { HOST_GLOBAL, installGlobal } from '../../platform/isolated-globals';
import { createHost } from './host';

export default defineContentScript({
  registration: 'runtime',
  main() {
    installGlobal(HOST_GLOBAL, createHost);
  },
});
