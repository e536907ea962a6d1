import {
  addDays,
  type BillingRunInvoice,
  type BillingRunPreview,
  type CalendarDate,
  formatAmount,
} from '@clientbox/contracts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { dueRanges, invoiceDateOf } from '../domain/billing-periods.ts';
import { amountsPerLine, linesOfRange } from '../domain/period-lines.ts';
import { loadLineVersions, loadPriceChanges, subscriptionsInvoicedUntil } from '../subscriptions.repository.ts';
import { announcedPriceOf, customerIdOf, scheduleOf, versionOf } from './subscription-parts.ts';

/**
 * The invoices the coming `days` will bring, per customer and invoice day, computed from the
 * schedules, lines and announced prices exactly as the run will (adjustments waiting for the
 * next run are in the run's own preview). Nothing is written.
 */
export async function upcomingInvoices(
  ctx: TenantContext,
  today: CalendarDate,
  days: number,
): Promise<BillingRunPreview> {
  const until = addDays(today, days);
  const rows = await subscriptionsInvoicedUntil(ctx.tx, ctx.tenantId, until);
  const ids = rows.map((row) => row.id);
  const versions = await loadLineVersions(ctx.tx, ctx.tenantId, ids);
  const prices = await loadPriceChanges(ctx.tx, ctx.tenantId, ids);
  const invoices = new Map<string, BillingRunInvoice & { cents: bigint }>();
  for (const row of rows) {
    const schedule = scheduleOf(row);
    const own = versions.filter((version) => version.subscriptionId === row.id).map(versionOf);
    const ownPrices = prices.filter((price) => price.subscriptionId === row.id).map(announcedPriceOf);
    for (const range of dueRanges(schedule, row.nextPeriodStart, until)) {
      const date = invoiceDateOf(schedule, range);
      const invoiceDate = date < today ? today : date;
      const cents = [...amountsPerLine(linesOfRange(range, own, ownPrices)).values()].reduce((a, b) => a + b, 0n);
      const key = row.groupInvoices
        ? `${customerIdOf(row)}|${row.paymentMethod}|${invoiceDate}`
        : `${row.id}|${invoiceDate}`;
      const invoice = invoices.get(key) ?? {
        customer_id: customerIdOf(row),
        customer_name: row.customerName,
        invoice_date: invoiceDate,
        subscription_ids: [],
        periods: [],
        kind: 'invoice' as const,
        total_excl_vat: '0.00',
        payment_method: row.paymentMethod,
        invoice_id: null,
        invoice_number: null,
        cents: 0n,
      };
      if (!invoice.subscription_ids.includes(row.id)) invoice.subscription_ids.push(row.id);
      invoice.periods.push({ subscription_id: row.id, start: range.start, end: range.end });
      invoice.cents += cents;
      invoices.set(key, invoice);
    }
  }
  const list = [...invoices.values()].sort((a, b) => a.invoice_date.localeCompare(b.invoice_date));
  const total = list.reduce((sum, invoice) => sum + invoice.cents, 0n);
  return {
    object: 'billing_run_preview',
    date: today,
    invoices: list.map(({ cents, ...invoice }) => ({ ...invoice, total_excl_vat: formatAmount(cents) })),
    total_excl_vat: formatAmount(total),
  };
}
