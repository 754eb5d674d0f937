import * as v from 'valibot';
import { COLOURS, type Highlight } from './types';

const offset = v.pipe(v.number(), v.integer(), v.minValue(0));
const timestamp = v.pipe(v.string(), v.isoTimestamp('expected an ISO 8601 timestamp'));
const nonEmpty = v.pipe(v.string(), v.minLength(1, 'must not be empty'));

const blockPoint = v.object({
  id: v.string(),
  hash: v.string(),
  offset,
  repeated: v.optional(v.literal(true)),
});

const selectors = v.object({
  quote: v.object({
    exact: nonEmpty,
    prefix: v.string(),
    suffix: v.string(),
    count: v.optional(v.pipe(v.number(), v.integer(), v.minValue(2))),
  }),
  position: v.pipe(
    v.object({ start: offset, end: offset }),
    v.check((p) => p.start < p.end, 'start must be before end'),
  ),
  block: v.optional(v.object({ start: blockPoint, end: blockPoint })),
});

/** A stored or imported highlight; parsing also puts its keys in one canonical order. */
export const HighlightSchema: v.GenericSchema<Highlight> = v.object({
  id: nonEmpty,
  articleKey: nonEmpty,
  selectors,
  text: v.string(),
  colour: v.picklist(COLOURS),
  note: v.string(),
  createdAt: timestamp,
  updatedAt: timestamp,
  url: v.pipe(v.string(), v.url('expected a URL')),
  title: v.string(),
  site: v.string(),
  speaker: v.optional(v.string()),
});

export const EXPORT_FORMAT = 'lucid-reader-highlights';
export const EXPORT_VERSION = 1;

/** The export file, validated as a whole: one bad highlight rejects the file. */
export const ExportFileSchema = v.object({
  format: v.literal(EXPORT_FORMAT),
  version: v.literal(EXPORT_VERSION),
  exportedAt: timestamp,
  highlights: v.array(HighlightSchema),
});

export type ExportFile = v.InferOutput<typeof ExportFileSchema>;
