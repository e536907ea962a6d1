import {
  createInvoice as createInvoiceSchema,
  invoice,
  invoiceListQuery,
  listOf,
  updateInvoice as updateInvoiceSchema,
} from '@clientbox/contracts';
import { z } from 'zod';
import { expectedVersion } from '../../kernel/http/if-match.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import { createInvoice } from './use-cases/create-invoice.ts';
import { finalizeInvoice } from './use-cases/finalize-invoice.ts';
import { listInvoices } from './use-cases/list-invoices.ts';
import { getInvoice } from './use-cases/present-invoice.ts';
import { deleteInvoice, updateInvoice } from './use-cases/update-invoice.ts';

const idParams = z.strictObject({ id: z.uuid({ message: 'invalid_id' }) });

/** Invoices: drafts are edited freely; finalizing numbers and freezes them. Needs the Invoices module. */
export function registerInvoiceRoutes(kernel: Kernel): void {
  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Invoices'],
    method: 'GET',
    url: '/api/v1/invoices',
    summary: 'Invoices and credit notes, newest first, cursor-paged; filters status, type, customer, issue period',
    query: invoiceListQuery,
    response: { status: 200, schema: listOf(invoice) },
    handler: ({ ctx, query }) => listInvoices(ctx, query),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Invoices'],
    method: 'POST',
    url: '/api/v1/invoices',
    summary: 'Create a draft invoice for a customer (organization or person); lines from products or free text',
    body: createInvoiceSchema,
    response: { status: 201, schema: invoice },
    handler: async ({ ctx, body, reply }) => {
      const created = await createInvoice(ctx, body);
      reply.header('etag', `"${created.version}"`).header('location', `/api/v1/invoices/${created.id}`);
      return created;
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Invoices'],
    method: 'GET',
    url: '/api/v1/invoices/:id',
    summary: 'One invoice with lines, totals, VAT breakdown, amount due and status',
    params: idParams,
    response: { status: 200, schema: invoice },
    handler: async ({ ctx, params, reply }) => {
      const found = await getInvoice(ctx, params.id);
      reply.header('etag', `"${found.version}"`);
      return found;
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Invoices'],
    method: 'PATCH',
    url: '/api/v1/invoices/:id',
    summary: 'Change a draft (lines replace all lines); a finalized invoice answers 409 invoice_not_draft',
    params: idParams,
    body: updateInvoiceSchema,
    response: { status: 200, schema: invoice },
    errors: [409, 412],
    handler: async ({ ctx, params, body, request, reply }) => {
      const updated = await updateInvoice(
        ctx,
        params.id,
        body,
        expectedVersion(request.headers['if-match']) ?? undefined,
      );
      reply.header('etag', `"${updated.version}"`);
      return updated;
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Invoices'],
    method: 'DELETE',
    url: '/api/v1/invoices/:id',
    summary: 'Delete a draft (it had no number); a finalized invoice answers 409 invoice_not_draft',
    params: idParams,
    response: { status: 204 },
    errors: [409, 412],
    handler: ({ ctx, params, request }) =>
      deleteInvoice(ctx, params.id, expectedVersion(request.headers['if-match']) ?? undefined),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Invoices'],
    method: 'POST',
    url: '/api/v1/invoices/:id/finalize',
    summary:
      'Finalize a draft: checks the legally required content (422 invoice_incomplete, one error per field), assigns the next number of the series and freezes the invoice',
    params: idParams,
    response: { status: 200, schema: invoice },
    errors: [409, 422],
    handler: ({ ctx, params }) => finalizeInvoice(ctx, params.id, { storage: kernel.storage }),
  });
}
