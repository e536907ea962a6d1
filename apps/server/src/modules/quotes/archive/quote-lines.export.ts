import { z } from 'zod';
import { documentLinesExporter } from '../../invoices/index.ts';
import { ENTITIES } from './archive-rows.ts';
import { allLineRows, hasArchiveRows, insertLineRows, sentStateById } from './quote-archive.repository.ts';

/** The lines per version and position (a sent version's lines are also in its snapshot), and which are options. */
export const quoteLinesExporter = documentLinesExporter({
  entity: ENTITIES.lines,
  importAfter: [ENTITIES.quotes],
  documentColumn: 'quote_id',
  document: 'quote',
  ownFields: { is_optional: z.boolean() },
  list: async ({ tenantId, tx }) =>
    (await allLineRows(tx, tenantId)).map((row) => ({
      documentId: row.quoteId,
      line: row,
      own: { is_optional: row.isOptional },
    })),
  hasData: ({ tenantId, tx }) => hasArchiveRows(tx, tenantId, 'lines'),
  writtenDocuments: ({ tenantId, tx }, quoteIds) => sentStateById(tx, tenantId, quoteIds),
  insert: ({ tenantId, tx }, lines) =>
    insertLineRows(
      tx,
      lines.map(({ documentId, line, own }) => ({
        tenantId,
        quoteId: documentId,
        ...line,
        isOptional: own.is_optional,
      })),
    ),
});
