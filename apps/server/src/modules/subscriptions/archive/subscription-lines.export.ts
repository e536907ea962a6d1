import { parseAmount, parseQuantity, parseUnitPrice, VAT_CATEGORIES } from '@clientbox/contracts';
import { z } from 'zod';
import {
  decimalText,
  invalidArchive,
  isoDate,
  nullableText,
  parseArchiveRowsWithIds,
} from '../../../kernel/export/archive-rows.ts';
import { rejectMissingReferences } from '../../../kernel/export/archive-tables.ts';
import type { ImportableExporter } from '../../../kernel/export/export-registry.ts';
import { lineFieldsOf } from '../../invoices/index.ts';
import { lineRowOf } from '../use-cases/subscription-parts.ts';
import { ENTITIES } from './archive-rows.ts';
import { allLineRows, hasArchiveRows, insertLineRows } from './subscription-archive.repository.ts';

/** A line version: which line it is (`line_key`), the days it holds, and the document line columns. */
const lineRow = z.strictObject({
  id: z.uuid(),
  subscription_id: z.uuid(),
  line_key: z.uuid(),
  position: z.number().int().min(0).max(10_000),
  valid_from: isoDate,
  valid_until: isoDate.nullable(),
  kind: z.enum(['item', 'text', 'heading']),
  product_id: z.uuid().nullable(),
  product_code: nullableText,
  description: z.string().max(2000),
  quantity: decimalText(parseQuantity),
  unit_code: z.string().min(1).max(3),
  unit_price: decimalText(parseUnitPrice),
  vat_rate: decimalText(parseQuantity).nullable(),
  vat_category: z.enum(VAT_CATEGORIES),
  discount_percent: decimalText(parseQuantity).nullable(),
  discount_amount: decimalText(parseAmount).nullable(),
});
type LineArchiveRow = z.output<typeof lineRow>;

/**
 * Every version of every line, closed ones included: a past period is computed again from the
 * versions that ran in it (a change charges only the difference with what was invoiced).
 */
export const subscriptionLinesExporter: ImportableExporter<LineArchiveRow> = {
  entity: ENTITIES.lines,
  csv: true,
  importAfter: [ENTITIES.subscriptions, 'products.products'],
  columns: Object.keys(lineRow.shape) as (keyof LineArchiveRow)[],

  async export(ctx) {
    return (await allLineRows(ctx.tx, ctx.tenantId)).map((row) => ({
      id: row.id,
      subscription_id: row.subscriptionId,
      line_key: row.lineKey,
      position: row.position,
      valid_from: row.validFrom,
      valid_until: row.validUntil,
      ...lineFieldsOf(row),
    }));
  },

  // The subscriptions decide whether the tenant holds data: lines never exist without one.
  hasData: ({ tenantId, tx }) => hasArchiveRows(tx, tenantId, 'subscriptions'),

  async import(ctx, rows) {
    const parsed = parseArchiveRowsWithIds(ENTITIES.lines, lineRow, rows);
    const backwards = parsed.findIndex((row) => row.valid_until !== null && row.valid_until < row.valid_from);
    if (backwards >= 0) throw invalidArchive(ENTITIES.lines, `row ${backwards + 1}: valid_until before valid_from`);
    await rejectMissingReferences(ENTITIES.lines, 'belongs to a subscription the archive does not hold', () =>
      insertLineRows(
        ctx.tx,
        parsed.map(({ id, subscription_id, line_key, position, valid_from, valid_until, ...fields }) => ({
          id,
          ...lineRowOf(ctx.tenantId, subscription_id, {
            lineKey: line_key,
            position,
            validFrom: valid_from,
            validUntil: valid_until,
            fields,
          }),
        })),
      ),
    );
  },
};
