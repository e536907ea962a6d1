import { parseAmount } from '@clientbox/contracts';
import type { FileStorage } from '../../../../kernel/storage/index.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { deletePayment, findPayableInvoices, listPayments } from '../../../invoices/index.ts';
import { recordCollectionOutcome } from '../../batches/use-cases/record-collection-outcome.ts';
import { chargeFailedCollection } from '../../reminders/use-cases/charge-failed-collection.ts';
import { blockMandateAfterReturn } from '../../mandates/use-cases/block-mandate-after-return.ts';
import type { BankStatementEntryChanges, BankStatementEntryRow } from '../bank-statements.repository.ts';
import { issuedEndToEndId } from '../domain/payment-references.ts';
import { returnAction } from '../domain/return-reasons.ts';

/**
 * A returned direct debit (a DBIT with RtrInf/Rsn/Cd and our EndToEndId, domain rules §5.5
 * "Returns"): the money did not come, so the payment the collection booked is removed (the
 * invoices module audits that) and the invoice is open again. A payment cannot be negative, so
 * removing it is the honest undo; the entry keeps the reason code and the removed payment's id.
 * Codes that mean the mandate is unusable revoke it. A fee the tenant charges for a failed
 * collection is invoiced.
 */
export async function processReturn(
  ctx: TenantContext,
  entry: BankStatementEntryRow,
  deps: { storage: FileStorage },
): Promise<BankStatementEntryChanges> {
  const code = entry.returnReasonCode!;
  const endToEndId = issuedEndToEndId(entry.endToEndId);
  const invoices = endToEndId ? await findPayableInvoices(ctx, { number: endToEndId }) : [];
  if (invoices.length !== 1)
    return { status: 'unmatched', note: `Returned direct debit (${code}) of no invoice found` };
  const invoice = invoices[0]!;

  // The newest collection payment of this amount: a retry booked later is the one returned.
  const payments = (await listPayments(ctx, invoice.id)).data;
  const collection = payments
    .filter((payment) => payment.method === 'direct_debit' && parseAmount(payment.amount) === entry.amount)
    .at(-1);
  if (collection) await deletePayment(ctx, invoice.id, collection.id);
  // The batch item learns its outcome; AM04/MS03 lets the next batch retry the invoice once.
  await recordCollectionOutcome(ctx, invoice.id, {
    outcome: 'returned',
    returnReasonCode: code.toUpperCase(),
    entryId: entry.id,
    on: entry.bookingDate ?? entry.valueDate,
  });

  const action = returnAction(code);
  const isMandateBlocked =
    action === 'block_mandate' && entry.mandateId ? await blockMandateAfterReturn(ctx, entry.mandateId, code) : false;
  // The tenant's rules may charge the customer for the failed collection (an invoice of its own).
  const feeInvoiceId = await chargeFailedCollection(ctx, invoice, code.toUpperCase(), deps);
  const notes = [
    `Returned (${code}), action: ${action}`,
    collection ? null : 'no collection payment was booked on the invoice',
    isMandateBlocked ? `mandate ${entry.mandateId} revoked` : null,
    feeInvoiceId ? `fee invoiced (${feeInvoiceId})` : null,
  ];
  return {
    status: 'returned',
    matchRule: 'end_to_end_id',
    invoiceId: invoice.id,
    paymentId: collection?.id ?? null,
    note: notes.filter(Boolean).join('; '),
  };
}
