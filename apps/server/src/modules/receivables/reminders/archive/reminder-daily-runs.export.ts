import { z } from 'zod';
import { invalidArchive, isoDate, parseArchiveRows, timestamp } from '../../../../kernel/export/archive-rows.ts';
import type { ImportableExporter } from '../../../../kernel/export/export-registry.ts';
import { allDailyRunRows, insertDailyRunRows } from '../reminders.repository.ts';

const ENTITY = 'receivables.reminder_daily_runs';

const dailyRunRow = z.strictObject({
  run_on: isoDate,
  sent: z.number().int().min(0),
  created_at: timestamp,
});
type DailyRunArchiveRow = z.output<typeof dailyRunRow>;

/**
 * The days the daily job ran and how many letters each run wrote. Restored so that the imported
 * tenant does not run again a day the exporting one already ran (today's, typically); a day the
 * importing tenant already claimed itself keeps its own claim.
 */
export const reminderDailyRunsExporter: ImportableExporter<DailyRunArchiveRow> = {
  entity: ENTITY,
  csv: true,
  importAfter: ['receivables.reminders'],
  columns: Object.keys(dailyRunRow.shape) as (keyof DailyRunArchiveRow)[],

  async export(ctx) {
    return (await allDailyRunRows(ctx.tx, ctx.tenantId)).map((row) => ({
      run_on: row.runOn,
      sent: row.sent,
      created_at: row.createdAt.toISOString(),
    }));
  },

  // Operational state the daily job writes by itself, never data a user entered: it does not make a
  // tenant "not empty" (the schedule and the letters do).
  hasData: async () => false,

  async import(ctx, rows) {
    const parsed = parseArchiveRows(ENTITY, dailyRunRow, rows);
    const days = new Set<string>();
    for (const [index, row] of parsed.entries()) {
      if (days.has(row.run_on)) throw invalidArchive(ENTITY, `row ${index + 1}: the day ${row.run_on} occurs twice`);
      days.add(row.run_on);
    }
    await insertDailyRunRows(
      ctx.tx,
      parsed.map((row) => ({
        tenantId: ctx.tenantId,
        runOn: row.run_on,
        sent: row.sent,
        createdAt: new Date(row.created_at),
      })),
    );
  },
};
