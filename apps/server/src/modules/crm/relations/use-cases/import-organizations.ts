import {
  type CreateOrganization,
  createOrganization,
  type FieldError,
  ORGANIZATION_IMPORT_FIELDS,
  type OrganizationImportField,
  type OrganizationImportMapping,
  type OrganizationImportMode,
  type OrganizationImportPreview,
  type OrganizationImportResult,
  type OrganizationImportRowError,
} from '@clientbox/contracts';
import { recordAuditEvent } from '../../../../kernel/audit/audit-log.ts';
import { AppError } from '../../../../kernel/errors/app-error.ts';
import { fieldErrorsFromZod } from '../../../../kernel/errors/problem-response.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import {
  importFieldOf,
  organizationRowToInput,
  proposeOrganizationMapping,
} from '../domain/organization-import-columns.ts';
import { type CsvDelimiter, decodeText, parseCsv } from '../../../../kernel/csv/parse-csv.ts';
import { createOrganizations } from './create-organizations.ts';

export const ORGANIZATION_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const ORGANIZATION_IMPORT_MAX_ROWS = 10_000;

type PlannedRow =
  | { line: number; name: string | null; input: CreateOrganization; errors: [] }
  | { line: number; name: string | null; input: null; errors: FieldError[] };

interface ImportPlan {
  delimiter: CsvDelimiter;
  columns: { name: string; samples: string[] }[];
  mapping: Record<OrganizationImportField, string | null>;
  isMappingComplete: boolean;
  rows: PlannedRow[];
}

const invalidFile = (code: string, detail: string) =>
  new AppError('validation_failed', { detail, fields: [{ field: 'file', code, message: code }] });

function checkMapping(
  mapping: OrganizationImportMapping,
  headers: string[],
): Record<OrganizationImportField, string | null> {
  const errors: FieldError[] = [];
  const complete = {} as Record<OrganizationImportField, string | null>;
  for (const field of ORGANIZATION_IMPORT_FIELDS) {
    const column = mapping[field] ?? null;
    if (column !== null && !headers.includes(column))
      errors.push({ field: `mapping.${field}`, code: 'column_not_found', message: `no column "${column}"` });
    complete[field] = column;
  }
  if (!complete.name) errors.push({ field: 'mapping.name', code: 'required', message: 'required' });
  if (errors.length > 0) throw new AppError('validation_failed', { fields: errors });
  return complete;
}

/**
 * Reads the CSV and checks every row with the schema of `POST /api/v1/organizations`, writing
 * nothing: the preview shows this plan and the commit carries it out.
 */
function planOrganizationImport(bytes: Uint8Array, requested: OrganizationImportMapping | undefined): ImportPlan {
  const { delimiter, records } = parseCsv(decodeText(bytes));
  const [header, ...data] = records;
  if (!header) throw invalidFile('empty_file', 'The file has no header row.');
  if (data.length > ORGANIZATION_IMPORT_MAX_ROWS)
    throw invalidFile('too_many_rows', `At most ${ORGANIZATION_IMPORT_MAX_ROWS} rows per import; split the file.`);
  const headers = header.cells.map((name, index) => name.trim() || `column ${index + 1}`);
  const columns = headers.map((name, index) => ({
    name,
    samples: data
      .map((record) => (record.cells[index] ?? '').trim())
      .filter(Boolean)
      .slice(0, 3),
  }));
  const mapping = requested ? checkMapping(requested, headers) : proposeOrganizationMapping(headers);
  const isMappingComplete = Boolean(mapping.name);
  if (!isMappingComplete) return { delimiter, columns, mapping, isMappingComplete, rows: [] };
  const rows = data.map((record): PlannedRow => {
    const raw = organizationRowToInput(record.cells, headers, mapping);
    const name = typeof raw.name === 'string' && raw.name ? raw.name : null;
    const parsed = createOrganization.safeParse(raw);
    if (parsed.success) return { line: record.line, name, input: parsed.data, errors: [] };
    const errors = fieldErrorsFromZod(parsed.error).map((error) => ({ ...error, field: importFieldOf(error.field) }));
    return { line: record.line, name, input: null, errors };
  });
  return { delimiter, columns, mapping, isMappingComplete, rows };
}

function rowErrors(rows: PlannedRow[]): OrganizationImportRowError[] {
  return rows.filter((row) => row.input === null).map(({ line, name, errors }) => ({ line, name, errors }));
}

/** Step one: what the file holds and what an import would do, without writing anything. */
export function previewOrganizationImport(
  bytes: Uint8Array,
  mapping: OrganizationImportMapping | undefined,
): OrganizationImportPreview {
  const plan = planOrganizationImport(bytes, mapping);
  return {
    object: 'organization_import_preview',
    delimiter: plan.delimiter,
    columns: plan.columns,
    mapping: plan.mapping,
    is_mapping_complete: plan.isMappingComplete,
    total_rows: plan.rows.length,
    to_create: plan.rows.filter((row) => row.input !== null).length,
    errors: rowErrors(plan.rows),
  };
}

/**
 * Step two, in the request's one transaction. `all_or_nothing`: any bad row and nothing is
 * written (422 with every row's errors as `rows.<line>.<field>`). `valid_rows`: the good rows
 * are written and the bad ones reported.
 */
export async function importOrganizations(
  ctx: TenantContext,
  bytes: Uint8Array,
  options: { mapping: OrganizationImportMapping | undefined; mode: OrganizationImportMode; fileName: string | null },
): Promise<OrganizationImportResult> {
  const plan = planOrganizationImport(bytes, options.mapping);
  if (!plan.isMappingComplete)
    throw new AppError('validation_failed', {
      detail: 'Map a column to name.',
      fields: [{ field: 'mapping.name', code: 'required', message: 'required' }],
    });
  const failed = rowErrors(plan.rows);
  if (options.mode === 'all_or_nothing' && failed.length > 0)
    throw new AppError('organization_import_failed', {
      detail: `${failed.length} row(s) cannot be imported; nothing was imported.`,
      fields: failed.flatMap((row) =>
        row.errors.map((error): FieldError => ({ ...error, field: `rows.${row.line}.${error.field}` })),
      ),
    });
  const inputs = plan.rows.flatMap((row) => (row.input ? [row.input] : []));
  await createOrganizations(ctx, inputs);
  await recordAuditEvent(ctx, {
    action: 'organizations.imported',
    targetType: 'organization',
    details: { mode: options.mode, file_name: options.fileName, created: inputs.length, failed: failed.length },
  });
  return {
    object: 'organization_import',
    mode: options.mode,
    created: inputs.length,
    failed: failed.length,
    errors: failed,
  };
}
