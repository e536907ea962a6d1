import { amsterdamDate, computeDocumentTotals, creditorReference, type Invoice } from '@clientbox/contracts';
import { recordAuditEvent } from '../../../kernel/audit/audit-log.ts';
import type { FileStorage } from '../../../kernel/storage/index.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { getCompany, getLogoForDocument } from '../../company/index.ts';
import { type CustomerForDocument, getCustomerForDocument } from '../../crm/index.ts';
import { directDebitMandate } from '../direct-debit-mandate-lookup.ts';
import { addDays, retentionUntil } from '../domain/document-number.ts';
import { toTotalsLine } from '../invoices.dto.ts';
import { invoiceIncomplete, invoiceNotDraft, invoiceNotFound } from '../invoices.errors.ts';
import { findInvoice, type InvoiceRow, loadLines, updateInvoiceRow } from '../invoices.repository.ts';
import { nextDocumentNumber } from './next-document-number.ts';
import { buildSnapshot, missingMandatoryContent } from './build-snapshot.ts';
import { presentInvoice } from './present-invoice.ts';
import { storeDocumentFiles } from './store-document-files.ts';

/**
 * Issues a draft: checks the mandatory content, takes the next number of the series (gapless:
 * the counter row stays locked until this transaction commits, and a failure rolls the number
 * back), fixes the dates and the payment reference, and freezes the snapshot. From here on the
 * database refuses any change to what was issued.
 */
export async function finalizeInvoice(
  ctx: TenantContext,
  id: string,
  deps: { storage: FileStorage },
): Promise<Invoice> {
  return presentInvoice(ctx, await issueInvoiceDraft(ctx, id, deps));
}

/**
 * `finalizeInvoice` without presenting the result: the issued row. `known` is the customer as the
 * caller read it in this transaction (not read again).
 */
export async function issueInvoiceDraft(
  ctx: TenantContext,
  id: string,
  deps: { storage: FileStorage },
  known?: CustomerForDocument,
): Promise<InvoiceRow> {
  const row = await findInvoice(ctx.tx, ctx.tenantId, id, true);
  if (!row) throw invoiceNotFound();
  if (row.status !== 'draft') throw invoiceNotDraft();
  const lines = await loadLines(ctx.tx, ctx.tenantId, id);
  const company = await getCompany(ctx);
  const customerId = row.organizationId ?? row.personId;
  const customer = !customerId
    ? null
    : known?.id === customerId
      ? known
      : await getCustomerForDocument(ctx, customerId);
  // Checked before a number is taken, so an incomplete invoice costs no counter lock.
  const missing = missingMandatoryContent(company, customer, lines, row);
  if (missing.length) throw invoiceIncomplete(missing);
  // Direct debit: the mandate must be usable, and the UBL and the e-mail name its debited account.
  const mandate =
    row.paymentMeans === 'direct_debit' ? await directDebitMandate(ctx, customer!.id, row.mandateReference!) : null;
  if (row.paymentMeans === 'direct_debit' && !mandate)
    throw invoiceIncomplete([{ field: 'mandate_reference', code: 'mandate_not_usable' }]);

  const issueDate = row.issueDate ?? amsterdamDate();
  const paymentTermDays = row.paymentTermDays ?? customer!.payment_term_days;
  const dueDate = addDays(issueDate, paymentTermDays);
  const number = await nextDocumentNumber(ctx, row.type, issueDate);
  const paymentReference = creditorReference(number);
  const credited = row.creditedInvoiceId ? await findInvoice(ctx.tx, ctx.tenantId, row.creditedInvoiceId) : null;
  const billingReference = credited ? { number: credited.number!, issue_date: credited.issueDate! } : null;
  const snapshot = buildSnapshot({
    row,
    company,
    customer,
    lines,
    number,
    issueDate,
    dueDate,
    paymentReference,
    billingReference,
    debtorIban: mandate?.debtorIban ?? null,
    logo: await getLogoForDocument(ctx, deps.storage),
  });
  const totals = computeDocumentTotals({ lines: lines.map(toTotalsLine), discount_percent: row.discountPercent });

  const issued = await updateInvoiceRow(ctx.tx, ctx.tenantId, id, {
    status: 'issued',
    number,
    issueDate,
    dueDate,
    paymentTermDays,
    language: snapshot.language,
    paymentReference,
    snapshot,
    totalExclVat: totals.total_excl_vat,
    totalVat: totals.total_vat,
    totalInclVat: totals.total_incl_vat,
    finalizedAt: new Date(),
    finalizedBy: ctx.actor.type === 'user' ? ctx.actor.id : null,
    retentionUntil: retentionUntil(issueDate),
  });
  await storeDocumentFiles(ctx, id, snapshot);
  await recordAuditEvent(ctx, {
    action: 'invoice.finalized',
    targetType: 'invoice',
    targetId: id,
    details: { number, total_incl_vat: totals.total_incl_vat.toString() },
  });
  return issued!;
}
