import { amsterdamDate, type QuoteLineInput } from '@clientbox/contracts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { resolveDocumentLines } from '../../invoices/index.ts';
import type { NewQuoteLine } from '../quotes.repository.ts';

/**
 * Lines as stored, by the same rules as an invoice's (a line with `product_id` takes what it
 * does not send from the product, with the VAT rate of `date`; every problem is reported with its
 * path, nothing saved), plus whether the customer may tick it. Only an item can be optional.
 */
export async function resolveQuoteLines(
  ctx: TenantContext,
  inputs: QuoteLineInput[],
  date: string | null | undefined,
): Promise<NewQuoteLine[]> {
  const lines = await resolveDocumentLines(ctx, inputs, date ?? amsterdamDate());
  return lines.map((line, index) => ({
    kind: line.kind ?? 'item',
    productId: line.productId ?? null,
    productCode: line.productCode ?? null,
    description: line.description,
    quantity: line.quantity ?? '1',
    unitCode: line.unitCode ?? 'C62',
    unitPrice: line.unitPrice ?? '0.0000',
    vatRate: line.vatRate ?? null,
    vatCategory: line.vatCategory ?? 'S',
    discountPercent: line.discountPercent ?? null,
    discountAmount: line.discountAmount ?? null,
    isOptional: (line.kind ?? 'item') === 'item' && inputs[index]!.is_optional,
  }));
}
