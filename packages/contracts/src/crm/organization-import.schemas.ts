import { z } from 'zod';
import { fieldError } from '../common/problem.ts';

/** The organization fields a spreadsheet column can be mapped to (one e-mail, phone and visiting address per row). */
export const ORGANIZATION_IMPORT_FIELDS = [
  'name',
  'trading_name',
  'kvk_number',
  'vat_number',
  'iban',
  'bic',
  'email',
  'phone',
  'street',
  'postal_code',
  'city',
  'country',
  'is_customer',
  'is_supplier',
  'website',
] as const;
export type OrganizationImportField = (typeof ORGANIZATION_IMPORT_FIELDS)[number];

/**
 * all_or_nothing: one bad row and nothing is written; valid_rows: the good rows are written and
 * the bad ones reported. Either way in one transaction.
 */
export const organizationImportMode = z.enum(['all_or_nothing', 'valid_rows'], { message: 'invalid_import_mode' });
export type OrganizationImportMode = z.infer<typeof organizationImportMode>;

export const organizationImportQuery = z.strictObject({
  /** true: read and check the file, write nothing. */
  preview: z
    .enum(['true', 'false'], { message: 'invalid_boolean' })
    .default('false')
    .transform((value) => value === 'true'),
  mode: organizationImportMode.default('all_or_nothing'),
});

/** Field → the column header it is read from; a field left out is not imported. */
export const organizationImportMapping = z.partialRecord(
  z.enum(ORGANIZATION_IMPORT_FIELDS, { message: 'unknown_field' }),
  z.string().min(1, { message: 'required' }).nullable(),
);
export type OrganizationImportMapping = z.infer<typeof organizationImportMapping>;

/** One data row that cannot be imported: its line in the file (the header is line 1) and why, per field. */
export const organizationImportRowError = z.object({
  line: z.number().int(),
  name: z.string().nullable(),
  errors: z.array(fieldError),
});
export type OrganizationImportRowError = z.infer<typeof organizationImportRowError>;

export const organizationImportPreview = z.object({
  object: z.literal('organization_import_preview'),
  delimiter: z.enum([',', ';', '\t']),
  columns: z.array(z.object({ name: z.string(), samples: z.array(z.string()) })),
  /** The mapping sent, or the one proposed from the column headers. */
  mapping: z.record(z.string(), z.string().nullable()),
  /** False while name has no column: the rows are checked once it has. */
  is_mapping_complete: z.boolean(),
  total_rows: z.number().int(),
  to_create: z.number().int(),
  errors: z.array(organizationImportRowError),
});
export type OrganizationImportPreview = z.infer<typeof organizationImportPreview>;

export const organizationImportResult = z.object({
  object: z.literal('organization_import'),
  mode: organizationImportMode,
  created: z.number().int(),
  /** Rows not imported (valid_rows mode); in all_or_nothing mode a bad row is a 422 instead. */
  failed: z.number().int(),
  errors: z.array(organizationImportRowError),
});
export type OrganizationImportResult = z.infer<typeof organizationImportResult>;
