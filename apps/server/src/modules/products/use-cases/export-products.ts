import type { Product, ProductExportQuery } from '@clientbox/contracts';
import { recordAuditEvent } from '../../../kernel/audit/audit-log.ts';
import { numberCell, type SpreadsheetCell, toSpreadsheet } from '../../../kernel/export/to-spreadsheet.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { toProductDto } from '../products.dto.ts';
import { listAllProductRows } from '../products.repository.ts';
import { loadVatRates } from './load-vat-rates.ts';

/** More than a small business's catalogue; beyond it the archive export (art. 17) has everything. */
export const EXPORT_MAX_ROWS = 50_000;

/** The columns carry the API's field names, so the file can be imported again as it is. */
export const EXPORT_COLUMNS = [
  'code',
  'name',
  'description',
  'unit_code',
  'unit_price',
  'purchase_price',
  'vat_category',
  'vat_rate',
  'vat_rate_class',
  'revenue_account',
  'category',
  'recurring_period',
  'archived',
] as const satisfies readonly (keyof Product)[];

/** Prices as numbers, so a spreadsheet can sum them; codes stay text ("0012" keeps its zeros). */
const NUMBER_FORMATS: Partial<Record<(typeof EXPORT_COLUMNS)[number], string>> = {
  unit_price: '0.00##',
  purchase_price: '0.00##',
  vat_rate: '0.##',
};

function productCells(product: Product): Record<string, SpreadsheetCell> {
  return Object.fromEntries(
    EXPORT_COLUMNS.map((column) => {
      const value = product[column];
      const numberFormat = NUMBER_FORMATS[column];
      if (value === null || typeof value === 'boolean') return [column, value];
      return [column, numberFormat ? numberCell(String(value), numberFormat) : String(value)];
    }),
  );
}

/** The (filtered) list as a CSV (UTF-8 with BOM, RFC 4180) or an XLSX workbook. */
export async function exportProducts(
  ctx: TenantContext,
  query: ProductExportQuery,
): Promise<{ fileName: string; contentType: string; bytes: Buffer; count: number }> {
  const rows = await listAllProductRows(ctx.tx, ctx.tenantId, { ...query, max: EXPORT_MAX_ROWS });
  const { rates, today } = await loadVatRates(ctx);
  const products = rows.map((row) => toProductDto(row, rates, today));
  const file = await toSpreadsheet(products.map(productCells), EXPORT_COLUMNS, query.format, 'Products');
  await recordAuditEvent(ctx, {
    action: 'products.exported',
    targetType: 'product',
    details: { format: query.format, count: products.length },
  });
  return { ...file, fileName: `products-${today}.${query.format}`, count: products.length };
}
