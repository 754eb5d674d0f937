export { COLOURS, type Colour, type Highlight } from './types';
export { canonicalUrl, articleKey } from './url';
export { HighlightSchema, ExportFileSchema, EXPORT_FORMAT, EXPORT_VERSION, type ExportFile } from './schema';
export { exportJson, exportMarkdown, parseImport, type ImportResult } from './io';
export { mergeHighlights, type MergeResult } from './merge';
export { allStringsWellFormed, NOT_WELL_FORMED } from './well-formed';
