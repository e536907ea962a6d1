import { createVatRate as createVatRateSchema, listOf, vatRate } from '@clientbox/contracts';
import type { Kernel } from '../../kernel/kernel.ts';
import { createVatRate, listVatRates } from './use-cases/vat-rates.ts';

/** The tenant's dated VAT rates per class; every member reads them, admins add new ones. */
export function registerVatRateRoutes(kernel: Kernel): void {
  kernel.route({
    method: 'GET',
    url: '/api/v1/vat_rates',
    access: 'tenant',
    entitlement: 'products',
    tags: ['Products'],
    summary: 'The dated VAT rates per rate class (the Dutch defaults on first use)',
    response: { status: 200, schema: listOf(vatRate) },
    handler: ({ ctx }) => listVatRates(ctx),
  });

  kernel.route({
    method: 'POST',
    url: '/api/v1/vat_rates',
    access: 'tenant',
    minimumRole: 'admin',
    entitlement: 'products',
    tags: ['Products'],
    summary:
      'Add a dated rate for a class: from valid_from on it applies to every product of the class, without editing them',
    body: createVatRateSchema,
    response: { status: 201, schema: vatRate },
    errors: [409],
    handler: ({ ctx, body }) => createVatRate(ctx, body),
  });
}
