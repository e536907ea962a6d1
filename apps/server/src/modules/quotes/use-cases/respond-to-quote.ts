import {
  type AcceptQuote,
  amsterdamDate,
  computeDocumentTotals,
  type DeclineQuote,
  formatAmount,
  formatMoney,
  type PublicQuote,
} from '@clientbox/contracts';
import { recordAuditEvent } from '../../../kernel/audit/audit-log.ts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { QUOTE_TEXTS } from '../documents/quote-texts.ts';
import { isExcluded, selectionIssues } from '../domain/optional-lines.ts';
import { responseRefusal } from '../domain/quote-status.ts';
import { NOTIFY_QUOTE_RESPONSE_JOB, type NotifyQuoteResponsePayload } from '../jobs/notify-quote-response.job.ts';
import type { QuoteServices } from '../quote-services.ts';
import { quoteNotFound, responseRefused } from '../quotes.errors.ts';
import { findQuoteByToken, type QuoteRow, updateQuoteRow } from '../quotes.repository.ts';
import { presentPublicQuote } from './present-public-quote.ts';
import { addQuoteTimelineItem } from './quote-timeline.ts';

/** The quote behind the link, locked, if the customer may still answer it (else 404 or a 409 saying why). */
async function answerableQuote(ctx: TenantContext, token: string): Promise<QuoteRow> {
  const row = await findQuoteByToken(ctx.tx, ctx.tenantId, token, true);
  if (!row?.snapshot) throw quoteNotFound();
  const refusal = responseRefusal(row, amsterdamDate());
  if (refusal === 'quote_not_found') throw quoteNotFound();
  if (refusal) throw responseRefused(refusal);
  return row;
}

/**
 * The customer accepts on the public page: their typed name, the ticked checkbox, the optional
 * lines they chose, and — as evidence of who agreed to what, when — the moment, IP address and
 * browser. The tenant is told by e-mail (after the commit) and the acceptance is on the
 * customer's timeline.
 */
export async function acceptQuote(
  ctx: TenantContext,
  token: string,
  input: AcceptQuote,
  services: Pick<QuoteServices, 'jobs'>,
): Promise<PublicQuote> {
  const row = await answerableQuote(ctx, token);
  const snapshot = row.snapshot!;
  const issues = selectionIssues(
    snapshot.lines.map((line) => ({ kind: line.kind, isOptional: line.is_optional })),
    input.selected_optional_lines,
  );
  if (issues.length)
    throw new AppError('validation_failed', {
      fields: issues.map((issue) => ({
        field: `selected_optional_lines.${issue.position}`,
        code: issue.code,
        message: issue.code,
      })),
    });
  const selected = [...input.selected_optional_lines].sort((a, b) => a - b);
  const acceptedAt = new Date();
  const accepted = await updateQuoteRow(ctx.tx, ctx.tenantId, row.id, {
    status: 'accepted',
    acceptedName: input.name,
    acceptedAt,
    acceptedIp: ctx.meta.ip,
    acceptedUserAgent: ctx.meta.userAgent?.slice(0, 1000) ?? null,
    selectedOptionalLines: selected,
    viewedAt: row.viewedAt ?? acceptedAt,
  });
  const total = computeDocumentTotals({
    lines: snapshot.lines.map((line, index) => ({
      ...line,
      is_excluded: isExcluded({ kind: line.kind, isOptional: line.is_optional }, index, selected),
    })),
    discount_percent: snapshot.discount_percent,
  }).total_incl_vat;
  const customerActor = { ...ctx, actor: { ...ctx.actor, name: input.name } };
  await recordAuditEvent(customerActor, {
    action: 'quote.accepted',
    targetType: 'quote',
    targetId: row.id,
    details: {
      number: row.number,
      revision: row.revision,
      name: input.name,
      ip: ctx.meta.ip,
      selected_optional_lines: selected,
      total_incl_vat: formatAmount(total),
    },
  });
  await addQuoteTimelineItem(
    customerActor,
    accepted!,
    'quote.accepted',
    QUOTE_TEXTS.nl.timelineAccepted(row.number!, input.name, formatMoney(total, 'nl')),
    { accepted_name: input.name, selected_optional_lines: selected, total_incl_vat: formatAmount(total) },
  );
  await notifyTenant(ctx, services, { quoteId: row.id, response: 'accepted' });
  return presentPublicQuote(accepted!);
}

/** The customer declines with a reason; the tenant is told, the decline is on the timeline. */
export async function declineQuote(
  ctx: TenantContext,
  token: string,
  input: DeclineQuote,
  services: Pick<QuoteServices, 'jobs'>,
): Promise<PublicQuote> {
  const row = await answerableQuote(ctx, token);
  const declinedAt = new Date();
  const declined = await updateQuoteRow(ctx.tx, ctx.tenantId, row.id, {
    status: 'declined',
    declinedReason: input.reason,
    declinedAt,
    viewedAt: row.viewedAt ?? declinedAt,
  });
  await recordAuditEvent(ctx, {
    action: 'quote.declined',
    targetType: 'quote',
    targetId: row.id,
    details: { number: row.number, revision: row.revision, reason: input.reason, ip: ctx.meta.ip },
  });
  await addQuoteTimelineItem(
    ctx,
    declined!,
    'quote.declined',
    QUOTE_TEXTS.nl.timelineDeclined(row.number!, input.reason),
    { reason: input.reason },
  );
  await notifyTenant(ctx, services, { quoteId: row.id, response: 'declined' });
  return presentPublicQuote(declined!);
}

function notifyTenant(ctx: TenantContext, services: Pick<QuoteServices, 'jobs'>, payload: NotifyQuoteResponsePayload) {
  return services.jobs.enqueue(ctx, NOTIFY_QUOTE_RESPONSE_JOB, payload);
}
