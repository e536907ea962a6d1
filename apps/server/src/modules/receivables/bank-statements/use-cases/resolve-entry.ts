import type { BankStatementEntry, MatchBankStatementEntry } from '@clientbox/contracts';
import { recordAuditEvent } from '../../../../kernel/audit/audit-log.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { findPayableInvoices } from '../../../invoices/index.ts';
import { toBankStatementEntryDto } from '../bank-statements.dto.ts';
import {
  bankStatementEntryNotFound,
  entryNotCredit,
  entryResolved,
  invoiceNothingDue,
  invoiceNotPayable,
} from '../bank-statements.errors.ts';
import {
  type BankStatementEntryRow,
  findBankStatement,
  findBankStatementEntry,
  updateBankStatementEntry,
} from '../bank-statements.repository.ts';
import { bookEntryPayment } from './book-entry-payment.ts';

/** Only entries in the queue (suggested, unmatched) are resolved by hand. */
async function queuedEntry(ctx: TenantContext, id: string): Promise<BankStatementEntryRow> {
  const entry = await findBankStatementEntry(ctx.tx, ctx.tenantId, id, true);
  if (!entry) throw bankStatementEntryNotFound();
  if (entry.status !== 'suggested' && entry.status !== 'unmatched') throw entryResolved(entry.status);
  return entry;
}

async function present(ctx: TenantContext, entry: BankStatementEntryRow): Promise<BankStatementEntry> {
  const statement = await findBankStatement(ctx.tx, ctx.tenantId, entry.statementId);
  return toBankStatementEntryDto(entry, statement?.currency ?? 'EUR');
}

/**
 * A person names the invoice a received amount pays: booked like an automatic match (up to the
 * amount due, the rest unallocated).
 */
export async function matchEntryManually(
  ctx: TenantContext,
  id: string,
  input: MatchBankStatementEntry,
): Promise<BankStatementEntry> {
  const entry = await queuedEntry(ctx, id);
  if (entry.creditDebit !== 'CRDT') throw entryNotCredit();
  const [invoice] = await findPayableInvoices(ctx, { id: input.invoice_id });
  if (!invoice) throw invoiceNotPayable();
  if (invoice.amountDue <= 0n) throw invoiceNothingDue(invoice.number);
  const statement = await findBankStatement(ctx.tx, ctx.tenantId, entry.statementId);
  const paidOn = entry.bookingDate ?? entry.valueDate ?? statement!.closingDate;
  const changes = await bookEntryPayment(ctx, entry, invoice, 'manual', paidOn);
  const updated = await updateBankStatementEntry(ctx.tx, ctx.tenantId, id, changes);
  await recordAuditEvent(ctx, {
    action: 'bank_statement_entry.matched',
    targetType: 'bank_statement_entry',
    targetId: id,
    details: { invoice_id: invoice.id, number: invoice.number, payment_id: updated.paymentId },
  });
  return present(ctx, updated);
}

/** The entry concerns no invoice (a refund from a supplier, a transfer between own accounts). */
export async function ignoreEntry(ctx: TenantContext, id: string): Promise<BankStatementEntry> {
  const existing = await findBankStatementEntry(ctx.tx, ctx.tenantId, id);
  if (existing?.status === 'ignored') return present(ctx, existing);
  const entry = await queuedEntry(ctx, id);
  const updated = await updateBankStatementEntry(ctx.tx, ctx.tenantId, entry.id, { status: 'ignored' });
  await recordAuditEvent(ctx, {
    action: 'bank_statement_entry.ignored',
    targetType: 'bank_statement_entry',
    targetId: id,
    details: { was: entry.status, amount: updated.amount.toString() },
  });
  return present(ctx, updated);
}
