import { createHash } from 'node:crypto';
import {
  amsterdamDate,
  computeDocumentTotals,
  formatAmount,
  formatMoney,
  type Quote,
  type SendQuote,
} from '@clientbox/contracts';
import { recordAuditEvent } from '../../../kernel/audit/audit-log.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { getCompany, getLogoForDocument } from '../../company/index.ts';
import { getCustomerForDocument } from '../../crm/index.ts';
import { nextDocumentNumber, renderDocumentPdf } from '../../invoices/index.ts';
import { QUOTE_TEXTS } from '../documents/quote-texts.ts';
import { defaultValidUntil } from '../domain/quote-validity.ts';
import { SEND_QUOTE_EMAIL_JOB, type SendQuoteEmailPayload } from '../jobs/send-quote-email.job.ts';
import type { QuoteServices } from '../quote-services.ts';
import { quoteIncomplete, quoteNotDraft, quoteNotFound } from '../quotes.errors.ts';
import { findQuote, insertQuotePdf, loadQuoteLines, updateQuoteRow } from '../quotes.repository.ts';
import { buildQuoteSnapshot, missingForSending } from './build-quote-snapshot.ts';
import { presentQuote } from './present-quote.ts';
import { addQuoteTimelineItem } from './quote-timeline.ts';

/**
 * Sends a draft: checks what it needs, gives a first version the next number of the quote
 * series (a later version keeps its number), fixes issue date and validity, freezes the snapshot,
 * renders and stores the PDF, and queues the e-mail to the customer (it leaves after the commit,
 * with the stored PDF and the customer's link). From here on the quote no longer changes.
 */
export async function sendQuote(
  ctx: TenantContext,
  id: string,
  input: SendQuote,
  services: QuoteServices,
): Promise<Quote> {
  const row = await findQuote(ctx.tx, ctx.tenantId, id, true);
  if (!row) throw quoteNotFound();
  if (row.status !== 'draft') throw quoteNotDraft();
  const lines = await loadQuoteLines(ctx.tx, ctx.tenantId, id);
  const company = await getCompany(ctx);
  const customerId = row.organizationId ?? row.personId;
  const customer = customerId ? await getCustomerForDocument(ctx, customerId) : null;
  const recipient = input.email ?? customer?.email ?? null;
  const today = amsterdamDate();
  const issueDate = row.issueDate ?? today;
  const validUntil = row.validUntil ?? defaultValidUntil(issueDate);
  // Checked before a number is taken, so an incomplete quote costs no counter lock.
  const missing = missingForSending(company, customer, lines, recipient);
  if (validUntil < today) missing.push({ field: 'valid_until', code: 'date_in_past' });
  if (missing.length) throw quoteIncomplete(missing);

  const number = row.number ?? (await nextDocumentNumber(ctx, 'quote', issueDate));
  const logo = await getLogoForDocument(ctx, services.storage);
  const snapshot = buildQuoteSnapshot({
    row,
    company,
    customer,
    lines,
    recipient,
    number,
    issueDate,
    validUntil,
    logo,
  });
  const pdf = await renderDocumentPdf(snapshot);
  const sentAt = new Date();
  const sent = await updateQuoteRow(ctx.tx, ctx.tenantId, id, {
    status: 'sent',
    number,
    issueDate,
    validUntil,
    language: snapshot.language,
    snapshot,
    sentAt,
    sentBy: ctx.actor.type === 'user' ? ctx.actor.id : null,
    sentTo: recipient,
  });
  await insertQuotePdf(ctx.tx, {
    tenantId: ctx.tenantId,
    quoteId: id,
    kind: 'pdf',
    content: pdf,
    sha256: createHash('sha256').update(pdf).digest('hex'),
  });
  const total = computeDocumentTotals(snapshot).total_incl_vat;
  await recordAuditEvent(ctx, {
    action: 'quote.sent',
    targetType: 'quote',
    targetId: id,
    details: { number, revision: row.revision, to: recipient, total_incl_vat: formatAmount(total) },
  });
  await addQuoteTimelineItem(
    ctx,
    sent!,
    'quote.sent',
    QUOTE_TEXTS[ctx.locale].timelineSent(number, row.revision, formatMoney(total, ctx.locale)),
    { total_incl_vat: formatAmount(total), valid_until: validUntil },
  );
  const payload: SendQuoteEmailPayload = { quoteId: id, to: recipient! };
  await services.jobs.enqueue(ctx, SEND_QUOTE_EMAIL_JOB, payload);
  return presentQuote(ctx, sent!, services.publicBaseUrl);
}
