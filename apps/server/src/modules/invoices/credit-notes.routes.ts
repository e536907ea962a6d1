import { createCreditNote as createCreditNoteSchema, invoice } from '@clientbox/contracts';
import { z } from 'zod';
import type { Kernel } from '../../kernel/kernel.ts';
import { correctInvoice } from './use-cases/correct-invoice.ts';
import { createCreditNote } from './use-cases/create-credit-note.ts';

const idParams = z.strictObject({ id: z.uuid({ message: 'invalid_id' }) });
const correctBody = z.strictObject({
  reason: z.string().trim().max(2000, { message: 'too_long' }).nullable().optional(),
});

/** Corrections of issued invoices: never an edit, always a credit note (domain rules §1.3). */
export function registerCreditNoteRoutes(kernel: Kernel): void {
  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Invoices'],
    method: 'POST',
    url: '/api/v1/invoices/:id/credit_notes',
    summary:
      'A draft credit note for an issued invoice: in full, or per line a quantity never above what is still uncredited',
    params: idParams,
    body: createCreditNoteSchema,
    response: { status: 201, schema: invoice },
    errors: [409],
    handler: async ({ ctx, params, body, reply }) => {
      const created = await createCreditNote(ctx, params.id, body);
      reply.header('location', `/api/v1/invoices/${created.id}`);
      return created;
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Invoices'],
    method: 'POST',
    url: '/api/v1/invoices/:id/correct',
    summary: 'Correct an invoice in one action: a finalized full credit note plus a new draft with the same lines',
    params: idParams,
    body: correctBody,
    response: { status: 201, schema: z.object({ credit_note: invoice, invoice }) },
    errors: [409, 422],
    handler: ({ ctx, params, body }) =>
      correctInvoice(ctx, params.id, body.reason ?? null, { storage: kernel.storage }),
  });
}
