import type { PublicQuote } from '@clientbox/contracts';
import { recordAuditEvent } from '../../../kernel/audit/audit-log.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { QUOTE_TEXTS } from '../documents/quote-texts.ts';
import { quoteNotFound } from '../quotes.errors.ts';
import { findQuoteByToken, updateQuoteRow } from '../quotes.repository.ts';
import { presentPublicQuote } from './present-public-quote.ts';
import { addQuoteTimelineItem } from './quote-timeline.ts';

/**
 * The customer opens their link. The first time a sent (current) version is opened it becomes
 * `viewed`, with the moment, an audit entry and an item on the customer's timeline; later views
 * change nothing. The update is conditional on the row's version, so two first views at once
 * record one.
 */
export async function viewPublicQuote(ctx: TenantContext, token: string): Promise<PublicQuote> {
  let row = await findQuoteByToken(ctx.tx, ctx.tenantId, token);
  if (!row || row.status === 'draft') throw quoteNotFound();
  if (row.status === 'sent' && !row.viewedAt && !row.supersededAt) {
    const viewed = await updateQuoteRow(
      ctx.tx,
      ctx.tenantId,
      row.id,
      { status: 'viewed', viewedAt: new Date() },
      row.version,
    );
    if (viewed) {
      row = viewed;
      await recordAuditEvent(ctx, {
        action: 'quote.viewed',
        targetType: 'quote',
        targetId: row.id,
        details: { number: row.number, revision: row.revision, ip: ctx.meta.ip },
      });
      await addQuoteTimelineItem(ctx, row, 'quote.viewed', QUOTE_TEXTS.nl.timelineViewed(row.number!), {});
    }
  }
  return presentPublicQuote(row);
}
