import {
  createProduct,
  type FieldError,
  PRODUCT_IMPORT_FIELDS,
  type ProductImportField,
  type ProductImportMapping,
  REQUIRED_IMPORT_FIELDS,
  updateProduct,
} from '@clientbox/contracts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import { fieldErrorsFromZod } from '../../../kernel/errors/problem-response.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { proposeMapping, rowToInput } from '../domain/import-columns.ts';
import { type CsvDelimiter, decodeText, parseCsv } from '../../../kernel/csv/parse-csv.ts';
import { resolveVatChoice } from '../domain/resolve-vat.ts';
import { toProductChanges } from '../products.dto.ts';
import {
  findProductsByCodes,
  type ProductChanges,
  type ProductRow,
  type ProductValues,
} from '../products.repository.ts';
import { loadVatRates } from './load-vat-rates.ts';
import { changedFields, productChangesFor } from '../product-changes.ts';

export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 10_000;

/** What one data row of the file would do: create a product, update the one with its code, or nothing (errors). */
export type PlannedRow =
  | { line: number; code: string | null; action: 'create'; values: ProductValues; errors: [] }
  | {
      line: number;
      code: string;
      action: 'update';
      current: ProductRow;
      changes: ProductChanges;
      fields: string[];
      errors: [];
    }
  | { line: number; code: string | null; action: 'error'; errors: FieldError[] };

export interface ImportPlan {
  delimiter: CsvDelimiter;
  columns: { name: string; samples: string[] }[];
  mapping: Record<ProductImportField, string | null>;
  /** False when code, name or price has no column yet: the rows are not checked then. */
  isMappingComplete: boolean;
  rows: PlannedRow[];
}

const invalidFile = (code: string, detail: string) =>
  new AppError('validation_failed', { detail, fields: [{ field: 'file', code, message: code }] });

function checkMapping(mapping: ProductImportMapping, headers: string[]): Record<ProductImportField, string | null> {
  const errors: FieldError[] = [];
  const complete = {} as Record<ProductImportField, string | null>;
  for (const field of PRODUCT_IMPORT_FIELDS) {
    const column = mapping[field] ?? null;
    if (column !== null && !headers.includes(column))
      errors.push({ field: `mapping.${field}`, code: 'column_not_found', message: `no column "${column}"` });
    complete[field] = column;
  }
  for (const field of REQUIRED_IMPORT_FIELDS)
    if (!complete[field]) errors.push({ field: `mapping.${field}`, code: 'required', message: 'required' });
  if (errors.length > 0) throw new AppError('validation_failed', { fields: errors });
  return complete;
}

/**
 * Reads a CSV and decides per row what an import would do, writing nothing: the preview shows
 * this plan and the commit carries it out. A row whose code exists updates that product with
 * the mapped columns; a new code creates one. Each row is checked with the same schemas and
 * VAT rules as the API, so an import cannot store what a request could not.
 */
export async function planProductImport(
  ctx: TenantContext,
  bytes: Uint8Array,
  requestedMapping: ProductImportMapping | undefined,
): Promise<ImportPlan> {
  const { delimiter, records } = parseCsv(decodeText(bytes));
  const [header, ...data] = records;
  if (!header) throw invalidFile('empty_file', 'The file has no header row.');
  if (data.length > IMPORT_MAX_ROWS)
    throw invalidFile('too_many_rows', `At most ${IMPORT_MAX_ROWS} rows per import; split the file.`);
  const headers = header.cells.map((name, index) => name.trim() || `column ${index + 1}`);
  const columns = headers.map((name, index) => ({
    name,
    samples: data
      .map((record) => (record.cells[index] ?? '').trim())
      .filter(Boolean)
      .slice(0, 3),
  }));
  const mapping = requestedMapping ? checkMapping(requestedMapping, headers) : proposeMapping(headers);
  const isMappingComplete = REQUIRED_IMPORT_FIELDS.every((field) => mapping[field]);
  if (!isMappingComplete) return { delimiter, columns, mapping, isMappingComplete, rows: [] };

  const codeIndex = headers.indexOf(mapping.code!);
  const codeOf = (cells: string[]) => (cells[codeIndex] ?? '').trim().replace(/^'(?=[=+\-@])/, '') || null;
  const existing = new Map(
    (
      await findProductsByCodes(ctx.tx, ctx.tenantId, [
        ...new Set(data.map((r) => codeOf(r.cells)).filter(Boolean)),
      ] as string[])
    ).map((row) => [row.code, row]),
  );
  const { rates, today } = await loadVatRates(ctx);
  const seen = new Set<string>();
  const rows = data.map((record): PlannedRow => {
    const code = codeOf(record.cells);
    const line = record.line;
    if (code && seen.has(code))
      return {
        line,
        code,
        action: 'error',
        errors: [{ field: 'code', code: 'duplicate_code_in_file', message: 'duplicate_code_in_file' }],
      };
    if (code) seen.add(code);
    const current = code ? existing.get(code) : undefined;
    if (current) {
      const parsed = updateProduct.safeParse(rowToInput(record.cells, headers, mapping, 'update'));
      if (!parsed.success) return { line, code, action: 'error', errors: fieldErrorsFromZod(parsed.error) };
      const { changes, errors } = productChangesFor(current, parsed.data, rates, today);
      if (errors.length > 0) return { line, code, action: 'error', errors };
      return {
        line,
        code: current.code,
        action: 'update',
        current,
        changes,
        fields: changedFields(current, changes),
        errors: [],
      };
    }
    const parsed = createProduct.safeParse(rowToInput(record.cells, headers, mapping, 'create'));
    if (!parsed.success) return { line, code, action: 'error', errors: fieldErrorsFromZod(parsed.error) };
    const input = parsed.data;
    const vat = resolveVatChoice(
      { category: input.vat_category, rate: input.vat_rate, rateClass: input.vat_rate_class },
      rates,
      today,
    );
    if (!vat.choice) return { line, code, action: 'error', errors: vat.errors };
    return {
      line,
      code,
      action: 'create',
      values: { ...toProductChanges(input), ...vat.choice } as ProductValues,
      errors: [],
    };
  });
  return { delimiter, columns, mapping, isMappingComplete, rows };
}
