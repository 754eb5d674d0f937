/** The Readability step: the article's main content and Readability's metadata, from the clone. */
import type { Readability as ReadabilityType } from '@mozilla/readability';
import Readability from '@mozilla/readability/Readability.js';
import { ExtractionError } from '../types';

export type Parsed = NonNullable<ReturnType<ReadabilityType<Element>['parse']>> & { content: Element };

/** Runs Readability over `clone` (which it rewrites); the content comes back as an element, not markup. */
export function readArticle(clone: Document): Parsed {
  const parsed = new Readability<Element>(clone, { serializer: (el) => el as Element }).parse();
  if (!parsed?.content) throw new ExtractionError('no-article', 'No article text was found on this page.');
  return parsed as Parsed;
}
