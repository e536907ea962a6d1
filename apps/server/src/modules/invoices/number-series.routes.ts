import {
  listOf,
  numberedDocumentType,
  numberSeries,
  updateNumberSeries as updateNumberSeriesSchema,
} from '@clientbox/contracts';
import { z } from 'zod';
import type { Kernel } from '../../kernel/kernel.ts';
import { getNumberSeries, updateNumberSeries } from './use-cases/number-series.ts';

/** The number series of invoices, credit notes and quotes (format, next number). Admins change them. */
export function registerNumberSeriesRoutes(kernel: Kernel): void {
  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Invoices'],
    method: 'GET',
    url: '/api/v1/number_series',
    summary: 'The number series of invoices, credit notes and quotes, with the next number',
    response: { status: 200, schema: listOf(numberSeries) },
    handler: async ({ ctx }) => ({
      object: 'list' as const,
      data: [
        await getNumberSeries(ctx, 'invoice'),
        await getNumberSeries(ctx, 'credit_note'),
        await getNumberSeries(ctx, 'quote'),
      ],
      has_more: false,
    }),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    minimumRole: 'admin',
    tags: ['Invoices'],
    method: 'PATCH',
    url: '/api/v1/number_series/:document_type',
    summary:
      'Change a series: the format ({YYYY}, {seq:5}) while nothing of that type was issued, the next number only upwards',
    params: z.strictObject({ document_type: numberedDocumentType }),
    body: updateNumberSeriesSchema,
    response: { status: 200, schema: numberSeries },
    handler: ({ ctx, params, body }) => updateNumberSeries(ctx, params.document_type, body),
  });
}
