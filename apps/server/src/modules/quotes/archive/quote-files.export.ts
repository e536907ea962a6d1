import { storedDocumentFilesExporter } from '../../../kernel/export/stored-document-files.export.ts';
import { quotePdfFileName } from '../use-cases/get-quote-pdf.ts';
import { ENTITIES } from './archive-rows.ts';
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

/** The PDF of every sent version exactly as it was sent (what the customer accepted), checked against its SHA-256 on import. */
export const quoteFilesExporter = storedDocumentFilesExporter<'pdf'>({
  entity: ENTITIES.files,
  importAfter: [ENTITIES.quotes],
  documentColumn: 'quote_id',
  kinds: ['pdf'],
  folder: 'quotes',
  words: { document: 'quote', state: 'sent' },
  list: async ({ tenantId, tx }) =>
    (await allFileRows(tx, tenantId)).map((row) => ({ ...row, documentId: row.quoteId, path: archivePath(row) })),
  contents: ({ tenantId, tx }, quoteIds) => fileContents(tx, tenantId, quoteIds),
  hasData: ({ tenantId, tx }) => hasArchiveRows(tx, tenantId, 'files'),
  async documentsWithFiles({ tenantId, tx }, quoteIds) {
    const isSent = await sentStateById(tx, tenantId, quoteIds);
    return new Set([...isSent].filter(([, sent]) => sent).map(([id]) => id));
  },
  insert: ({ tenantId, tx }, files) =>
    insertFileRows(
      tx,
      files.map(({ documentId, ...file }) => ({ ...file, tenantId, quoteId: documentId })),
    ),
});
