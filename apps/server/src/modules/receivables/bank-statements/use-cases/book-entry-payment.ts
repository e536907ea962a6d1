import { formatAmount } from '@clientbox/contracts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { type PayableInvoice, recordPayment } from '../../../invoices/index.ts';
import { recordCollectionOutcome } from '../../batches/use-cases/record-collection-outcome.ts';
import { openChargesOf, openPrincipalOfCharges } from '../../reminders/use-cases/open-charges-of.ts';
import type { BankStatementEntryChanges, BankStatementEntryRow } from '../bank-statements.repository.ts';

export type MatchRule = NonNullable<BankStatementEntryRow['matchRule']>;

/**
 * Books a received amount on the invoice it was matched to: up to what is still due (partial
 * payments stay partial); what was paid beyond that is kept on the entry as unallocated, until
 * credit balances exist. An invoice with nothing due gets no payment: the entry waits as a
 * suggestion for a person to decide — unless it is a charges invoice paid already, whose open
 * principal invoice then gets the money (same claim). A transfer first pays the invoiced charges of that invoice
 * (costs and interest, art. 6:44 BW): only the rest goes to the principal.
 */
export async function bookEntryPayment(
  ctx: TenantContext,
  entry: BankStatementEntryRow,
  invoice: PayableInvoice,
  rule: MatchRule,
  paidOn: string,
): Promise<BankStatementEntryChanges> {
  if (invoice.amountDue <= 0n) {
    const principal = await openPrincipalOfCharges(ctx, invoice.id);
    if (principal) return bookEntryPayment(ctx, entry, principal, rule, paidOn);
    return {
      status: 'suggested',
      matchRule: null,
      invoiceId: null,
      suggestedInvoiceIds: [invoice.id],
      note: `Invoice ${invoice.number} has nothing due`,
    };
  }
  const reference = [entry.bankReference, entry.endToEndId].filter(Boolean).join(', ');
  const note = `Bank statement ${entry.accountIban}${reference ? ` (${reference})` : ''}`.slice(0, 500);
  // A collection comes back as one batch credit (or carries the mandate); anything else is a transfer.
  // A collection is for the amount the pain.008 named, so it is never spread over the charges.
  const isCollection = Boolean(entry.batchPaymentInformationId || entry.mandateId);
  const charges = isCollection ? null : await payChargesFirst(ctx, invoice.id, entry.amount, paidOn, note);
  const left = entry.amount - (charges?.paid ?? 0n);
  const booked = left < invoice.amountDue ? left : invoice.amountDue;
  if (charges && booked === 0n) {
    return {
      status: 'booked',
      matchRule: rule,
      invoiceId: charges.lastInvoiceId,
      paymentId: charges.lastPaymentId,
      bookedAmount: charges.paid,
      unallocatedAmount: 0n,
      suggestedInvoiceIds: [],
      note: `Paid the charges ${charges.numbers.join(', ')} of invoice ${invoice.number} first (art. 6:44 BW)`,
    };
  }
  const payment = await recordPayment(ctx, invoice.id, {
    paid_on: paidOn,
    amount: formatAmount(booked),
    method: isCollection ? 'direct_debit' : 'bank_transfer',
    note,
  });
  if (isCollection)
    await recordCollectionOutcome(ctx, invoice.id, {
      outcome: 'collected',
      returnReasonCode: null,
      entryId: entry.id,
      on: paidOn,
    });
  const unallocated = left - booked;
  const notes = [
    ...(charges ? [`Paid the charges ${charges.numbers.join(', ')} first (art. 6:44 BW)`] : []),
    ...(unallocated > 0n ? [`Paid ${formatAmount(unallocated)} more than was due`] : []),
  ];
  return {
    status: 'booked',
    matchRule: rule,
    invoiceId: invoice.id,
    paymentId: payment.id,
    bookedAmount: booked + (charges?.paid ?? 0n),
    unallocatedAmount: unallocated,
    suggestedInvoiceIds: [],
    note: notes.length ? notes.join('; ') : null,
  };
}

/** Pays the open charge invoices of this invoice, oldest first; null when there are none. */
async function payChargesFirst(ctx: TenantContext, invoiceId: string, amount: bigint, on: string, paymentNote: string) {
  const open = await openChargesOf(ctx, invoiceId);
  if (open.length === 0) return null;
  let paid = 0n;
  const numbers: string[] = [];
  let lastInvoiceId: string | null = null;
  let lastPaymentId: string | null = null;
  for (const charge of open) {
    const part = amount - paid < charge.amountDue ? amount - paid : charge.amountDue;
    if (part <= 0n) break;
    const payment = await recordPayment(ctx, charge.id, {
      paid_on: on,
      amount: formatAmount(part),
      method: 'bank_transfer',
      note: paymentNote,
    });
    paid += part;
    numbers.push(charge.number);
    lastInvoiceId = charge.id;
    lastPaymentId = payment.id;
  }
  return paid > 0n ? { paid, numbers, lastInvoiceId, lastPaymentId } : null;
}
