import type { DocumentLineKind, VatCategory } from '@clientbox/contracts';

/**
 * A document line's own fields as the API, the export archive and another module's draft write
 * them (snake_case), the same for invoices, credit notes and quotes. Where the line stands, and
 * what only one kind of document has (a credited position, an option), each adds itself.
 */
export interface DocumentLineFields {
  kind: DocumentLineKind;
  product_id: string | null;
  product_code: string | null;
  description: string;
  quantity: string;
  unit_code: string;
  unit_price: string;
  vat_rate: string | null;
  vat_category: VatCategory;
  discount_percent: string | null;
  discount_amount: string | null;
}

/** The same fields as the line tables store them (`invoice_lines`, `quote_lines`). */
export interface StoredLineFields {
  kind: DocumentLineKind;
  productId: string | null;
  productCode: string | null;
  description: string;
  quantity: string;
  unitCode: string;
  unitPrice: string;
  vatRate: string | null;
  vatCategory: string;
  discountPercent: string | null;
  discountAmount: string | null;
}

export function lineFieldsOf(line: StoredLineFields): DocumentLineFields {
  return {
    kind: line.kind,
    product_id: line.productId,
    product_code: line.productCode,
    description: line.description,
    quantity: line.quantity,
    unit_code: line.unitCode,
    unit_price: line.unitPrice,
    vat_rate: line.vatRate,
    // The table holds only categories the API accepted.
    vat_category: line.vatCategory as VatCategory,
    discount_percent: line.discountPercent,
    discount_amount: line.discountAmount,
  };
}

export function storedLineFieldsOf(line: DocumentLineFields): StoredLineFields {
  return {
    kind: line.kind,
    productId: line.product_id,
    productCode: line.product_code,
    description: line.description,
    quantity: line.quantity,
    unitCode: line.unit_code,
    unitPrice: line.unit_price,
    vatRate: line.vat_rate,
    vatCategory: line.vat_category,
    discountPercent: line.discount_percent,
    discountAmount: line.discount_amount,
  };
}
