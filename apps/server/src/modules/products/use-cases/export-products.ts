import type { Product, ProductExportQuery } from '@clientbox/contracts';
import writeXlsxFile, { type Row } from 'write-excel-file/node';
import { recordAuditEvent } from '../../../kernel/audit/audit-log.ts';
import { toCsv } from '../../../kernel/export/to-csv.ts';
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

const NUMERIC = new Set<string>(['unit_price', 'purchase_price', 'vat_rate']);

function xlsxRows(products: Product[]): Row[] {
  const header: Row = EXPORT_COLUMNS.map((column) => ({ value: column, fontWeight: 'bold' as const }));
  const rows = products.map((product): Row =>
    EXPORT_COLUMNS.map((column) => {
      const value = product[column];
      if (value === null) return null;
      if (typeof value === 'boolean') return { value, type: Boolean };
      // Prices as numbers, so a spreadsheet can sum them; codes stay text ("0012" keeps its zeros).
      if (NUMERIC.has(column))
        return { value: Number(value), type: Number, format: column === 'vat_rate' ? '0.##' : '0.00##' };
      return { value: String(value), type: String };
    }),
  );
  return [header, ...rows];
}

/** The (filtered) list as a CSV (UTF-8 with BOM, RFC 4180) or an XLSX workbook. */
export async function exportProducts(
  ctx: TenantContext,
  query: ProductExportQuery,
): Promise<{ fileName: string; contentType: string; bytes: Buffer; count: number }> {
  const rows = await listAllProductRows(ctx.tx, ctx.tenantId, { ...query, max: EXPORT_MAX_ROWS });
  const { rates, today } = await loadVatRates(ctx);
  const products = rows.map((row) => toProductDto(row, rates, today));
  const bytes =
    query.format === 'xlsx'
      ? await writeXlsxFile(xlsxRows(products), { sheet: 'Products', stickyRowsCount: 1 }).toBuffer()
      : Buffer.from(toCsv(products, EXPORT_COLUMNS), 'utf8');
  await recordAuditEvent(ctx, {
    action: 'products.exported',
    targetType: 'product',
    details: { format: query.format, count: products.length },
  });
  return {
    fileName: `products-${today}.${query.format}`,
    contentType:
      query.format === 'xlsx'
        ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        : 'text/csv; charset=utf-8',
    bytes,
    count: products.length,
  };
}
