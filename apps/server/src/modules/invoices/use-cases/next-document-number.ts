import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { counterYear, formatDocumentNumber, type NumberedDocumentType } from '../domain/document-number.ts';
import { nextDocumentSequence, numberFormat } from '../invoices.repository.ts';

/**
 * The next number of one of the tenant's series (invoice, credit note, quote) for a document
 * issued on `issueDate`, inside the caller's transaction: the counter row stays locked until it
 * commits, and a rollback gives the number back, so the series has no gaps (domain rules §1.2).
 */
export async function nextDocumentNumber(
  ctx: Pick<TenantContext, 'tenantId' | 'tx'>,
  documentType: NumberedDocumentType,
  issueDate: string,
): Promise<string> {
  const format = await numberFormat(ctx.tx, ctx.tenantId, documentType);
  const sequence = await nextDocumentSequence(ctx.tx, ctx.tenantId, documentType, counterYear(format, issueDate));
  return formatDocumentNumber(format, issueDate, sequence);
}
