import { recordAuditEvent } from '../../../../kernel/audit/audit-log.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import {
  collectionRecords,
  directDebitItemsOf,
  lockDirectDebitBatch,
  setDirectDebitBatchStatus,
  setDirectDebitItemOutcome,
} from '../batches.repository.ts';

export interface CollectionOutcome {
  outcome: 'collected' | 'returned';
  returnReasonCode: string | null;
  /** The bank statement entry that says so, and its booking date. */
  entryId: string;
  on: string | null;
}

/**
 * A bank statement says what became of an invoice's collection: its credit was booked
 * (`collected`, the oldest collection still pending) or it came back (`returned`, the newest
 * collection not returned yet: a return follows its credit). A batch whose every item has an
 * outcome is `settled`. Statements that name no collection of ours change nothing.
 */
export async function recordCollectionOutcome(
  ctx: TenantContext,
  invoiceId: string,
  result: CollectionOutcome,
): Promise<void> {
  const records = await collectionRecords(ctx.tx, ctx.tenantId, { invoiceIds: [invoiceId] });
  const item =
    result.outcome === 'collected'
      ? records.find((record) => record.outcome === 'pending')
      : records.filter((record) => record.outcome !== 'returned').at(-1);
  if (!item) return;
  await setDirectDebitItemOutcome(ctx.tx, item, {
    outcome: result.outcome,
    returnReasonCode: result.returnReasonCode,
    outcomeEntryId: result.entryId,
    outcomeOn: result.on,
  });
  await settleWhenComplete(ctx, item.batchId);
}

async function settleWhenComplete(ctx: TenantContext, batchId: string): Promise<void> {
  const batch = await lockDirectDebitBatch(ctx.tx, ctx.tenantId, batchId);
  if (batch?.status !== 'open') return;
  const items = await directDebitItemsOf(ctx.tx, ctx.tenantId, [batchId]);
  if (items.some((item) => item.outcome === 'pending')) return;
  await setDirectDebitBatchStatus(ctx.tx, ctx.tenantId, batchId, 'settled');
  await recordAuditEvent(ctx, {
    action: 'direct_debit_batch.settled',
    targetType: 'direct_debit_batch',
    targetId: batchId,
    details: {
      message_id: batch.messageId,
      collected: items.filter((item) => item.outcome === 'collected').length,
      returned: items.filter((item) => item.outcome === 'returned').length,
    },
  });
}
