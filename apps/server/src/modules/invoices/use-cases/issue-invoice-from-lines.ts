import type { FileStorage } from '../../../kernel/storage/index.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import type { CustomerForDocument } from '../../crm/index.ts';
import { type InvoiceDraftFromLines, insertInvoiceDraftFromLines } from './create-invoice-draft-from-lines.ts';
import { issueInvoiceDraft } from './finalize-invoice.ts';

/**
 * An invoice (or credit note) from lines another module settled, issued at once: a subscription's
 * period, late-payment charges, the operator's cancellation fee. Answers only its id and number:
 * these callers bill many documents in one run and have no use for the API's presentation. A
 * caller that read the customer in this transaction passes it as `known`, so it is read once.
 */
export async function issueInvoiceFromLines(
  ctx: TenantContext,
  input: InvoiceDraftFromLines,
  deps: { storage: FileStorage },
  known?: CustomerForDocument,
): Promise<{ id: string; number: string }> {
  const draft = await insertInvoiceDraftFromLines(ctx, input, known);
  const issued = await issueInvoiceDraft(ctx, draft.id, deps, known);
  // An issued invoice always has its number (the database refuses one without).
  return { id: issued.id, number: issued.number! };
}
