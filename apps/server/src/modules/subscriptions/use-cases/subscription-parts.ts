import { type CalendarDate, formatAmount, type Subscription, type SubscriptionStatus } from '@clientbox/contracts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import {
  type DocumentLineFields,
  invoiceNumbers,
  lineFieldsOf,
  type resolveDocumentLines,
  storedLineFieldsOf,
} from '../../invoices/index.ts';
import { type BillingSchedule, nextInvoiceDate, rangeFrom } from '../domain/billing-periods.ts';
import { type AnnouncedPrice, fullPeriodAmount, type LineVersion, monthlyAmount } from '../domain/period-lines.ts';
import {
  loadLineVersions,
  loadPeriods,
  loadPriceChanges,
  type NewSubscriptionLineRow,
  type PeriodRow,
  type PriceChangeRow,
  type SubscriptionLineRow,
  type SubscriptionRow,
} from '../subscriptions.repository.ts';

export const scheduleOf = (row: SubscriptionRow): BillingSchedule => ({
  intervalMonths: row.intervalMonths,
  billing: row.billing,
  alignment: row.alignment,
  invoiceDateRule: row.invoiceDateRule,
  invoiceDaysBefore: row.invoiceDaysBefore,
  startDate: row.startDate,
  endDate: row.endDate,
});

export const versionOf = (row: SubscriptionLineRow): LineVersion => ({
  lineKey: row.lineKey,
  position: row.position,
  validFrom: row.validFrom,
  validUntil: row.validUntil,
  fields: lineFieldsOf(row),
});

export const announcedPriceOf = (row: PriceChangeRow): AnnouncedPrice => ({
  lineKey: row.lineKey,
  unitPrice: row.unitPrice,
  appliesFrom: row.appliesFrom,
});

/** The versions running on `date` (the subscription's lines as they stand that day). */
export function versionsOn(versions: LineVersion[], date: CalendarDate): LineVersion[] {
  return versions.filter((v) => v.validFrom <= date && (v.validUntil === null || v.validUntil >= date));
}

/** The lines as they stand on `date`, or — before the start — as they will start. */
export function currentVersions(versions: LineVersion[], row: SubscriptionRow, today: CalendarDate): LineVersion[] {
  const on = today < row.startDate ? row.startDate : row.endDate !== null && today > row.endDate ? row.endDate : today;
  const running = versionsOn(versions, on);
  return running.length ? running : versions.filter((v) => v.validUntil === null);
}

export function statusOf(row: SubscriptionRow, today: CalendarDate): SubscriptionStatus {
  if (row.startDate > today) return 'scheduled';
  if (row.endDate !== null && row.endDate < today) return 'ended';
  return row.endDate !== null ? 'ending' : 'active';
}

export function customerIdOf(row: SubscriptionRow): string | null {
  return row.organizationId ?? row.personId;
}

/** Monthly value of the lines running on `date`, in cents. */
export function monthlyCents(versions: LineVersion[], intervalMonths: number): bigint {
  return versions.reduce((sum, version) => sum + monthlyAmount(version.fields, intervalMonths), 0n);
}

/** Subscriptions as the API shows them, read in one go per table however many there are. */
export async function presentSubscriptions(
  ctx: Pick<TenantContext, 'tenantId' | 'tx'>,
  rows: SubscriptionRow[],
  today: CalendarDate,
): Promise<Subscription[]> {
  const ids = rows.map((row) => row.id);
  const versions = await loadLineVersions(ctx.tx, ctx.tenantId, ids);
  const prices = await loadPriceChanges(ctx.tx, ctx.tenantId, ids);
  const periods = await loadPeriods(ctx.tx, ctx.tenantId, ids);
  const numbers = await invoiceNumbers(
    ctx,
    periods.flatMap((period) => (period.invoiceId ? [period.invoiceId] : [])),
  );
  return rows.map((row) =>
    present(
      row,
      today,
      versions.filter((version) => version.subscriptionId === row.id).map(versionOf),
      prices.filter((change) => change.subscriptionId === row.id),
      periods.filter((period) => period.subscriptionId === row.id),
      numbers,
    ),
  );
}

