import { amsterdamDate, formatAmount, type Revenue } from '@clientbox/contracts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { monthsEndingIn } from '../domain/report-months.ts';
import { revenueByMonth } from '../invoice-reports.repository.ts';

/** Invoiced excl. VAT per month of issue for the chart, credit notes subtracted: every month, also the empty ones. */
export async function getRevenue(ctx: TenantContext, monthCount: number): Promise<Revenue> {
  const months = monthsEndingIn(amsterdamDate(), monthCount);
  const totals = new Map(
    (await revenueByMonth(ctx.tx, ctx.tenantId, `${months[0]!}-01`)).map((entry) => [entry.month, entry]),
  );
  const data = months.map((month) => ({
    month,
    amount_excl_vat: formatAmount(totals.get(month)?.cents ?? 0n),
    invoices: totals.get(month)?.invoices ?? 0,
    credit_notes: totals.get(month)?.creditNotes ?? 0,
  }));
  const total = months.reduce((sum, month) => sum + (totals.get(month)?.cents ?? 0n), 0n);
  return { object: 'revenue', currency: 'EUR', months: data, total_excl_vat: formatAmount(total) };
}
