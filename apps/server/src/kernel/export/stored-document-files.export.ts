import { z } from 'zod';
import { storedFilePath } from './archive-format.ts';
import { invalidArchive, parseArchiveRows, timestamp } from './archive-rows.ts';
import { sha256 } from './build-export-archive.ts';
import type { ExportContext, ImportableExporter, ImportContext } from './export-registry.ts';

/** A file a module keeps in the database with the SHA-256 it was stored with. */
export interface StoredDocumentFile<Kind extends string> {
  documentId: string;
  kind: Kind;
  sha256: string;
  createdAt: Date;
}

/**
 * One row per stored file: `<document column>, kind, file, sha256, size, created_at`, where `file`
 * is the bytes' path in the archive (`files/<folder>/…`).
 */
export type StoredFileArchiveRow = Record<string, unknown> & {
  kind: string;
  file: string;
  sha256: string;
  size: number;
  created_at: string;
};

export interface StoredDocumentFilesSpec<Kind extends string> {
  entity: string;
  /** The entity of the documents the files belong to. */
  importAfter: readonly string[];
  /** The column naming the document, e.g. `invoice_id`. */
  documentColumn: string;
  kinds: readonly [Kind, ...Kind[]];
  /** The folder under `files/` the bytes go in, e.g. `invoices`. */
  folder: string;
  /** How an import's errors name a document and the state in which it has files: `quote` and `sent`. */
  words: { document: string; state: string };
  /** Every stored file of the tenant without its bytes, with its path in the archive relative to `files/`. */
  list(ctx: ExportContext): Promise<(StoredDocumentFile<Kind> & { path: string; size: number })[]>;
  /** The bytes of these documents' files, by `<document id>|<kind>`. */
  contents(ctx: ExportContext, documentIds: string[]): Promise<Map<string, Uint8Array>>;
  hasData(ctx: ExportContext): Promise<boolean>;
  /** Of these documents, those the import has written in a state that has files (issued, sent). */
  documentsWithFiles(ctx: ImportContext, documentIds: string[]): Promise<Set<string>>;
  insert(ctx: ImportContext, files: (StoredDocumentFile<Kind> & { content: Uint8Array })[]): Promise<void>;
}

/**
 * The exporter of files a module keeps in the database itself (issued invoices' PDF and UBL,
 * sent quotes' PDF): the bytes that were sent, so they go into the archive with the rows, and an
 * import checks every file against the SHA-256 it was stored with and writes the same bytes
 * back, never a new rendering.
 */
export function storedDocumentFilesExporter<Kind extends string>(
  spec: StoredDocumentFilesSpec<Kind>,
): ImportableExporter<StoredFileArchiveRow> {
  const { entity, documentColumn, words } = spec;
  const fileRow = z.strictObject({
    [documentColumn]: z.uuid(),
    kind: z.enum(spec.kinds),
    file: z.string().startsWith(storedFilePath(`${spec.folder}/`)),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    size: z.number().int().min(0),
    created_at: timestamp,
  });
  const documentOf = (row: StoredFileArchiveRow) => row[documentColumn] as string;

  return {
    entity,
    csv: true,
    importAfter: spec.importAfter,
    columns: Object.keys(fileRow.shape),

    async export(ctx) {
      return (await spec.list(ctx)).map((file) => ({
        [documentColumn]: file.documentId,
        kind: file.kind,
        file: storedFilePath(file.path),
        sha256: file.sha256,
        size: Number(file.size),
        created_at: file.createdAt.toISOString(),
      }));
    },

    async files(ctx, rows) {
      const contents = await spec.contents(ctx, rows.map(documentOf));
      return rows.map((row) => ({
        path: row.file.slice(storedFilePath('').length),
        bytes: contents.get(`${documentOf(row)}|${row.kind}`)!,
      }));
    },

    hasData: (ctx) => spec.hasData(ctx),

    async import(ctx, rows, files) {
      const parsed = parseArchiveRows(entity, fileRow, rows) as (StoredFileArchiveRow & { kind: Kind })[];
      if (new Set(parsed.map((row) => `${documentOf(row)}|${row.kind}`)).size !== parsed.length)
        throw invalidArchive(entity, `a ${words.document} has the same kind of file twice`);
      const withFiles = await spec.documentsWithFiles(ctx, parsed.map(documentOf));
      const values = parsed.map((row, index) => {
        if (!withFiles.has(documentOf(row)))
          throw invalidArchive(
            entity,
            `row ${index + 1}: belongs to no ${words.state} ${words.document} of the archive`,
          );
        const bytes = files.get(row.file);
        if (!bytes) throw invalidArchive(entity, `row ${index + 1}: ${row.file} is not in the archive`);
        if (sha256(bytes) !== row.sha256)
          throw invalidArchive(
            entity,
            `row ${index + 1}: ${row.file} is not the file that was ${words.state} (SHA-256 differs)`,
          );
        return {
          documentId: documentOf(row),
          kind: row.kind,
          content: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
          sha256: row.sha256,
          createdAt: new Date(row.created_at),
        };
      });
      await spec.insert(ctx, values);
    },
  };
}
