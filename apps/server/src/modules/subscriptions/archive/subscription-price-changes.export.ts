import { parseUnitPrice } from '@clientbox/contracts';
import { z } from 'zod';
import {
  decimalText,
  isoDate,
  nullableText,
  parseArchiveRowsWithIds,
  timestamp,
} from '../../../kernel/export/archive-rows.ts';
import { rejectMissingReferences } from '../../../kernel/export/archive-tables.ts';
import type { ImportableExporter } from '../../../kernel/export/export-registry.ts';
import { ENTITIES } from './archive-rows.ts';
import { allPriceChangeRows, hasArchiveRows, insertPriceChangeRows } from './subscription-archive.repository.ts';

const unitPrice = decimalText(parseUnitPrice);

const priceChangeRow = z.strictObject({
  id: z.uuid(),
  subscription_id: z.uuid(),
  line_key: z.uuid(),
  description: z.string(),
  unit_price: unitPrice,
  previous_unit_price: unitPrice,
  requested_from: isoDate,
  applies_from: isoDate,
  reason: nullableText,
  announced_at: timestamp.nullable(),
  created_at: timestamp,
});
type PriceChangeArchiveRow = z.output<typeof priceChangeRow>;

/**
 * Every announced price, with when the customer was told (`announced_at`). An import announces
 * nothing again: a notice still unsent in the exporting tenant stays unsent (its e-mail job was
 * that tenant's), and the new price applies from `applies_from` as agreed.
 */
export const subscriptionPriceChangesExporter: ImportableExporter<PriceChangeArchiveRow> = {
  entity: ENTITIES.priceChanges,
  csv: true,
  importAfter: [ENTITIES.subscriptions],
  columns: Object.keys(priceChangeRow.shape) as (keyof PriceChangeArchiveRow)[],

  async export(ctx) {
    return (await allPriceChangeRows(ctx.tx, ctx.tenantId)).map((row) => ({
      id: row.id,
      subscription_id: row.subscriptionId,
      line_key: row.lineKey,
      description: row.description,
      unit_price: row.unitPrice,
      previous_unit_price: row.previousUnitPrice,
      requested_from: row.requestedFrom,
      applies_from: row.appliesFrom,
      reason: row.reason,
      announced_at: row.announcedAt?.toISOString() ?? null,
      created_at: row.createdAt.toISOString(),
    }));
  },

  hasData: ({ tenantId, tx }) => hasArchiveRows(tx, tenantId, 'subscriptions'),

  async import(ctx, rows) {
    const parsed = parseArchiveRowsWithIds(ENTITIES.priceChanges, priceChangeRow, rows);
    await rejectMissingReferences(ENTITIES.priceChanges, 'belongs to a subscription the archive does not hold', () =>
      insertPriceChangeRows(
        ctx.tx,
        parsed.map((row) => ({
          tenantId: ctx.tenantId,
          id: row.id,
          subscriptionId: row.subscription_id,
          lineKey: row.line_key,
          description: row.description,
          unitPrice: row.unit_price,
          previousUnitPrice: row.previous_unit_price,
          requestedFrom: row.requested_from,
          appliesFrom: row.applies_from,
          reason: row.reason,
          announcedAt: row.announced_at ? new Date(row.announced_at) : null,
          createdAt: new Date(row.created_at),
        })),
      ),
    );
  },
};
