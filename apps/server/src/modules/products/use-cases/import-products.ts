import type {
  FieldError,
  ProductImportMapping,
  ProductImportMode,
  ProductImportPreview,
  ProductImportResult,
  ProductImportRowError,
} from '@clientbox/contracts';
import { recordAuditEvent } from '../../../kernel/audit/audit-log.ts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { insertProducts, updateProductRow } from '../products.repository.ts';
import { type PlannedRow, planProductImport } from './plan-product-import.ts';

const INSERT_CHUNK = 500;

function rowErrors(rows: PlannedRow[]): ProductImportRowError[] {
  return rows
    .filter((row) => row.action === 'error')
    .map((row) => ({ line: row.line, code: row.code, errors: row.errors }));
}

/** Step one: what the file holds and what an import would do, without writing anything. */
export async function previewProductImport(
  ctx: TenantContext,
  bytes: Uint8Array,
  mapping: ProductImportMapping | undefined,
): Promise<ProductImportPreview> {
  const plan = await planProductImport(ctx, bytes, mapping);
  const count = (predicate: (row: PlannedRow) => boolean) => plan.rows.filter(predicate).length;
  return {
    object: 'product_import_preview',
    delimiter: plan.delimiter,
    columns: plan.columns,
    mapping: plan.mapping,
    is_mapping_complete: plan.isMappingComplete,
    total_rows: plan.rows.length,
    to_create: count((row) => row.action === 'create'),
    to_update: count((row) => row.action === 'update' && row.fields.length > 0),
    unchanged: count((row) => row.action === 'update' && row.fields.length === 0),
    errors: rowErrors(plan.rows),
  };
}

/**
 * Step two, in the request's one transaction. `all_or_nothing`: any bad row and nothing is
 * written (422 with every row's errors). `valid_rows`: the good rows are written and the bad
 * ones reported. A row that fails only at the write (its code taken meanwhile) counts as bad too.
 */
export async function importProducts(
  ctx: TenantContext,
  bytes: Uint8Array,
  options: { mapping: ProductImportMapping | undefined; mode: ProductImportMode; fileName: string | null },
): Promise<ProductImportResult> {
  const plan = await planProductImport(ctx, bytes, options.mapping);
  if (!plan.isMappingComplete) throw new AppError('validation_failed', { detail: 'Map code, name and unit_price.' });
  const failed: ProductImportRowError[] = rowErrors(plan.rows);
  const refuse = () => {
    throw new AppError('product_import_failed', {
      detail: `${failed.length} row(s) cannot be imported; nothing was imported.`,
      fields: failed.flatMap((row) =>
        row.errors.map((error): FieldError => ({ ...error, field: `rows.${row.line}.${error.field}` })),
      ),
    });
  };
  if (options.mode === 'all_or_nothing' && failed.length > 0) refuse();

  const creates = plan.rows.filter((row) => row.action === 'create');
  let created = 0;
  for (let start = 0; start < creates.length; start += INSERT_CHUNK) {
    const chunk = creates.slice(start, start + INSERT_CHUNK);
    const inserted = new Set(
      (
        await insertProducts(
          ctx.tx,
          ctx.tenantId,
          chunk.map((row) => row.values),
        )
      ).map((row) => row.code),
    );
    created += inserted.size;
    for (const row of chunk)
      if (!inserted.has(row.values.code)) failed.push({ line: row.line, code: row.code, errors: [codeTakenError] });
  }
  let updated = 0;
  let unchanged = 0;
  for (const row of plan.rows) {
    if (row.action !== 'update') continue;
    if (row.fields.length === 0) {
      unchanged++;
      continue;
    }
    if (await updateProductRow(ctx.tx, row.current, row.changes)) updated++;
    else failed.push({ line: row.line, code: row.code, errors: [versionError] });
  }
  if (options.mode === 'all_or_nothing' && failed.length > 0) refuse();
  failed.sort((a, b) => a.line - b.line);

  await recordAuditEvent(ctx, {
    action: 'products.imported',
    targetType: 'product',
    details: { mode: options.mode, file_name: options.fileName, created, updated, unchanged, failed: failed.length },
  });
  return {
    object: 'product_import',
    mode: options.mode,
    created,
    updated,
    unchanged,
    failed: failed.length,
    errors: failed,
  };
}

const codeTakenError: FieldError = { field: 'code', code: 'product_code_taken', message: 'product_code_taken' };
const versionError: FieldError = { field: 'code', code: 'version_conflict', message: 'version_conflict' };
