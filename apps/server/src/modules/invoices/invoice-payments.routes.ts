import {
  customerBalance as customerBalanceSchema,
  customerBalanceQuery,
  invoicePayment,
  listOf,
  recordPayment as recordPaymentSchema,
} from '@clientbox/contracts';
import { z } from 'zod';
import type { Kernel } from '../../kernel/kernel.ts';
import { customerBalance } from './use-cases/customer-balance.ts';
import { deletePayment } from './use-cases/delete-payment.ts';
import { listPayments } from './use-cases/list-payments.ts';
import { recordPayment } from './use-cases/record-payment.ts';

const idParams = z.strictObject({ id: z.uuid({ message: 'invalid_id' }) });
const paymentParams = idParams.extend({ paymentId: z.uuid({ message: 'invalid_id' }) });

/** Payments received on issued invoices, and what a customer still owes. Needs the Invoices module. */
export function registerInvoicePaymentRoutes(kernel: Kernel): void {
  // `/invoices/balance` beside `/invoices/:id`: the router matches a static segment before a
  // parameter whatever the registration order, so "balance" never reaches the id route.
  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Invoices'],
    method: 'GET',
    url: '/api/v1/invoices/balance',
    summary:
      "A customer's balance over issued invoices: open invoices, total due and the overdue part (400 customer_not_found for an unknown customer)",
    query: customerBalanceQuery,
    response: { status: 200, schema: customerBalanceSchema },
    handler: ({ ctx, query }) => customerBalance(ctx, query.customer_id),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Invoices'],
    method: 'POST',
    url: '/api/v1/invoices/:id/payments',
    summary:
      'Register a payment received on an issued invoice (409 invoice_not_issued for a draft; 422 payment_exceeds_amount_due above what is still due)',
    params: idParams,
    body: recordPaymentSchema,
    response: { status: 201, schema: invoicePayment },
    errors: [409, 422],
    handler: ({ ctx, params, body }) => recordPayment(ctx, params.id, body),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Invoices'],
    method: 'GET',
    url: '/api/v1/invoices/:id/payments',
    summary: 'The payments of an invoice, oldest first',
    params: idParams,
    response: { status: 200, schema: listOf(invoicePayment) },
    handler: ({ ctx, params }) => listPayments(ctx, params.id),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Invoices'],
    method: 'DELETE',
    url: '/api/v1/invoices/:id/payments/:paymentId',
    summary: 'Remove a payment registered by mistake; the invoice is due again by its amount',
    params: paymentParams,
    response: { status: 204 },
    handler: ({ ctx, params }) => deletePayment(ctx, params.id, params.paymentId),
  });
}
