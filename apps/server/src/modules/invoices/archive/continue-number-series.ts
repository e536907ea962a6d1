import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { counterYear, type NumberedDocumentType } from '../domain/document-number.ts';
import { sequenceInNumber } from '../domain/number-sequence.ts';
import { numberFormat } from '../invoices.repository.ts';
import { raiseCounterRows } from './invoice-archive.repository.ts';

/**
 * For another module's import (quotes): numbers once given are never given again (domain rules
 * §1.2), so the tenant's counter of `documentType` continues after the highest number among these
 * documents, whatever the archived counter said. A number written under another format than the
 * series has now is left out, as the invoices' own import does.
 */
export async function continueNumberSeriesAfter(
  ctx: Pick<TenantContext, 'tenantId' | 'tx'>,
  documentType: NumberedDocumentType,
  documents: readonly { number: string; issueDate: string }[],
): Promise<void> {
  const format = await numberFormat(ctx.tx, ctx.tenantId, documentType);
  const last = new Map<number, number>();
  for (const document of documents) {
    const sequence = sequenceInNumber(format, document.number);
    if (sequence === null) continue;
    const year = counterYear(format, document.issueDate);
    last.set(year, Math.max(last.get(year) ?? 0, sequence));
  }
  await raiseCounterRows(
    ctx.tx,
    [...last].map(([year, lastNumber]) => ({ tenantId: ctx.tenantId, documentType, year, lastNumber })),
  );
}
