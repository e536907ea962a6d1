import { type DocumentLineInput, fixedVatRate, type VatCategory } from '@clientbox/contracts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { getProductForDocument } from '../../products/index.ts';
import type { NewInvoiceLine } from '../invoices.repository.ts';

/**
 * Lines as stored: a line with `product_id` takes what it does not send from the product, with
 * the VAT rate in force on `supplyDate` (§2.2). Every missing or contradictory field is reported
 * with its path (`lines.2.unit_price`), all at once, and nothing is saved.
 */
export async function resolveLines(
  ctx: TenantContext,
  inputs: DocumentLineInput[],
  supplyDate: string,
): Promise<NewInvoiceLine[]> {
  const fields: { field: string; code: string; message: string }[] = [];
  const issue = (index: number, field: string, code: string) =>
    fields.push({ field: `lines.${index}.${field}`, code, message: code });
  const lines: NewInvoiceLine[] = [];
  for (const [index, input] of inputs.entries()) {
    if (input.kind !== 'item') {
      lines.push({ kind: input.kind, description: input.description ?? '', quantity: '0', unitPrice: '0.0000' });
      continue;
    }
    const product = input.product_id
      ? await getProductForDocument(ctx, input.product_id, supplyDate).catch(() => null)
      : null;
    if (input.product_id && !product) {
      issue(index, 'product_id', 'product_not_found');
      continue;
    }
    const category: VatCategory = input.vat_category ?? product?.vat_category ?? 'S';
    let vatRate = input.vat_rate !== undefined ? input.vat_rate : (product?.vat_rate ?? undefined);
    if (category !== 'S') {
      const fixed = fixedVatRate(category);
      if (vatRate !== undefined && vatRate !== null && vatRate !== fixed && Number(vatRate) !== 0)
        issue(index, 'vat_rate', 'vat_rate_must_be_zero');
      vatRate = fixed;
    } else if (vatRate === undefined || vatRate === null) issue(index, 'vat_rate', 'required');
    const description = input.description || (product ? product.name : '');
    if (!description) issue(index, 'description', 'required');
    const unitPrice = input.unit_price ?? product?.unit_price;
    if (unitPrice === undefined) issue(index, 'unit_price', 'required');
    lines.push({
      kind: 'item',
      productId: product?.id ?? null,
      productCode: product?.code ?? null,
      description,
      quantity: input.quantity ?? '1',
      unitCode: input.unit_code ?? product?.unit_code ?? 'C62',
      unitPrice: unitPrice ?? '0.0000',
      vatRate: vatRate ?? null,
      vatCategory: category,
      discountPercent: input.discount_percent ?? null,
      discountAmount: input.discount_amount ?? null,
    });
  }
  if (fields.length) throw new AppError('validation_failed', { fields });
  return lines;
}
