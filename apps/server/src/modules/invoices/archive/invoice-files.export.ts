import { createHash } from 'node:crypto';
import { z } from 'zod';
import { storedFilePath } from '../../../kernel/export/archive-format.ts';
import type { ImportableExporter } from '../../../kernel/export/export-registry.ts';
import { ENTITIES, invalid, parseRows, timestamp } from './archive-rows.ts';
import {
  allFileRows,
  fileContents,
  hasArchiveRows,
  insertFileRows,
  invoiceNumbersById,
} from './invoice-archive.repository.ts';

const KINDS = ['pdf', 'ubl_peppol', 'ubl_nlcius'] as const;
type FileKind = (typeof KINDS)[number];
const SUFFIX: Record<FileKind, string> = { pdf: '.pdf', ubl_peppol: '.xml', ubl_nlcius: '.nlcius.xml' };

/**
 * `invoices/<id>/factuur-2026-00001.pdf`: the id keeps paths unique whatever the number format,
 * the name says what it is to whoever opens the archive (characters a path cannot hold become _).
 */
function archivePath(file: { invoiceId: string; kind: FileKind; type: string; number: string | null }): string {
  const name = `${file.type === 'credit_note' ? 'creditnota' : 'factuur'}-${(file.number ?? file.invoiceId).replace(/[^A-Za-z0-9._-]/g, '_')}`;
  return `invoices/${file.invoiceId}/${name}${SUFFIX[file.kind]}`;
}

const fileRow = z.strictObject({
  invoice_id: z.uuid(),
  kind: z.enum(KINDS),
  /** The bytes' path in the archive (`files/invoices/…`). */
  file: z.string().startsWith('files/invoices/'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().min(0),
  created_at: timestamp,
});
type FileArchiveRow = z.output<typeof fileRow>;

/**
 * The PDF and UBL exactly as issued (domain rules §1.3: the bytes that were sent, kept seven
 * years). They live in the database, so they go into the archive with the rows; an import checks
 * every file against the SHA-256 it was stored with and writes the same bytes back.
 */
export const invoiceFilesExporter: ImportableExporter<FileArchiveRow> = {
  entity: ENTITIES.files,
  csv: true,
  importAfter: [ENTITIES.invoices],
  columns: Object.keys(fileRow.shape) as (keyof FileArchiveRow)[],

  async export({ tenantId, tx }) {
    return (await allFileRows(tx, tenantId)).map((row) => ({
      invoice_id: row.invoiceId,
      kind: row.kind,
      file: storedFilePath(archivePath(row)),
      sha256: row.sha256,
      size: Number(row.size),
      created_at: row.createdAt.toISOString(),
    }));
  },

  async files({ tenantId, tx }, rows) {
    const contents = await fileContents(
      tx,
      tenantId,
      rows.map((row) => row.invoice_id),
    );
    return rows.map((row) => ({
      path: row.file.slice('files/'.length),
      bytes: contents.get(`${row.invoice_id}|${row.kind}`)!,
    }));
  },

  hasData: ({ tenantId, tx }) => hasArchiveRows(tx, tenantId, 'files'),

  async import(ctx, rows, files) {
    const entity = ENTITIES.files;
    const parsed = parseRows(entity, fileRow, rows);
    if (new Set(parsed.map((row) => `${row.invoice_id}|${row.kind}`)).size !== parsed.length)
      throw invalid(entity, 'a document has the same kind of file twice');
    const documents = await invoiceNumbersById(
      ctx.tx,
      ctx.tenantId,
      parsed.map((row) => row.invoice_id),
    );
    const values = parsed.map((row, index) => {
      if (!documents.get(row.invoice_id)?.number)
        throw invalid(entity, `row ${index + 1}: belongs to no issued document of the archive`);
      const bytes = files.get(row.file);
      if (!bytes) throw invalid(entity, `row ${index + 1}: ${row.file} is not in the archive`);
      if (createHash('sha256').update(bytes).digest('hex') !== row.sha256)
        throw invalid(entity, `row ${index + 1}: ${row.file} is not the file that was issued (SHA-256 differs)`);
      return {
        tenantId: ctx.tenantId,
        invoiceId: row.invoice_id,
        kind: row.kind,
        content: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        sha256: row.sha256,
        createdAt: new Date(row.created_at),
      };
    });
    await insertFileRows(ctx.tx, values);
  },
};
