import type { DirectDebitBatchDto } from '@clientbox/contracts';
import { recordAuditEvent } from '../../../../kernel/audit/audit-log.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { findMandate, updateMandateRow } from '../../mandates/mandates.repository.ts';
import type { DirectDebitBatchItemRow, DirectDebitBatchRow } from '../../collection-batches.tables.ts';
import { directDebitBatchHasOutcomes, directDebitBatchNotFound, directDebitBatchNotOpen } from '../batches.errors.ts';
import {
  collectionRecords,
  directDebitItemsOf,
  lockDirectDebitBatch,
  setDirectDebitBatchStatus,
} from '../batches.repository.ts';
import { toDirectDebitBatchDto } from '../batches.dto.ts';

/**
 * Withdraws a batch that will not go to the bank (or that the bank did not process): only while
 * it is open and no statement booked a collection or return of it. Its invoices can be collected
 * again at once, and the mandates it used are put back as they were (last collection day, a
 * pending amendment), so the next file has the right sequence type and reports the amendment.
 */
export async function withdrawDirectDebitBatch(ctx: TenantContext, id: string): Promise<DirectDebitBatchDto> {
  const batch = await lockDirectDebitBatch(ctx.tx, ctx.tenantId, id);
  if (!batch) throw directDebitBatchNotFound();
  if (batch.status !== 'open') throw directDebitBatchNotOpen(batch.status);
  const items = await directDebitItemsOf(ctx.tx, ctx.tenantId, [id]);
  if (items.some((item) => item.outcome !== 'pending')) throw directDebitBatchHasOutcomes();
  const cancelled = await setDirectDebitBatchStatus(ctx.tx, ctx.tenantId, id, 'cancelled');
  const restored = await restoreMandates(ctx, batch, items);
  await recordAuditEvent(ctx, {
    action: 'direct_debit_batch.withdrawn',
    targetType: 'direct_debit_batch',
    targetId: id,
    details: { message_id: batch.messageId, item_count: items.length, mandates_restored: restored },
  });
  return toDirectDebitBatchDto(cancelled, items, true);
}

/**
 * A mandate is put back only when this batch was the last to change it: its last collection day
 * is still this batch's and no batch made later (not withdrawn) used it. Otherwise the later
 * batch's state stands. Returns the mandate ids (MndtId) put back.
 */
async function restoreMandates(
  ctx: TenantContext,
  batch: DirectDebitBatchRow,
  items: DirectDebitBatchItemRow[],
): Promise<string[]> {
  const restored: string[] = [];
  const byMandate = new Map(items.map((item) => [item.mandateId, item]));
  const others = await collectionRecords(ctx.tx, ctx.tenantId, { mandateIds: [...byMandate.keys()] });
  for (const [mandateId, item] of byMandate) {
    const before = item.mandateBefore;
    if (!before) continue;
    const mandate = await findMandate(ctx.tx, ctx.tenantId, mandateId, true);
    if (!mandate || mandate.lastCollectionOn !== batch.collectionDate) continue;
    const usedLater = others.some(
      (other) => other.mandateId === mandateId && other.batchId !== batch.id && other.batchCreatedAt >= batch.createdAt,
    );
    if (usedLater) continue;
    await updateMandateRow(ctx.tx, ctx.tenantId, mandateId, {
      lastCollectionOn: before.last_collection_on,
      originalIban: mandate.originalIban ?? before.original_iban,
    });
    restored.push(mandate.mandateId);
  }
  return restored;
}
