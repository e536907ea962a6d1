import type { Invoice } from '@clientbox/contracts';
import { recordAuditEvent } from '../../../kernel/audit/audit-log.ts';
import type { FileStorage } from '../../../kernel/storage/index.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { carriedOverFields, findInvoice, insertInvoice, loadLines, replaceLines } from '../invoices.repository.ts';
import { createCreditNote } from './create-credit-note.ts';
import { finalizeInvoice } from './finalize-invoice.ts';
import { presentInvoice } from './present-invoice.ts';

/**
 * "Correct an invoice" in one action (domain rules §1.3): a finalized credit note for everything
 * still uncredited, and a new draft with the invoice's customer, terms and lines to fix and issue.
 */
export async function correctInvoice(
  ctx: TenantContext,
  invoiceId: string,
  reason: string | null,
  deps: { storage: FileStorage },
): Promise<{ credit_note: Invoice; invoice: Invoice }> {
  const draftCredit = await createCreditNote(ctx, invoiceId, { reason });
  const creditNote = await finalizeInvoice(ctx, draftCredit.id, deps);
  const original = (await findInvoice(ctx.tx, ctx.tenantId, invoiceId))!;
  const replacement = await insertInvoice(ctx.tx, {
    ...carriedOverFields(original),
    type: 'invoice',
    note: original.note,
    paymentMeans: original.paymentMeans,
    mandateReference: original.mandateReference,
  });
  const lines = await loadLines(ctx.tx, ctx.tenantId, invoiceId);
  await replaceLines(
    ctx.tx,
    ctx.tenantId,
    replacement.id,
    lines.map(
      ({ tenantId: _tenant, invoiceId: _invoice, position: _position, creditedPosition: _credited, ...line }) => line,
    ),
  );
  await recordAuditEvent(ctx, {
    action: 'invoice.corrected',
    targetType: 'invoice',
    targetId: invoiceId,
    details: { credit_note: creditNote.number, replacement_id: replacement.id },
  });
  return { credit_note: creditNote, invoice: await presentInvoice(ctx, replacement) };
}
