import { formatAmount } from '@clientbox/contracts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { type PayableInvoice, recordPayment } from '../../../invoices/index.ts';
import { recordCollectionOutcome } from '../../batches/use-cases/record-collection-outcome.ts';
import type { BankStatementEntryChanges, BankStatementEntryRow } from '../bank-statements.repository.ts';

export type MatchRule = NonNullable<BankStatementEntryRow['matchRule']>;

/**
 * Books a received amount on the invoice it was matched to: up to what is still due (partial
 * payments stay partial); what was paid beyond that is kept on the entry as unallocated, until
 * credit balances exist. An invoice with nothing due gets no payment: the entry waits as a
 * suggestion for a person to decide.
 */
export async function bookEntryPayment(
  ctx: TenantContext,
  entry: BankStatementEntryRow,
  invoice: PayableInvoice,
  rule: MatchRule,
  paidOn: string,
): Promise<BankStatementEntryChanges> {
  if (invoice.amountDue <= 0n) {
    return {
      status: 'suggested',
      matchRule: null,
      invoiceId: null,
      suggestedInvoiceIds: [invoice.id],
      note: `Invoice ${invoice.number} has nothing due`,
    };
  }
  const booked = entry.amount < invoice.amountDue ? entry.amount : invoice.amountDue;
  const reference = [entry.bankReference, entry.endToEndId].filter(Boolean).join(', ');
  // A collection comes back as one batch credit (or carries the mandate); anything else is a transfer.
  const isCollection = Boolean(entry.batchPaymentInformationId || entry.mandateId);
  const payment = await recordPayment(ctx, invoice.id, {
    paid_on: paidOn,
    amount: formatAmount(booked),
    method: isCollection ? 'direct_debit' : 'bank_transfer',
    note: `Bank statement ${entry.accountIban}${reference ? ` (${reference})` : ''}`.slice(0, 500),
  });
  if (isCollection)
    await recordCollectionOutcome(ctx, invoice.id, {
      outcome: 'collected',
      returnReasonCode: null,
      entryId: entry.id,
      on: paidOn,
    });
  const unallocated = entry.amount - booked;
  return {
    status: 'booked',
    matchRule: rule,
    invoiceId: invoice.id,
    paymentId: payment.id,
    bookedAmount: booked,
    unallocatedAmount: unallocated,
    suggestedInvoiceIds: [],
    note: unallocated > 0n ? `Paid ${formatAmount(unallocated)} more than was due` : null,
  };
}
