import type { CreateVatRate, VatRate } from '@clientbox/contracts';
import { recordAuditEvent } from '../../../kernel/audit/audit-log.ts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { toVatRateDto } from '../products.dto.ts';
import { ensureVatRates, insertVatRate } from '../vat-rates.repository.ts';

export async function listVatRates(ctx: TenantContext): Promise<{ object: 'list'; data: VatRate[]; has_more: false }> {
  const rows = await ensureVatRates(ctx.tx, ctx.tenantId);
  return { object: 'list', data: rows.map(toVatRateDto), has_more: false };
}

/**
 * A new dated rate for a class (new or existing): from `valid_from` on, every product of the
 * class is charged it, without editing the products (domain rules §2.2). Rates are history,
 * so they are added, never changed in place.
 */
export async function createVatRate(ctx: TenantContext, input: CreateVatRate): Promise<VatRate> {
  await ensureVatRates(ctx.tx, ctx.tenantId);
  const row = await insertVatRate(ctx.tx, ctx.tenantId, {
    rateClass: input.rate_class,
    percent: input.percent,
    validFrom: input.valid_from,
    note: input.note ?? null,
  });
  if (!row)
    throw new AppError('vat_rate_exists', {
      detail: `The class ${input.rate_class} already has a rate from ${input.valid_from}.`,
      fields: [{ field: 'valid_from', code: 'vat_rate_exists', message: 'vat_rate_exists' }],
    });
  await recordAuditEvent(ctx, {
    action: 'vat_rate.created',
    targetType: 'vat_rate',
    targetId: row.id,
    details: { rate_class: row.rateClass, percent: row.percent, valid_from: row.validFrom },
  });
  return toVatRateDto(row);
}
