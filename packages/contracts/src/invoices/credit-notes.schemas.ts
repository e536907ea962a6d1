import { z } from 'zod';
import { clearable } from '../common/fields.ts';
import { quantityInput } from '../documents/document-line.schemas.ts';

/**
 * A credit note for an issued invoice. Without `lines` every line is credited in full; with
 * them, per line of the invoice (its index in the invoice's `lines`) the quantity to credit,
 * never more than is still uncredited on that line (domain rules §1.3).
 */
export const createCreditNote = z.strictObject({
  lines: z
    .array(
      z.strictObject({
        line_index: z.number().int().min(0),
        /** Left out: what is still uncredited on that line. */
        quantity: quantityInput.optional(),
      }),
    )
    .min(1, { message: 'required' })
    .max(500, { message: 'too_many_lines' })
    .optional(),
  /** Printed on the credit note. */
  reason: clearable(z.string().trim().max(2000, { message: 'too_long' })),
});
export type CreateCreditNote = z.infer<typeof createCreditNote>;
