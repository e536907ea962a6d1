import { formatAmount, parseAmount } from '@clientbox/contracts';
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
import { allPeriodRows, hasArchiveRows, insertPeriodRows } from './subscription-archive.repository.ts';

const amount = decimalText(parseAmount);

/** A billed period; `billed_lines` is JSON text in the CSV copy. */
const periodRow = z.strictObject({
  id: z.uuid(),
  subscription_id: z.uuid(),
  period_start: isoDate,
  period_end: isoDate,
  invoice_date: isoDate,
  amount_excl_vat: amount,
  billed_lines: z.array(z.strictObject({ line_key: z.uuid(), amount })),
  invoice_id: z.uuid().nullable(),
  billed_at: timestamp,
});
type PeriodArchiveRow = z.output<typeof periodRow>;

/**
 * Every invoiced period with the invoice it went on (the same invoice ids as `invoices.invoices`)
 * and what each line came to. With the subscriptions' cursor it is what keeps an imported tenant
 * from billing a period again, and what a later change charges or credits the difference against.
 */
export const subscriptionPeriodsExporter: ImportableExporter<PeriodArchiveRow> = {
  entity: ENTITIES.periods,
  csv: true,
  importAfter: [ENTITIES.subscriptions, 'invoices.invoices'],
  columns: Object.keys(periodRow.shape) as (keyof PeriodArchiveRow)[],

  async export(ctx) {
    return (await allPeriodRows(ctx.tx, ctx.tenantId)).map((row) => ({
      id: row.id,
      subscription_id: row.subscriptionId,
      period_start: row.periodStart,
      period_end: row.periodEnd,
      invoice_date: row.invoiceDate,
      amount_excl_vat: formatAmount(row.amountExclVat),
      billed_lines: row.billedLines,
      invoice_id: row.invoiceId,
      billed_at: row.billedAt.toISOString(),
    }));
  },

  hasData: ({ tenantId, tx }) => hasArchiveRows(tx, tenantId, 'subscriptions'),

  async import(ctx, rows) {
    const parsed = parseArchiveRowsWithIds(ENTITIES.periods, periodRow, rows);
    const starts = new Set<string>();
    for (const [index, row] of parsed.entries()) {
      const start = `${row.subscription_id}|${row.period_start}`;
      const problem =
        row.period_end < row.period_start
          ? 'period_end before period_start'
          : starts.has(start)
            ? 'a subscription has this period twice'
            : null;
      if (problem) throw invalidArchive(ENTITIES.periods, `row ${index + 1}: ${problem}`);
      starts.add(start);
    }
    await rejectMissingReferences(
      ENTITIES.periods,
      'refers to a subscription or invoice the archive does not hold',
      () =>
        insertPeriodRows(
          ctx.tx,
          parsed.map((row) => ({
            tenantId: ctx.tenantId,
            id: row.id,
            subscriptionId: row.subscription_id,
            periodStart: row.period_start,
            periodEnd: row.period_end,
            invoiceDate: row.invoice_date,
            amountExclVat: parseAmount(row.amount_excl_vat),
            billedLines: row.billed_lines,
            invoiceId: row.invoice_id,
            billedAt: new Date(row.billed_at),
          })),
        ),
    );
  },
};
