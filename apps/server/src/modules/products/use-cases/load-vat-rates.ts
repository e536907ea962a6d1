import { amsterdamDate, type DatedVatRate } from '@clientbox/contracts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { ensureVatRates, toDatedRates } from '../vat-rates.repository.ts';

/** The tenant's dated rates (the Dutch defaults on first use) and today in Amsterdam. */
export async function loadVatRates(ctx: Pick<TenantContext, 'tenantId' | 'tx'>): Promise<{
  rates: DatedVatRate[];
  today: string;
}> {
  return { rates: toDatedRates(await ensureVatRates(ctx.tx, ctx.tenantId)), today: amsterdamDate() };
}
