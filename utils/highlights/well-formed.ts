/**
 * Strings that are not well-formed UTF-16 (a lone surrogate) do not survive storage:
 * chrome.storage writes them as U+FFFD, so two different imported ids can become one and
 * deleting one highlight deletes another. They are refused at every boundary.
 */

/** True when every string in `value` (and every object key), however deep, is well-formed. */
export function allStringsWellFormed(value: unknown): boolean {
  if (typeof value === 'string') return value.isWellFormed();
  if (Array.isArray(value)) return value.every(allStringsWellFormed);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).every(([key, inner]) => key.isWellFormed() && allStringsWellFormed(inner));
  }
  return true;
}

export const NOT_WELL_FORMED = 'contains a broken character (not well-formed UTF-16)';
