import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { addTimelineItem } from '../../crm/index.ts';
import type { QuoteRow } from '../quotes.repository.ts';

export type QuoteTimelineKind = 'quote.sent' | 'quote.viewed' | 'quote.accepted' | 'quote.declined';

/**
 * Puts what happened to a quote on its customer's timeline, in the same transaction. Per version
 * and kind once (the CRM keys items on source and kind). A customer since deleted has none.
 */
export async function addQuoteTimelineItem(
  ctx: Pick<TenantContext, 'tenantId' | 'tx' | 'actor'>,
  row: QuoteRow,
  kind: QuoteTimelineKind,
  body: string,
  details: Record<string, unknown>,
): Promise<void> {
  const relation = row.organizationId
    ? { organization_id: row.organizationId }
    : row.personId
      ? { person_id: row.personId }
      : null;
  if (!relation) return;
  await addTimelineItem(ctx, {
    ...relation,
    kind,
    body,
    source_type: 'quote',
    source_id: row.id,
    details: { quote_id: row.id, number: row.number, revision: row.revision, ...details },
  });
}
