import { z } from 'zod';

export const NUMBERED_DOCUMENT_TYPES = ['invoice', 'credit_note', 'quote'] as const;
export const numberedDocumentType = z.enum(NUMBERED_DOCUMENT_TYPES, { message: 'invalid_document_type' });

/**
 * A number format: letters, digits and `-/._` around `{seq}` or `{seq:N}` (the number padded to
 * N digits, 1–10) and optionally `{YYYY}` (the issue year: a series per year).
 */
export const numberFormatInput = z
  .string()
  .trim()
  .max(40, { message: 'too_long' })
  .refine(
    (format) =>
      /^([A-Za-z0-9\-/._]|\{YYYY\}|\{seq(:([1-9]|10))?\})+$/.test(format) &&
      (format.match(/\{seq/g) ?? []).length === 1,
    { message: 'invalid_number_format' },
  );

export const updateNumberSeries = z.strictObject({
  /** Only while no document of this type has been issued: a changed format could repeat a number. */
  format: numberFormatInput.optional(),
  /** The next number of the current series, e.g. to continue where a previous system stopped; never lower. */
  next_number: z.number().int().min(1).max(999_999_999).optional(),
});
export type UpdateNumberSeries = z.infer<typeof updateNumberSeries>;

export const numberSeries = z.object({
  object: z.literal('number_series'),
  document_type: numberedDocumentType,
  format: z.string(),
  /** The series the next document falls in: this year's when the format has {YYYY}, else 0. */
  year: z.number().int(),
  next_number: z.number().int(),
  /** The number the next document issued today would get. */
  next_example: z.string(),
  is_format_locked: z.boolean(),
});
export type NumberSeries = z.infer<typeof numberSeries>;
