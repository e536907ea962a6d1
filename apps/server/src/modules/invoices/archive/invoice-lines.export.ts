import { z } from 'zod';
import { ENTITIES } from './archive-rows.ts';
import { documentLinesExporter } from './document-lines.export.ts';
import { allLineRows, hasArchiveRows, insertLineRows, invoiceNumbersById } from './invoice-archive.repository.ts';

/**
 * The lines as entered, per document and position (an issued document's lines are also in its
 * snapshot; these are what its draft held), and which line of the credited invoice a credit
 * note's line credits.
 */
export const invoiceLinesExporter = documentLinesExporter({
  entity: ENTITIES.lines,
  importAfter: [ENTITIES.invoices],
  documentColumn: 'invoice_id',
  document: 'document',
  ownFields: { credited_position: z.number().int().min(0).nullable() },
  list: async ({ tenantId, tx }) =>
    (await allLineRows(tx, tenantId)).map((row) => ({
      documentId: row.invoiceId,
      line: row,
      own: { credited_position: row.creditedPosition },
    })),
  hasData: ({ tenantId, tx }) => hasArchiveRows(tx, tenantId, 'lines'),
  writtenDocuments: ({ tenantId, tx }, invoiceIds) => invoiceNumbersById(tx, tenantId, invoiceIds),
  insert: ({ tenantId, tx }, lines) =>
    insertLineRows(
      tx,
      lines.map(({ documentId, line, own }) => ({
        tenantId,
        invoiceId: documentId,
        ...line,
        creditedPosition: own.credited_position,
      })),
    ),
});
