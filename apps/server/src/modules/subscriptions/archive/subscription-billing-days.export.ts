import { z } from 'zod';
import { invalidArchive, isoDate, parseArchiveRows, timestamp } from '../../../kernel/export/archive-rows.ts';
import type { ImportableExporter } from '../../../kernel/export/export-registry.ts';
import { ENTITIES } from './archive-rows.ts';
import { allBillingDayRows, insertBillingDayRows } from './subscription-archive.repository.ts';

const billingDayRow = z.strictObject({
  run_on: isoDate,
  created_at: timestamp,
});
type BillingDayArchiveRow = z.output<typeof billingDayRow>;

/**
 * The days the daily billing run was started. Restored so that the imported tenant does not start
 * it again on a day the exporting one already did (harmless, as a run never bills a period twice,
 * but it is the same day's work). The job run it started belongs to the old tenant: not exported.
 */
export const subscriptionBillingDaysExporter: ImportableExporter<BillingDayArchiveRow> = {
  entity: ENTITIES.billingDays,
  csv: true,
  importAfter: [ENTITIES.subscriptions],
  columns: Object.keys(billingDayRow.shape) as (keyof BillingDayArchiveRow)[],

  async export(ctx) {
    return (await allBillingDayRows(ctx.tx, ctx.tenantId)).map((row) => ({
      run_on: row.runOn,
      created_at: row.createdAt.toISOString(),
    }));
  },

  // Operational state the daily job writes by itself, never data a user entered: it does not make a
  // tenant "not empty" (the subscriptions do).
  hasData: async () => false,

  async import(ctx, rows) {
    const parsed = parseArchiveRows(ENTITIES.billingDays, billingDayRow, rows);
    const days = new Set<string>();
    for (const [index, row] of parsed.entries()) {
      if (days.has(row.run_on))
        throw invalidArchive(ENTITIES.billingDays, `row ${index + 1}: the day ${row.run_on} occurs twice`);
      days.add(row.run_on);
    }
    await insertBillingDayRows(
      ctx.tx,
      parsed.map((row) => ({ tenantId: ctx.tenantId, runOn: row.run_on, createdAt: new Date(row.created_at) })),
    );
  },
};
