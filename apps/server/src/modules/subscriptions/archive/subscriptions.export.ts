import {
  BILLING_TIMINGS,
  INVOICE_DATE_RULES,
  PERIOD_ALIGNMENTS,
  SUBSCRIPTION_PAYMENT_METHODS,
} from '@clientbox/contracts';
import { z } from 'zod';
import {
  invalidArchive,
  isoDate,
  nullableText,
  parseArchiveRowsWithIds,
  timestamp,
} from '../../../kernel/export/archive-rows.ts';
import { rejectMissingReferences } from '../../../kernel/export/archive-tables.ts';
import type { ImportableExporter } from '../../../kernel/export/export-registry.ts';
import { ENTITIES } from './archive-rows.ts';
import { allSubscriptionRows, hasArchiveRows, insertSubscriptionRows } from './subscription-archive.repository.ts';

/** A subscription as the archive holds it, with its billing cursor (`next_period_start`, `next_invoice_on`). */
const subscriptionRow = z.strictObject({
  id: z.uuid(),
  organization_id: z.uuid().nullable(),
  person_id: z.uuid().nullable(),
  customer_name: z.string(),
  name: z.string().min(1),
  interval_months: z.number().int().min(1).max(36),
  billing: z.enum(BILLING_TIMINGS),
  alignment: z.enum(PERIOD_ALIGNMENTS),
  invoice_date_rule: z.enum(INVOICE_DATE_RULES),
  invoice_days_before: z.number().int().min(0),
  start_date: isoDate,
  end_date: isoDate.nullable(),
  cancelled_at: timestamp.nullable(),
  cancel_reason: nullableText,
  notice_period_months: z.number().int().min(0),
  payment_method: z.enum(SUBSCRIPTION_PAYMENT_METHODS),
  mandate_id: z.uuid().nullable(),
  payment_term_days: z.number().int().min(0).nullable(),
  group_invoices: z.boolean(),
  buyer_reference: nullableText,
  invoice_note: nullableText,
  next_period_start: isoDate,
  next_invoice_on: isoDate.nullable(),
  platform_tenant_id: z.uuid().nullable(),
  version: z.number().int().min(1),
  created_at: timestamp,
  updated_at: timestamp,
});
type SubscriptionArchiveRow = z.output<typeof subscriptionRow>;

/** What a row must agree on (the table's checks, named so the uploader sees which row is wrong). */
function inconsistency(row: SubscriptionArchiveRow): string | null {
  if (row.organization_id && row.person_id) return 'two customers';
  if (row.end_date && row.end_date < row.start_date) return 'end_date before start_date';
  return null;
}

/**
 * Every subscription, ended ones included, with where billing stands: the cursor moves only when
 * a period's invoice is issued, so an imported tenant goes on from the first period not invoiced
 * and never bills one twice. `platform_tenant_id` (the operator's own billing) is kept as it was:
 * see `modules/subscriptions/README.md`.
 */
export const subscriptionsExporter: ImportableExporter<SubscriptionArchiveRow> = {
  entity: ENTITIES.subscriptions,
  csv: true,
  importAfter: ['crm.organizations', 'crm.persons', 'receivables.mandates'],
  columns: Object.keys(subscriptionRow.shape) as (keyof SubscriptionArchiveRow)[],

  async export(ctx) {
    return (await allSubscriptionRows(ctx.tx, ctx.tenantId)).map((row) => ({
      id: row.id,
      organization_id: row.organizationId,
      person_id: row.personId,
      customer_name: row.customerName,
      name: row.name,
      interval_months: row.intervalMonths,
      billing: row.billing,
      alignment: row.alignment,
      invoice_date_rule: row.invoiceDateRule,
      invoice_days_before: row.invoiceDaysBefore,
      start_date: row.startDate,
      end_date: row.endDate,
      cancelled_at: row.cancelledAt?.toISOString() ?? null,
      cancel_reason: row.cancelReason,
      notice_period_months: row.noticePeriodMonths,
      payment_method: row.paymentMethod,
      mandate_id: row.mandateId,
      payment_term_days: row.paymentTermDays,
      group_invoices: row.groupInvoices,
      buyer_reference: row.buyerReference,
      invoice_note: row.invoiceNote,
      next_period_start: row.nextPeriodStart,
      next_invoice_on: row.nextInvoiceOn,
      platform_tenant_id: row.platformTenantId,
      version: row.version,
      created_at: row.createdAt.toISOString(),
      updated_at: row.updatedAt.toISOString(),
    }));
  },

  hasData: ({ tenantId, tx }) => hasArchiveRows(tx, tenantId, 'subscriptions'),

  async import(ctx, rows) {
    const parsed = parseArchiveRowsWithIds(ENTITIES.subscriptions, subscriptionRow, rows);
    for (const [index, row] of parsed.entries()) {
      const problem = inconsistency(row);
      if (problem) throw invalidArchive(ENTITIES.subscriptions, `row ${index + 1}: ${problem}`);
    }
    await rejectMissingReferences(
      ENTITIES.subscriptions,
      'refers to a customer or mandate the archive does not hold',
      () =>
        insertSubscriptionRows(
          ctx.tx,
          parsed.map((row) => ({
            tenantId: ctx.tenantId,
            id: row.id,
            organizationId: row.organization_id,
            personId: row.person_id,
            customerName: row.customer_name,
            name: row.name,
            intervalMonths: row.interval_months,
            billing: row.billing,
            alignment: row.alignment,
            invoiceDateRule: row.invoice_date_rule,
            invoiceDaysBefore: row.invoice_days_before,
            startDate: row.start_date,
            endDate: row.end_date,
            cancelledAt: row.cancelled_at ? new Date(row.cancelled_at) : null,
            cancelReason: row.cancel_reason,
            noticePeriodMonths: row.notice_period_months,
            paymentMethod: row.payment_method,
            mandateId: row.mandate_id,
            paymentTermDays: row.payment_term_days,
            groupInvoices: row.group_invoices,
            buyerReference: row.buyer_reference,
            invoiceNote: row.invoice_note,
            nextPeriodStart: row.next_period_start,
            nextInvoiceOn: row.next_invoice_on,
            platformTenantId: row.platform_tenant_id,
            version: row.version,
            createdAt: new Date(row.created_at),
            updatedAt: new Date(row.updated_at),
          })),
        ),
    );
  },
};
