import {
  CHARGE_RULES,
  formatAmount,
  parseAmount,
  REMINDER_MODES,
  reminderClause,
  updateReminderSettings,
} from '@clientbox/contracts';
import { z } from 'zod';
import { decimalText, invalidArchive, parseArchiveRows, timestamp } from '../../../../kernel/export/archive-rows.ts';
import { hasTenantRows } from '../../../../kernel/export/archive-tables.ts';
import type { ImportableExporter } from '../../../../kernel/export/export-registry.ts';
import { reminderSettings } from '../../reminders.tables.ts';
import { findReminderSettings, insertReminderSettingsRow } from '../reminders.repository.ts';

const ENTITY = 'receivables.reminder_settings';

/** The schedule as the archive holds it; the levels as the API takes them (1–5, days ascending). */
const settingsRow = z.strictObject({
  mode: z.enum(REMINDER_MODES),
  charges: z.enum(CHARGE_RULES),
  clause_interest_percent: reminderClause.shape.interest_percent_per_started_month,
  clause_costs_percent: reminderClause.shape.costs_percent,
  clause_costs_minimum: decimalText(parseAmount),
  invoice_charges: z.boolean(),
  // Archives made before the fee existed lack the column: no fee.
  failed_collection_fee: decimalText(parseAmount).default('0.00'),
  levels: updateReminderSettings.shape.levels.unwrap(),
  updated_at: timestamp,
});
type SettingsArchiveRow = z.input<typeof settingsRow>;

/**
 * The tenant's reminder schedule and charges: one row, or none while the defaults apply (an
 * import then keeps the defaults too).
 */
export const reminderSettingsExporter: ImportableExporter<SettingsArchiveRow> = {
  entity: ENTITY,
  csv: true,
  columns: Object.keys(settingsRow.shape) as (keyof SettingsArchiveRow)[],

  async export(ctx) {
    const row = await findReminderSettings(ctx.tx, ctx.tenantId);
    if (!row) return [];
    return [
      {
        mode: row.mode,
        charges: row.charges,
        clause_interest_percent: row.clauseInterestPercent,
        clause_costs_percent: row.clauseCostsPercent,
        clause_costs_minimum: formatAmount(row.clauseCostsMinimum),
        invoice_charges: row.invoiceCharges,
        failed_collection_fee: formatAmount(row.failedCollectionFee),
        levels: row.levels,
        updated_at: row.updatedAt.toISOString(),
      },
    ];
  },

  hasData: ({ tenantId, tx }) => hasTenantRows(tx, reminderSettings, tenantId),

  async import(ctx, rows) {
    const [row, ...more] = parseArchiveRows(ENTITY, settingsRow, rows);
    if (more.length > 0) throw invalidArchive(ENTITY, 'a tenant has one reminder schedule');
    if (!row) return;
    const costsMinimum = parseAmount(row.clause_costs_minimum);
    const failedCollectionFee = parseAmount(row.failed_collection_fee);
    if (costsMinimum < 0n || failedCollectionFee < 0n)
      throw invalidArchive(ENTITY, 'row 1: clause_costs_minimum and failed_collection_fee must not be negative');
    await insertReminderSettingsRow(ctx.tx, {
      tenantId: ctx.tenantId,
      mode: row.mode,
      charges: row.charges,
      clauseInterestPercent: row.clause_interest_percent,
      clauseCostsPercent: row.clause_costs_percent,
      clauseCostsMinimum: costsMinimum,
      invoiceCharges: row.invoice_charges,
      failedCollectionFee,
      levels: row.levels,
      updatedAt: new Date(row.updated_at),
    });
  },
};
