import { z } from 'zod';
import { invalidArchive, parseArchiveRows, timestamp } from '../../../kernel/export/archive-rows.ts';
import type { ImportableExporter } from '../../../kernel/export/export-registry.ts';
import { ENTITIES } from './archive-rows.ts';
import { findSettingsRow, hasArchiveRows, insertSettingsRow } from './subscription-archive.repository.ts';

/** The same bounds as `PATCH /api/v1/subscription_settings`. */
const settingsRow = z.strictObject({
  price_notice_months: z.number().int().min(0).max(12),
  billing_mode: z.enum(['automatic', 'off']),
  updated_at: timestamp,
});
type SettingsArchiveRow = z.output<typeof settingsRow>;

/** The tenant's notice time for price changes and billing mode: one row, or none while the defaults apply. */
export const subscriptionSettingsExporter: ImportableExporter<SettingsArchiveRow> = {
  entity: ENTITIES.settings,
  csv: true,
  columns: Object.keys(settingsRow.shape) as (keyof SettingsArchiveRow)[],

  async export(ctx) {
    const row = await findSettingsRow(ctx.tx, ctx.tenantId);
    if (!row) return [];
    return [
      {
        price_notice_months: row.priceNoticeMonths,
        billing_mode: row.billingMode,
        updated_at: row.updatedAt.toISOString(),
      },
    ];
  },

  hasData: ({ tenantId, tx }) => hasArchiveRows(tx, tenantId, 'settings'),

  async import(ctx, rows) {
    const [row, ...more] = parseArchiveRows(ENTITIES.settings, settingsRow, rows);
    if (more.length > 0) throw invalidArchive(ENTITIES.settings, 'a tenant has one set of subscription settings');
    if (!row) return;
    await insertSettingsRow(ctx.tx, {
      tenantId: ctx.tenantId,
      priceNoticeMonths: row.price_notice_months,
      billingMode: row.billing_mode,
      updatedAt: new Date(row.updated_at),
    });
  },
};
