import { z } from 'zod';
import { fieldError } from '../common/problem.ts';

/** The product fields a spreadsheet column can be mapped to. */
export const PRODUCT_IMPORT_FIELDS = [
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
] as const;
export type ProductImportField = (typeof PRODUCT_IMPORT_FIELDS)[number];
export const REQUIRED_IMPORT_FIELDS: readonly ProductImportField[] = ['code', 'name', 'unit_price'];

/**
 * all_or_nothing: one bad row and nothing is written; valid_rows: the good rows are written and
 * the bad ones reported. Either way in one transaction.
 */
export const productImportMode = z.enum(['all_or_nothing', 'valid_rows'], { message: 'invalid_import_mode' });
export type ProductImportMode = z.infer<typeof productImportMode>;

export const productImportQuery = z.strictObject({
  /** true: read and check the file, write nothing. */
  preview: z
    .enum(['true', 'false'], { message: 'invalid_boolean' })
    .default('false')
    .transform((value) => value === 'true'),
  mode: productImportMode.default('all_or_nothing'),
});

/** Field → the column header it is read from; a field left out is not imported. */
export const productImportMapping = z.partialRecord(
  z.enum(PRODUCT_IMPORT_FIELDS, { message: 'unknown_field' }),
  z.string().min(1, { message: 'required' }).nullable(),
);
export type ProductImportMapping = z.infer<typeof productImportMapping>;

/** One data row that cannot be imported: its line in the file (the header is line 1) and why. */
export const productImportRowError = z.object({
  line: z.number().int(),
  code: z.string().nullable(),
  errors: z.array(fieldError),
});
export type ProductImportRowError = z.infer<typeof productImportRowError>;

export const productImportPreview = z.object({
  object: z.literal('product_import_preview'),
  delimiter: z.enum([',', ';', '\t']),
  columns: z.array(z.object({ name: z.string(), samples: z.array(z.string()) })),
  /** The mapping sent, or the one proposed from the column headers. */
  mapping: z.record(z.string(), z.string().nullable()),
  total_rows: z.number().int(),
  /** Rows that would create a product, update the one with their code, or find it as it is already. */
  to_create: z.number().int(),
  to_update: z.number().int(),
  unchanged: z.number().int(),
  /** False while code, name or unit price has no column: the rows are checked once they have. */
  is_mapping_complete: z.boolean(),
  errors: z.array(productImportRowError),
});
export type ProductImportPreview = z.infer<typeof productImportPreview>;

export const productImportResult = z.object({
  object: z.literal('product_import'),
  mode: productImportMode,
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Rows not imported (valid_rows mode); in all_or_nothing mode a bad row is a 422 instead. */
  failed: z.number().int(),
  errors: z.array(productImportRowError),
});
export type ProductImportResult = z.infer<typeof productImportResult>;
