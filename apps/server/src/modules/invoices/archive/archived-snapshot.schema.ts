import { parseQuantity, parseUnitPrice, VAT_CATEGORIES } from '@clientbox/contracts';
import { z } from 'zod';
import { decimalText } from '../../../kernel/export/archive-rows.ts';
import type { DocumentSnapshot } from '../documents/document-snapshot.ts';

/**
 * An issued document's frozen snapshot as an uploaded archive holds it. It is checked enough for
 * everything that reads it later (the list, the VAT report, `computeDocumentTotals`) and kept as
 * it is otherwise: loose objects keep fields this version does not know, so the snapshot goes
 * back into the database exactly as it was exported.
 */
const date = z.iso.date();
const text = z.string();
const decimal = decimalText;

const address = z.looseObject({ street: text, postal_code: text, city: text, country: z.string().length(2) });

const line = z.looseObject({
  kind: z.enum(['item', 'text', 'heading']),
  description: text,
  quantity: decimal(parseQuantity),
  unit_code: text,
  unit_price: decimal(parseUnitPrice),
  vat_rate: decimal(parseQuantity).nullable(),
  vat_category: z.enum(VAT_CATEGORIES),
  discount_percent: decimal(parseQuantity).nullable(),
  discount_amount: decimal(parseUnitPrice).nullable(),
  is_optional: z.boolean(),
  is_excluded: z.boolean(),
});

export const archivedSnapshot = z.looseObject({
  type: z.enum(['invoice', 'credit_note', 'quote']),
  language: z.enum(['nl', 'en']),
  currency: z.literal('EUR'),
  number: text,
  issue_date: date,
  due_date: date.nullable(),
  supplier: z.looseObject({ name: text, address }),
  customer: z.looseObject({ name: text, address: address.nullable() }),
  lines: z.array(line),
  discount_percent: decimal(parseQuantity).nullable(),
}) as unknown as z.ZodType<DocumentSnapshot>;
