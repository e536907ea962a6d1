import {
  invoiceDelivery,
  invoiceSending,
  listOf,
  markInvoiceSent as markInvoiceSentSchema,
  sendInvoice as sendInvoiceSchema,
} from '@clientbox/contracts';
import { z } from 'zod';
import type { Kernel } from '../../kernel/kernel.ts';
import { listDeliveries } from './use-cases/list-deliveries.ts';
import { markInvoiceSent } from './use-cases/mark-invoice-sent.ts';
import { sendInvoice } from './use-cases/send-invoice.ts';

const idParams = z.strictObject({ id: z.uuid({ message: 'invalid_id' }) });

/** Getting an issued invoice to the customer: by e-mail from the app, or marked as sent; and the sent log. */
export function registerInvoiceDeliveryRoutes(kernel: Kernel): void {
  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Invoices'],
    method: 'POST',
    url: '/api/v1/invoices/:id/send',
    summary:
      "E-mail an issued invoice with its stored PDF and UBL attached, to `to` or the customer's invoice e-mail address. Sent by a job: follow it at GET /api/v1/jobs/{job_id}; its result is the sent-log entry (409 invoice_not_issued for a draft; 422 no_invoice_email without an address)",
    params: idParams,
    body: sendInvoiceSchema,
    response: { status: 202, schema: invoiceSending },
    errors: [409, 422],
    handler: async ({ ctx, params, body, reply }) => {
      const sending = await sendInvoice(ctx, params.id, body, kernel.jobs);
      reply.header('location', `/api/v1/jobs/${sending.job_id}`);
      return sending;
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Invoices'],
    method: 'POST',
    url: '/api/v1/invoices/:id/mark_sent',
    summary:
      'Record that an issued invoice reached the customer another way (post, by hand, other): a sent-log entry, sent_at if still empty (409 invoice_not_issued for a draft)',
    params: idParams,
    body: markInvoiceSentSchema,
    response: { status: 201, schema: invoiceDelivery },
    errors: [409],
    handler: ({ ctx, params, body }) => markInvoiceSent(ctx, params.id, body),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Invoices'],
    method: 'GET',
    url: '/api/v1/invoices/:id/deliveries',
    summary: 'The sent log of an invoice, newest first: e-mails sent from the app and deliveries marked as sent',
    params: idParams,
    response: { status: 200, schema: listOf(invoiceDelivery) },
    handler: ({ ctx, params }) => listDeliveries(ctx, params.id),
  });
}
