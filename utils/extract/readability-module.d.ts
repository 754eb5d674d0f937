// Readability's parser alone: the package's index also bundles `isProbablyReaderable`, which the
// pipeline does not run (it is the auto-open script's quick check), into the content script.
declare module '@mozilla/readability/Readability.js' {
  import type { Readability } from '@mozilla/readability';
  const parser: typeof Readability;
  export default parser;
}
