/** Public surface of the invoices module for modules that declare it in `dependsOn` (quotes, subscriptions). */
export { invoicesModule } from './module.ts';
export type {
  CustomerSnapshot,
  DocumentSnapshot,
  SnapshotLine,
  SupplierSnapshot,
} from './documents/document-snapshot.ts';
export { renderDocumentPdf } from './documents/pdf/render-document-pdf.ts';
export { nextDocumentNumber } from './use-cases/next-document-number.ts';
export { finalizeInvoice } from './use-cases/finalize-invoice.ts';
/** Documents issued at once from settled lines: subscriptions, late-payment charges, the operator's fees. */
export { issueInvoiceFromLines } from './use-cases/issue-invoice-from-lines.ts';
export {
  createInvoiceDraftFromLines,
  type InvoiceDraftFromLines,
  type InvoiceDraftLine,
} from './use-cases/create-invoice-draft-from-lines.ts';
export { type DocumentLineFields, lineFieldsOf, storedLineFieldsOf } from './document-line-fields.ts';
export { resolveLines as resolveDocumentLines } from './use-cases/resolve-lines.ts';
export { missingSupplierDetails, supplierSnapshot } from './documents/supplier-snapshot.ts';
export { archivedSnapshot as archivedDocumentSnapshot } from './archive/archived-snapshot.schema.ts';
export { documentLinesExporter } from './archive/document-lines.export.ts';
export { continueNumberSeriesAfter } from './archive/continue-number-series.ts';
/** The small XML tree the UBL renderer uses; receivables writes its SEPA files with it. */
export { element as xmlElement, serializeXml, type XmlChild, type XmlElement } from './documents/ubl-xml.ts';
/** Payments from a bank import (receivables): find the invoice, book or remove a payment. */
export { findPayableInvoices, type PayableInvoice } from './use-cases/find-payable-invoices.ts';
export { recordPayment } from './use-cases/record-payment.ts';
export { deletePayment } from './use-cases/delete-payment.ts';
export { listPayments } from './use-cases/list-payments.ts';
/** Issued documents with an amount due > 0: direct-debit collection and refunds (receivables). */
export { listOpenDocuments, type OpenDocument } from './use-cases/list-open-documents.ts';
/** Receivables registers how an invoice finds its mandate (mandates are its tables). */
export {
  type DirectDebitMandate,
  type DirectDebitMandateLookup,
  registerDirectDebitMandateLookup,
} from './direct-debit-mandate-lookup.ts';
export { documentLineColumns } from './document-line-columns.ts';
/** The canvas every document is drawn on (embedded fonts, A4): receivables draws its reminder letters with it. */
export { PAGE, PdfCanvas, SIZE } from './documents/pdf/pdf-canvas.ts';
/** Subscriptions e-mail the invoices their billing run issues, like a user pressing "send". */
export { sendInvoice } from './use-cases/send-invoice.ts';
export { invoiceNumbers } from './use-cases/invoice-numbers.ts';
export { PAYMENT_RECORDED, type PaymentRecordedEvent } from './invoice-events.ts';
