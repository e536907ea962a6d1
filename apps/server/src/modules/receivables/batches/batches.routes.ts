import {
  createDirectDebitBatches as createDirectDebitBatchesSchema,
  createRefundBatch as createRefundBatchSchema,
  directDebitBatch,
  listOf,
  refundBatch,
} from '@clientbox/contracts';
import { z } from 'zod';
import { sendStoredFile } from '../../../kernel/http/stored-file-reply.ts';
import type { Kernel } from '../../../kernel/kernel.ts';
import { createDirectDebitBatches } from './use-cases/create-direct-debit-batches.ts';
import { createRefundBatch } from './use-cases/create-refund-batch.ts';
import {
  getDirectDebitBatch,
  getDirectDebitBatchFile,
  getRefundBatch,
  getRefundBatchFile,
  listDirectDebitBatches,
  listRefundBatches,
} from './use-cases/get-batches.ts';
import { withdrawDirectDebitBatch } from './use-cases/withdraw-direct-debit-batch.ts';

const idParams = z.strictObject({ id: z.uuid({ message: 'invalid_id' }) });
/** Direct-debit batches (pain.008, §5.1) and refund batches (pain.001, §5.4). Needs the Invoices module. */
export function registerBatchRoutes(kernel: Kernel): void {
  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Direct debit'],
    method: 'POST',
    url: '/api/v1/direct_debit_batches',
    summary: 'Collect open direct-debit invoices: one batch and pain.008 file per scheme (CORE, B2B)',
    body: createDirectDebitBatchesSchema,
    response: { status: 201, schema: listOf(directDebitBatch) },
    errors: [409, 422],
    handler: async ({ ctx, body }) => ({
      object: 'list' as const,
      data: await createDirectDebitBatches(ctx, body),
      has_more: false,
    }),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Direct debit'],
    method: 'GET',
    url: '/api/v1/direct_debit_batches',
    summary: 'Direct-debit batches, newest first',
    response: { status: 200, schema: listOf(directDebitBatch) },
    handler: async ({ ctx }) => ({ object: 'list' as const, data: await listDirectDebitBatches(ctx), has_more: false }),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Direct debit'],
    method: 'GET',
    url: '/api/v1/direct_debit_batches/:id',
    summary:
      'One direct-debit batch with its collections (each with its outcome: pending, collected, returned), total and status',
    params: idParams,
    response: { status: 200, schema: directDebitBatch },
    handler: ({ ctx, params }) => getDirectDebitBatch(ctx, params.id),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Direct debit'],
    method: 'POST',
    url: '/api/v1/direct_debit_batches/:id/withdraw',
    summary:
      'Withdraw an open batch before any of it was booked from a statement: status cancelled, its invoices can be collected again, its mandates are put back',
    params: idParams,
    response: { status: 200, schema: directDebitBatch },
    errors: [409],
    handler: ({ ctx, params }) => withdrawDirectDebitBatch(ctx, params.id),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Direct debit'],
    method: 'GET',
    url: '/api/v1/direct_debit_batches/:id/file',
    summary: 'The pain.008.001.02 file exactly as created (ETag = its SHA-256)',
    params: idParams,
    response: { status: 200, contentType: 'application/xml' },
    handler: async ({ ctx, params, reply }) => {
      const file = await getDirectDebitBatchFile(ctx, params.id);
      return sendStoredFile(reply, file, 'application/xml; charset=utf-8', 'attachment');
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Refunds'],
    method: 'POST',
    url: '/api/v1/refund_batches',
    summary: 'Refund issued credit notes with a refund due: one pain.001 file; each refund is booked as a payment',
    body: createRefundBatchSchema,
    response: { status: 201, schema: refundBatch },
    errors: [422],
    handler: ({ ctx, body }) => createRefundBatch(ctx, body),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Refunds'],
    method: 'GET',
    url: '/api/v1/refund_batches',
    summary: 'Refund batches, newest first',
    response: { status: 200, schema: listOf(refundBatch) },
    handler: async ({ ctx }) => ({ object: 'list' as const, data: await listRefundBatches(ctx), has_more: false }),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Refunds'],
    method: 'GET',
    url: '/api/v1/refund_batches/:id',
    summary: 'One refund batch with its refunds',
    params: idParams,
    response: { status: 200, schema: refundBatch },
    handler: ({ ctx, params }) => getRefundBatch(ctx, params.id),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Refunds'],
    method: 'GET',
    url: '/api/v1/refund_batches/:id/file',
    summary: 'The pain.001.001.03 file exactly as created (ETag = its SHA-256)',
    params: idParams,
    response: { status: 200, contentType: 'application/xml' },
    handler: async ({ ctx, params, reply }) => {
      const file = await getRefundBatchFile(ctx, params.id);
      return sendStoredFile(reply, file, 'application/xml; charset=utf-8', 'attachment');
    },
  });
}
