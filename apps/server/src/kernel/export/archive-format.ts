import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * The layout of an export archive (terms art. 17). Version 1:
 *
 *   manifest.json            this file's schema: who, when, which entities, every file's sha256
 *   data/<entity>.json       every entity type as a JSON array of rows (the complete copy)
 *   csv/<entity>.csv         the same rows for spreadsheets, where the exporter marks csv
 *   files/<path>             stored documents (logo, invoices' PDF and UBL, quotes' PDF) the rows refer to
 *
 * A change that an older Clientbox could not read gets a new format version; the import refuses
 * versions it does not know.
 */
export const ARCHIVE_FORMAT = 'clientbox-export';
export const ARCHIVE_FORMAT_VERSION = 1;
export const MANIFEST_PATH = 'manifest.json';

export const dataPath = (entity: string) => `data/${entity}.json`;
export const csvPath = (entity: string) => `csv/${entity}.csv`;
export const storedFilePath = (path: string) => `files/${path}`;

/** The version of the server that wrote the archive, for whoever reads it years later. */
export const CLIENTBOX_VERSION = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** A path inside the archive: relative, forward slashes, no `.` or `..` parts. */
export const ARCHIVE_PATH = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(?:\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;

export const manifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  format_version: z.literal(ARCHIVE_FORMAT_VERSION),
  tenant: z.object({ id: z.string(), name: z.string() }),
  created_at: z.iso.datetime({ offset: true }),
  clientbox_version: z.string(),
  entities: z.array(
    z.object({
      entity: z.string(),
      file: z.string(),
      csv_file: z.string().nullable(),
      count: z.number().int().min(0),
      importable: z.boolean(),
    }),
  ),
  files: z.array(
    z.object({
      path: z.string().regex(ARCHIVE_PATH),
      size: z.number().int().min(0),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
});
export type Manifest = z.infer<typeof manifestSchema>;
