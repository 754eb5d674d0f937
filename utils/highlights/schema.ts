import * as v from 'valibot';
import { COLOURS, type Highlight } from './types';
import { NOT_WELL_FORMED } from './well-formed';

const offset = v.pipe(v.number(), v.integer(), v.minValue(0));
/** Every string: well-formed UTF-16 only (see well-formed.ts). */
const text = v.pipe(v.string(), v.check((s) => s.isWellFormed(), NOT_WELL_FORMED));
/**
 * An ISO 8601 timestamp the browser can read, stored normalised (`toISOString`). valibot's
 * `isoTimestamp` alone accepts forms `Date.parse` cannot read ("…T00:00:00+05"), which made
 * the library's date formatting throw.
 */
const timestamp = v.pipe(
  v.string(),
  v.isoTimestamp('expected an ISO 8601 timestamp'),
  v.check((s) => !Number.isNaN(Date.parse(s)), 'expected a date the browser can read'),
  v.transform((s) => new Date(s).toISOString()),
);
const nonEmpty = v.pipe(text, v.minLength(1, 'must not be empty'));

const blockPoint = v.object({
  id: text,
  hash: text,
  offset,
  repeated: v.optional(v.literal(true)),
});

const selectors = v.object({
  quote: v.object({
    exact: nonEmpty,
    prefix: text,
    suffix: text,
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
  text,
  colour: v.picklist(COLOURS),
  note: text,
  createdAt: timestamp,
  updatedAt: timestamp,
  url: v.pipe(text, v.url('expected a URL')),
  title: text,
  site: text,
  speaker: v.optional(text),
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
