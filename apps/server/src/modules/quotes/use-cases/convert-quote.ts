import type { Invoice } from '@clientbox/contracts';
import { recordAuditEvent } from '../../../kernel/audit/audit-log.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { createInvoiceDraftFromLines, lineFieldsOf } from '../../invoices/index.ts';
import { QUOTE_TEXTS } from '../documents/quote-texts.ts';
import { isExcluded } from '../domain/optional-lines.ts';
import { customerNotFound, quoteAlreadyConverted, quoteNotAccepted, quoteNotFound } from '../quotes.errors.ts';
import { findQuote, loadQuoteLines, updateQuoteRow } from '../quotes.repository.ts';

/**
 * An accepted quote becomes an invoice draft in one step: the lines as accepted (an optional
 * line only when the customer ticked it), the same discount, language and reference, so the
 * draft's totals are the accepted quote's. The quote keeps the invoice's id; a second conversion
 * is refused (deleting that draft frees the quote again).
 */
export async function convertQuote(ctx: TenantContext, id: string): Promise<Invoice> {
  const row = await findQuote(ctx.tx, ctx.tenantId, id, true);
  if (!row) throw quoteNotFound();
  if (row.invoiceId) throw quoteAlreadyConverted(row.invoiceId);
  if (row.status !== 'accepted') throw quoteNotAccepted();
  const customerId = row.organizationId ?? row.personId;
  if (!customerId) throw customerNotFound();
  const lines = (await loadQuoteLines(ctx.tx, ctx.tenantId, id)).filter(
    (line) => !isExcluded(line, line.position, row.selectedOptionalLines),
  );
  const language = row.snapshot?.language ?? row.language ?? 'nl';
  const invoice = await createInvoiceDraftFromLines(ctx, {
    customer_id: customerId,
    lines: lines.map(lineFieldsOf),
    language,
    discount_percent: row.discountPercent,
    buyer_reference: row.buyerReference,
    note: QUOTE_TEXTS[language].invoiceNote(row.number!),
    source: { type: 'quote', id: row.id, number: row.number },
  });
  await updateQuoteRow(ctx.tx, ctx.tenantId, id, { invoiceId: invoice.id });
  await recordAuditEvent(ctx, {
    action: 'quote.converted',
    targetType: 'quote',
    targetId: id,
    details: { number: row.number, revision: row.revision, invoice_id: invoice.id },
  });
  return invoice;
}
