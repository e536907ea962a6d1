import { createHash } from 'node:crypto';
import { z } from 'zod';
import { storedFilePath } from '../../../kernel/export/archive-format.ts';
import type { ImportableExporter } from '../../../kernel/export/export-registry.ts';
import { quotePdfFileName } from '../use-cases/get-quote-pdf.ts';
import { ENTITIES, invalid, parseRows, timestamp } from './archive-rows.ts';
import {
  allFileRows,
  fileContents,
  hasArchiveRows,
  insertFileRows,
  sentStateById,
} from './quote-archive.repository.ts';

/**
 * `quotes/<id>/offerte-O2026-00001-v2.pdf`: the id keeps paths unique, the name is the one the
 * download carries (characters a path cannot hold become _).
 */
function archivePath(file: Parameters<typeof quotePdfFileName>[0] & { quoteId: string }): string {
  return `quotes/${file.quoteId}/${quotePdfFileName(file).replace(/[^A-Za-z0-9._-]/g, '_')}`;
}

const fileRow = z.strictObject({
  quote_id: z.uuid(),
  kind: z.enum(['pdf']),
  /** The bytes' path in the archive (`files/quotes/…`). */
  file: z.string().startsWith('files/quotes/'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().min(0),
  created_at: timestamp,
});
type FileArchiveRow = z.output<typeof fileRow>;

/**
 * The PDF of every sent version exactly as it was sent (what the customer accepted). It lives in
 * the database, so it goes into the archive with the rows; an import checks every file against
 * the SHA-256 it was stored with and writes the same bytes back, never a new rendering.
 */
export const quoteFilesExporter: ImportableExporter<FileArchiveRow> = {
  entity: ENTITIES.files,
  csv: true,
  importAfter: [ENTITIES.quotes],
  columns: Object.keys(fileRow.shape) as (keyof FileArchiveRow)[],

  async export({ tenantId, tx }) {
    return (await allFileRows(tx, tenantId)).map((row) => ({
      quote_id: row.quoteId,
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
      rows.map((row) => row.quote_id),
    );
    return rows.map((row) => ({
      path: row.file.slice('files/'.length),
      bytes: contents.get(`${row.quote_id}|${row.kind}`)!,
    }));
  },

  hasData: ({ tenantId, tx }) => hasArchiveRows(tx, tenantId, 'files'),

  async import(ctx, rows, files) {
    const entity = ENTITIES.files;
    const parsed = parseRows(entity, fileRow, rows);
    if (new Set(parsed.map((row) => `${row.quote_id}|${row.kind}`)).size !== parsed.length)
      throw invalid(entity, 'a quote has the same kind of file twice');
    const isSent = await sentStateById(
      ctx.tx,
      ctx.tenantId,
      parsed.map((row) => row.quote_id),
    );
    const values = parsed.map((row, index) => {
      if (!isSent.get(row.quote_id)) throw invalid(entity, `row ${index + 1}: belongs to no sent quote of the archive`);
      const bytes = files.get(row.file);
      if (!bytes) throw invalid(entity, `row ${index + 1}: ${row.file} is not in the archive`);
      if (createHash('sha256').update(bytes).digest('hex') !== row.sha256)
        throw invalid(entity, `row ${index + 1}: ${row.file} is not the file that was sent (SHA-256 differs)`);
      return {
        tenantId: ctx.tenantId,
        quoteId: row.quote_id,
        kind: row.kind,
        content: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        sha256: row.sha256,
        createdAt: new Date(row.created_at),
      };
    });
    await insertFileRows(ctx.tx, values);
  },
};