export async function presentSubscription(
  ctx: Pick<TenantContext, 'tenantId' | 'tx'>,
  row: SubscriptionRow,
  today: CalendarDate,
): Promise<Subscription> {
  return (await presentSubscriptions(ctx, [row], today))[0]!;
}

function present(
  row: SubscriptionRow,
  today: CalendarDate,
  versions: LineVersion[],
  prices: PriceChangeRow[],
  periods: PeriodRow[],
  numbers: Map<string, string | null>,
): Subscription {
  const schedule = scheduleOf(row);
  const current = currentVersions(versions, row, today);
  const next = rangeFrom(schedule, row.nextPeriodStart);
  return {
    object: 'subscription',
    id: row.id,
    customer_id: customerIdOf(row),
    customer_name: row.customerName,
    name: row.name,
    status: statusOf(row, today),
    lines: current.map((version) => ({
      ...version.fields,
      line_key: version.lineKey,
      line_total: formatAmount(fullPeriodAmount(version.fields)),
      monthly_amount: formatAmount(monthlyAmount(version.fields, row.intervalMonths)),
    })),
    interval_months: row.intervalMonths,
    billing: row.billing,
    alignment: row.alignment,
    invoice_date_rule: row.invoiceDateRule,
    invoice_days_before: row.invoiceDaysBefore,
    start_date: row.startDate,
    end_date: row.endDate,
    cancelled_at: row.cancelledAt?.toISOString() ?? null,
    notice_period_months: row.noticePeriodMonths,
    payment_method: row.paymentMethod,
    mandate_id: row.mandateId,
    payment_term_days: row.paymentTermDays,
    group_invoices: row.groupInvoices,
    buyer_reference: row.buyerReference,
    invoice_note: row.invoiceNote,
    next_period: next ? { start: next.start, end: next.end } : null,
    next_invoice_date: nextInvoiceDate(schedule, row.nextPeriodStart),
    billed_through: periods.length ? periods[periods.length - 1]!.periodEnd : null,
    monthly_amount: formatAmount(monthlyCents(current, row.intervalMonths)),
    price_changes: prices.map((change) => ({
      id: change.id,
      line_key: change.lineKey,
      description: change.description,
      unit_price: change.unitPrice,
      previous_unit_price: change.previousUnitPrice,
      requested_from: change.requestedFrom,
      applies_from: change.appliesFrom,
      announced_at: change.announcedAt?.toISOString() ?? null,
      reason: change.reason,
    })),
    billed_periods: periods.map((period) => ({
      start: period.periodStart,
      end: period.periodEnd,
      amount_excl_vat: formatAmount(period.amountExclVat),
      invoice_id: period.invoiceId,
      invoice_number: period.invoiceId ? (numbers.get(period.invoiceId) ?? null) : null,
      billed_at: period.billedAt.toISOString(),
    })),
    platform_tenant_id: row.platformTenantId,
    version: row.version,
    created_at: row.createdAt.toISOString(),
  };
}

type ResolvedLine = Awaited<ReturnType<typeof resolveDocumentLines>>[number];

/** A line as the invoices' line lookup resolved it, as the fields a version keeps. */
export function fieldsOfResolved(line: ResolvedLine): DocumentLineFields {
  return {
    kind: line.kind ?? 'item',
    product_id: line.productId ?? null,
    product_code: line.productCode ?? null,
    description: line.description,
    quantity: line.quantity ?? '1',
    unit_code: line.unitCode ?? 'C62',
    unit_price: line.unitPrice ?? '0.0000',
    vat_rate: line.vatRate ?? null,
    vat_category: (line.vatCategory ?? 'S') as DocumentLineFields['vat_category'],
    discount_percent: line.discountPercent ?? null,
    discount_amount: line.discountAmount ?? null,
  };
}

/** A version as the table stores it (also as the export archive brings it back). */
export function lineRowOf(tenantId: string, subscriptionId: string, version: LineVersion): NewSubscriptionLineRow {
  return {
    tenantId,
    subscriptionId,
    lineKey: version.lineKey,
    position: version.position,
    validFrom: version.validFrom,
    validUntil: version.validUntil,
    ...storedLineFieldsOf(version.fields),
  };
}
