import { z } from 'zod';
import { sendStoredFile } from '../../kernel/http/stored-file-reply.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import { getInvoiceFile } from './use-cases/get-invoice-file.ts';

const idParams = z.strictObject({ id: z.uuid({ message: 'invalid_id' }) });
const ublQuery = z.strictObject({
  profile: z.enum(['peppol', 'nlcius'], { message: 'invalid_profile' }).default('peppol'),
});

/** The PDF and UBL as stored at finalization: the same bytes every time (ETag = their SHA-256). */
export function registerInvoiceDocumentRoutes(kernel: Kernel): void {
  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Invoices'],
    method: 'GET',
    url: '/api/v1/invoices/:id/pdf',
    summary: 'The PDF of a finalized invoice, exactly as issued (409 invoice_not_issued for a draft)',
    params: idParams,
    response: { status: 200, contentType: 'application/pdf' },
    errors: [409],
    handler: async ({ ctx, params, reply }) => {
      const file = await getInvoiceFile(ctx, params.id, 'pdf');
      return sendStoredFile(reply, file, 'application/pdf', 'inline');
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Invoices'],
    method: 'GET',
    url: '/api/v1/invoices/:id/ubl',
    summary: 'The UBL 2.1 e-invoice as issued: Peppol BIS Billing 3.0, or NLCIUS with ?profile=nlcius',
    params: idParams,
    query: ublQuery,
    response: { status: 200, contentType: 'application/xml' },
    errors: [409],
    handler: async ({ ctx, params, query, reply }) => {
      const file = await getInvoiceFile(ctx, params.id, query.profile === 'nlcius' ? 'ubl_nlcius' : 'ubl_peppol');
      return sendStoredFile(reply, file, 'application/xml; charset=utf-8', 'attachment');
    },
  });
}
