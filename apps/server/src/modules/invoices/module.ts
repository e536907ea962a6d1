import type { Kernel } from '../../kernel/kernel.ts';
import type { ModuleManifest } from '../../kernel/modules/index.ts';
import { registerInvoiceExporters } from './archive/invoice-exporters.ts';
import { UBL_ERRORS } from './documents/ubl.ts';
import { INVOICES_ERRORS } from './invoices.errors.ts';
import { registerCreditNoteRoutes } from './credit-notes.routes.ts';
import { registerInvoiceDeliveryRoutes } from './invoice-deliveries.routes.ts';
import { registerInvoiceDocumentRoutes } from './invoice-documents.routes.ts';
import { registerInvoicePaymentRoutes } from './invoice-payments.routes.ts';
import { registerInvoiceReportRoutes } from './invoice-reports.routes.ts';
import { registerInvoiceRoutes } from './invoices.routes.ts';
import { defineSendInvoiceEmailJob } from './jobs/send-invoice-email.job.ts';
import { registerNumberSeriesRoutes } from './number-series.routes.ts';

/**
 * Invoices and credit notes (terms art. 2, an add-on module): drafts, finalization with gapless
 * numbers and a frozen snapshot, the PDF and UBL rendered from that snapshot, and payments.
 */
export const invoicesModule: ModuleManifest<Kernel> = {
  name: 'invoices',
  description: 'Invoices and credit notes: drafts, gapless numbering, immutable issued documents, PDF and UBL',
  dependsOn: ['company', 'crm', 'products'],
  entitlement: 'invoices',
  errors: { ...INVOICES_ERRORS, ...UBL_ERRORS },
  register: (kernel) => {
    registerInvoiceRoutes(kernel);
    registerInvoiceReportRoutes(kernel);
    registerInvoiceDocumentRoutes(kernel);
    registerCreditNoteRoutes(kernel);
    registerNumberSeriesRoutes(kernel);
    registerInvoicePaymentRoutes(kernel);
    registerInvoiceDeliveryRoutes(kernel);
    defineSendInvoiceEmailJob(kernel);
    registerInvoiceExporters(kernel);
  },
};
