import { formatAmount, parseAmount, parseQuantity, VAT_CATEGORIES } from '@clientbox/contracts';
import { z } from 'zod';
import {
  decimalText,
  invalidArchive,
  isoDate,
  parseArchiveRowsWithIds,
  timestamp,
} from '../../../kernel/export/archive-rows.ts';
import { rejectMissingReferences } from '../../../kernel/export/archive-tables.ts';
import type { ImportableExporter } from '../../../kernel/export/export-registry.ts';
import { ENTITIES } from './archive-rows.ts';
import { allAdjustmentRows, hasArchiveRows, insertAdjustmentRows } from './subscription-archive.repository.ts';

const adjustmentRow = z.strictObject({
  id: z.uuid(),
  subscription_id: z.uuid(),
  period_start: isoDate,
  period_end: isoDate,
  from_date: isoDate,
  until_date: isoDate,
  line_key: z.uuid(),
  description: z.string(),
  amount: decimalText(parseAmount),
  vat_rate: decimalText(parseQuantity).nullable(),
  vat_category: z.enum(VAT_CATEGORIES),
  invoice_id: z.uuid().nullable(),
  settled_at: timestamp.nullable(),
  created_at: timestamp,
});
type AdjustmentArchiveRow = z.output<typeof adjustmentRow>;

/**
 * Differences for periods already invoiced (changes charged by day, an unused part credited),
 * settled ones with the invoice or credit note that billed them. One still pending
 * (`settled_at` null) is billed by the importing tenant's next run, as it would have been here.
 */
export const subscriptionAdjustmentsExporter: ImportableExporter<AdjustmentArchiveRow> = {
  entity: ENTITIES.adjustments,
  csv: true,
  importAfter: [ENTITIES.subscriptions, 'invoices.invoices'],
  columns: Object.keys(adjustmentRow.shape) as (keyof AdjustmentArchiveRow)[],

  async export(ctx) {
    return (await allAdjustmentRows(ctx.tx, ctx.tenantId)).map((row) => ({
      id: row.id,
      subscription_id: row.subscriptionId,
      period_start: row.periodStart,
      period_end: row.periodEnd,
      from_date: row.fromDate,
      until_date: row.untilDate,
      line_key: row.lineKey,
      description: row.description,
      amount: formatAmount(row.amount),
      vat_rate: row.vatRate,
      // The table holds only categories the API accepted.
      vat_category: row.vatCategory as AdjustmentArchiveRow['vat_category'],
      invoice_id: row.invoiceId,
      settled_at: row.settledAt?.toISOString() ?? null,
      created_at: row.createdAt.toISOString(),
    }));
  },

  hasData: ({ tenantId, tx }) => hasArchiveRows(tx, tenantId, 'subscriptions'),

  async import(ctx, rows) {
    const parsed = parseArchiveRowsWithIds(ENTITIES.adjustments, adjustmentRow, rows);
    const zero = parsed.findIndex((row) => parseAmount(row.amount) === 0n);
    if (zero >= 0) throw invalidArchive(ENTITIES.adjustments, `row ${zero + 1}: an adjustment of nothing`);
    await rejectMissingReferences(
      ENTITIES.adjustments,
      'refers to a subscription or invoice the archive does not hold',
      () =>
        insertAdjustmentRows(
          ctx.tx,
          parsed.map((row) => ({
            tenantId: ctx.tenantId,
            id: row.id,
            subscriptionId: row.subscription_id,
            periodStart: row.period_start,
            periodEnd: row.period_end,
            fromDate: row.from_date,
            untilDate: row.until_date,
            lineKey: row.line_key,
            description: row.description,
            amount: parseAmount(row.amount),
            vatRate: row.vat_rate,
            vatCategory: row.vat_category,
            invoiceId: row.invoice_id,
            settledAt: row.settled_at ? new Date(row.settled_at) : null,
            createdAt: new Date(row.created_at),
          })),
        ),
    );
  },
};
