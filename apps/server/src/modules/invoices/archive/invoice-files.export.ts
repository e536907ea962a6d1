import { storedDocumentFilesExporter } from '../../../kernel/export/stored-document-files.export.ts';
import { ENTITIES } from './archive-rows.ts';
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

/**
 * The PDF and UBL exactly as issued (domain rules §1.3: the bytes that were sent, kept seven
 * years), checked against their SHA-256 on import.
 */
export const invoiceFilesExporter = storedDocumentFilesExporter<FileKind>({
  entity: ENTITIES.files,
  importAfter: [ENTITIES.invoices],
  documentColumn: 'invoice_id',
  kinds: KINDS,
  folder: 'invoices',
  words: { document: 'document', state: 'issued' },
  list: async ({ tenantId, tx }) =>
    (await allFileRows(tx, tenantId)).map((row) => ({ ...row, documentId: row.invoiceId, path: archivePath(row) })),
  contents: ({ tenantId, tx }, invoiceIds) => fileContents(tx, tenantId, invoiceIds),
  hasData: ({ tenantId, tx }) => hasArchiveRows(tx, tenantId, 'files'),
  async documentsWithFiles({ tenantId, tx }, invoiceIds) {
    const documents = await invoiceNumbersById(tx, tenantId, invoiceIds);
    return new Set([...documents].filter(([, document]) => document.number).map(([id]) => id));
  },
  insert: ({ tenantId, tx }, files) =>
    insertFileRows(
      tx,
      files.map(({ documentId, ...file }) => ({ ...file, tenantId, invoiceId: documentId })),
    ),
});
