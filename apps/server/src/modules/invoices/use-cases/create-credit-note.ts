import {
  type CreateCreditNote,
  divideHalfUp,
  formatAmount,
  formatDecimal,
  type Invoice,
  parseAmount,
  parseQuantity,
  QUANTITY_SCALE,
} from '@clientbox/contracts';
import { recordAuditEvent } from '../../../kernel/audit/audit-log.ts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { creditQuantities } from '../domain/credit-quantities.ts';
import { invoiceNotFound, invoiceNotIssued } from '../invoices.errors.ts';
import {
  carriedOverFields,
  creditedLineQuantities,
  findInvoice,
  insertInvoice,
  type InvoiceLineRow,
  loadLines,
  type NewInvoiceLine,
  replaceLines,
} from '../invoices.repository.ts';
import { presentInvoice } from './present-invoice.ts';

/**
 * A draft credit note for an issued invoice, in full or for part of its lines (domain rules
 * §1.3): the invoice itself never changes. The credit note gets its own number from its own
 * series when it is finalized, and refers to the invoice's number and date.
 */
export async function createCreditNote(
  ctx: TenantContext,
  invoiceId: string,
  input: CreateCreditNote,
): Promise<Invoice> {
  // Locked, so two credit notes made at once cannot both credit the same quantity.
  const original = await findInvoice(ctx.tx, ctx.tenantId, invoiceId, true);
  if (!original) throw invoiceNotFound();
  if (original.status !== 'issued') throw invoiceNotIssued();
  if (original.type !== 'invoice')
    throw new AppError('validation_failed', {
      fields: [{ field: 'id', code: 'not_an_invoice', message: 'a credit note cannot be credited' }],
    });
  const lines = await loadLines(ctx.tx, ctx.tenantId, invoiceId);
  const credited = new Map<number, bigint>();
  for (const row of await creditedLineQuantities(ctx.tx, ctx.tenantId, invoiceId))
    credited.set(row.position, (credited.get(row.position) ?? 0n) + parseQuantity(row.quantity));
  const { quantities, issues } = creditQuantities(
    lines.map((line) => ({
      kind: line.kind,
      quantity: line.quantity,
      credited: formatDecimal(credited.get(line.position) ?? 0n, QUANTITY_SCALE),
    })),
    input.lines?.map((line) => ({ lineIndex: line.line_index, quantity: line.quantity })),
  );
  if (issues.length)
    throw new AppError('validation_failed', {
      fields: issues.map((issue) => ({ ...issue, message: issue.code })),
    });

  const creditNote = await insertInvoice(ctx.tx, {
    ...carriedOverFields(original),
    type: 'credit_note',
    creditedInvoiceId: original.id,
    note: input.reason ?? null,
  });
  await replaceLines(
    ctx.tx,
    ctx.tenantId,
    creditNote.id,
    [...quantities].map(([index, quantity]) => creditLine(lines[index]!, quantity)),
  );
  await recordAuditEvent(ctx, {
    action: 'invoice.credit_note_created',
    targetType: 'invoice',
    targetId: creditNote.id,
    details: { invoice_number: original.number },
  });
  return presentInvoice(ctx, creditNote);
}

/** The invoice line with the credited quantity; a fixed discount shrinks in proportion. */
function creditLine(line: InvoiceLineRow, quantity: string): NewInvoiceLine {
  const discountAmount =
    line.discountAmount && quantity !== line.quantity
      ? formatAmount(
          divideHalfUp(parseAmount(line.discountAmount) * parseQuantity(quantity), parseQuantity(line.quantity)),
        )
      : line.discountAmount;
  return {
    kind: 'item',
    productId: line.productId,
    productCode: line.productCode,
    description: line.description,
    quantity,
    unitCode: line.unitCode,
    unitPrice: line.unitPrice,
    vatRate: line.vatRate,
    vatCategory: line.vatCategory,
    discountPercent: line.discountPercent,
    discountAmount,
    creditedPosition: line.position,
  };
}
