import { parseAmount, parseQuantity, parseUnitPrice, VAT_CATEGORIES } from '@clientbox/contracts';
import { z } from 'zod';
import type { ImportableExporter } from '../../../kernel/export/export-registry.ts';
import { decimalText, ENTITIES, invalid, parseRows } from './archive-rows.ts';
import { allLineRows, hasArchiveRows, insertLineRows, sentStateById } from './quote-archive.repository.ts';

const nullableText = z.string().nullable();

const lineRow = z.strictObject({
  quote_id: z.uuid(),
  position: z.number().int().min(0).max(10_000),
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
  is_optional: z.boolean(),
});
type LineArchiveRow = z.output<typeof lineRow>;

/**
 * The lines per version and position (a sent version's lines are also in its snapshot). Imported
 * while their quotes are still drafts.
 */
export const quoteLinesExporter: ImportableExporter<LineArchiveRow> = {
  entity: ENTITIES.lines,
  csv: true,
  importAfter: [ENTITIES.quotes],
  columns: Object.keys(lineRow.shape) as (keyof LineArchiveRow)[],

  async export({ tenantId, tx }) {
    return (await allLineRows(tx, tenantId)).map((row) => ({
      quote_id: row.quoteId,
      position: row.position,
      kind: row.kind,
      product_id: row.productId,
      product_code: row.productCode,
      description: row.description,
      quantity: row.quantity,
      unit_code: row.unitCode,
      unit_price: row.unitPrice,
      vat_rate: row.vatRate,
      vat_category: row.vatCategory as LineArchiveRow['vat_category'],
      discount_percent: row.discountPercent,
      discount_amount: row.discountAmount,
      is_optional: row.isOptional,
    }));
  },

  hasData: ({ tenantId, tx }) => hasArchiveRows(tx, tenantId, 'lines'),

  async import(ctx, rows) {
    const entity = ENTITIES.lines;
    const parsed = parseRows(entity, lineRow, rows);
    if (new Set(parsed.map((row) => `${row.quote_id}|${row.position}`)).size !== parsed.length)
      throw invalid(entity, 'a position occurs twice in one quote');
    const found = await sentStateById(
      ctx.tx,
      ctx.tenantId,
      parsed.map((row) => row.quote_id),
    );
    const orphan = parsed.findIndex((row) => !found.has(row.quote_id));
    if (orphan >= 0) throw invalid(entity, `row ${orphan + 1}: belongs to a quote the archive does not hold`);
    await insertLineRows(
      ctx.tx,
      parsed.map((row) => ({
        tenantId: ctx.tenantId,
        quoteId: row.quote_id,
        position: row.position,
        kind: row.kind,
        productId: row.product_id,
        productCode: row.product_code,
        description: row.description,
        quantity: row.quantity,
        unitCode: row.unit_code,
        unitPrice: row.unit_price,
        vatRate: row.vat_rate,
        vatCategory: row.vat_category,
        discountPercent: row.discount_percent,
        discountAmount: row.discount_amount,
        isOptional: row.is_optional,
      })),
    );
  },
};
