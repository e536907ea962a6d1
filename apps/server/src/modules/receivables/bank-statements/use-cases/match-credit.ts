import { normalizeIdentifier } from '@clientbox/contracts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { findOrganizationsByIban } from '../../../crm/index.ts';
import { findPayableInvoices, type PayableInvoice } from '../../../invoices/index.ts';
import { customersByMandateIban } from '../../mandates/mandates.repository.ts';
import type { BankStatementEntryChanges, BankStatementEntryRow } from '../bank-statements.repository.ts';
import { parseBetalingskenmerk } from '../domain/betalingskenmerk.ts';
import { issuedEndToEndId, textMentions, validCreditorReference } from '../domain/payment-references.ts';
import { bookEntryPayment, type MatchRule } from './book-entry-payment.ts';

type Found = { invoice: PayableInvoice; rule: MatchRule } | { suggested: PayableInvoice[] } | null;

/**
 * Money received: the rules of domain rules §5.5 in order, the first that names exactly one
 * invoice wins and books the payment. Several invoices that fit equally are a suggestion; none
 * leaves the entry in the manual queue.
 */
export async function matchCredit(
  ctx: TenantContext,
  entry: BankStatementEntryRow,
  paidOn: string,
): Promise<BankStatementEntryChanges> {
  const found = await findInvoiceFor(ctx, entry);
  if (found && 'invoice' in found) return bookEntryPayment(ctx, entry, found.invoice, found.rule, paidOn);
  if (found)
    return {
      status: 'suggested',
      suggestedInvoiceIds: found.suggested.map((invoice) => invoice.id),
      note: 'Several open invoices fit',
    };
  return { status: 'unmatched' };
}

async function findInvoiceFor(ctx: TenantContext, entry: BankStatementEntryRow): Promise<Found> {
  // 1. The EndToEndId we issued (the invoice number of a collection).
  const endToEndId = issuedEndToEndId(entry.endToEndId);
  if (endToEndId) {
    const byNumber = await findPayableInvoices(ctx, { number: endToEndId });
    if (byNumber.length === 1) return { invoice: byNumber[0]!, rule: 'end_to_end_id' };
  }
  // 2. A structured RF reference that passes mod 97: our payment reference.
  const reference = validCreditorReference(entry.structuredReference);
  if (reference) {
    const byReference = await findPayableInvoices(ctx, { paymentReference: reference });
    if (byReference.length === 1) return { invoice: byReference[0]!, rule: 'structured_reference' };
  }
  // 2b. A betalingskenmerk (Issr=CUR) with a valid check digit: an invoice carrying it (imported
  // from elsewhere), else the invoice whose number has its digits (we issue RF references only).
  const kenmerk = reference ? null : parseBetalingskenmerk(entry.structuredReference);
  if (kenmerk) {
    const byKenmerk = await findPayableInvoices(ctx, { paymentReference: kenmerk.kenmerk });
    if (byKenmerk.length === 1) return { invoice: byKenmerk[0]!, rule: 'structured_reference' };
    const number = kenmerk.payload.replace(/^0+/, '');
    const byNumber = number ? await findPayableInvoices(ctx, { number }) : [];
    if (byNumber.length === 1) return { invoice: byNumber[0]!, rule: 'structured_reference' };
  }
  // 3. The invoice number or RF reference in the payer's text, spaces and dashes ignored.
  const text = [entry.remittanceText, entry.structuredReference].filter(Boolean).join(' ');
  if (text) {
    const mentioned = (await findPayableInvoices(ctx, { mentionedIn: text })).filter(
      (invoice) =>
        textMentions(text, invoice.number) ||
        (invoice.paymentReference !== null && textMentions(text, invoice.paymentReference)),
    );
    if (mentioned.length === 1) return { invoice: mentioned[0]!, rule: 'remittance_text' };
    // The payer names several invoices: one transfer for all of them is divided by a person.
    if (mentioned.length > 1) return { suggested: mentioned };
  }
  // 4. The amount and the payer's IBAN: exactly one open invoice of that customer for this amount.
  if (entry.counterpartyIban) {
    const iban = normalizeIdentifier(entry.counterpartyIban);
    // The CRM keeps IBANs of organizations; a signed mandate also names a person's account.
    const customerIds = [
      ...new Set([
        ...(await findOrganizationsByIban(ctx, entry.counterpartyIban)),
        ...(await customersByMandateIban(ctx.tx, ctx.tenantId, iban)),
      ]),
    ];
    const sameAmount = (await findPayableInvoices(ctx, { customerIds })).filter(
      (invoice) => invoice.amountDue === entry.amount,
    );
    if (sameAmount.length === 1) return { invoice: sameAmount[0]!, rule: 'amount_and_iban' };
    if (sameAmount.length > 1) return { suggested: sameAmount };
  }
  return null;
}
