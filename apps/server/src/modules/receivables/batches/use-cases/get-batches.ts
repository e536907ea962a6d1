import type { DirectDebitBatchDto, RefundBatchDto } from '@clientbox/contracts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { directDebitBatchNotFound, refundBatchNotFound } from '../batches.errors.ts';
import {
  directDebitItemsOf,
  findDirectDebitBatch,
  findRefundBatch,
  listDirectDebitBatchRows,
  listRefundBatchRows,
  refundItemsOf,
} from '../batches.repository.ts';
import { toDirectDebitBatchDto, toRefundBatchDto } from '../batches.dto.ts';

export async function listDirectDebitBatches(ctx: TenantContext): Promise<DirectDebitBatchDto[]> {
  const rows = await listDirectDebitBatchRows(ctx.tx, ctx.tenantId);
  const items = await directDebitItemsOf(
    ctx.tx,
    ctx.tenantId,
    rows.map((row) => row.id),
  );
  return rows.map((row) =>
    toDirectDebitBatchDto(
      row,
      items.filter((item) => item.batchId === row.id),
      false,
    ),
  );
}

export async function getDirectDebitBatch(ctx: TenantContext, id: string): Promise<DirectDebitBatchDto> {
  const row = await findDirectDebitBatch(ctx.tx, ctx.tenantId, id);
  if (!row) throw directDebitBatchNotFound();
  return toDirectDebitBatchDto(row, await directDebitItemsOf(ctx.tx, ctx.tenantId, [id]), true);
}

/** The pain.008 file exactly as created. */
export async function getDirectDebitBatchFile(ctx: TenantContext, id: string) {
  const row = await findDirectDebitBatch(ctx.tx, ctx.tenantId, id);
  if (!row) throw directDebitBatchNotFound();
  return { content: row.fileContent, sha256: row.fileSha256, fileName: `${row.messageId}.xml` };
}

export async function listRefundBatches(ctx: TenantContext): Promise<RefundBatchDto[]> {
  const rows = await listRefundBatchRows(ctx.tx, ctx.tenantId);
  const items = await refundItemsOf(
    ctx.tx,
    ctx.tenantId,
    rows.map((row) => row.id),
  );
  return rows.map((row) =>
    toRefundBatchDto(
      row,
      items.filter((item) => item.batchId === row.id),
      false,
    ),
  );
}

export async function getRefundBatch(ctx: TenantContext, id: string): Promise<RefundBatchDto> {
  const row = await findRefundBatch(ctx.tx, ctx.tenantId, id);
  if (!row) throw refundBatchNotFound();
  return toRefundBatchDto(row, await refundItemsOf(ctx.tx, ctx.tenantId, [id]), true);
}

/** The pain.001 file exactly as created. */
export async function getRefundBatchFile(ctx: TenantContext, id: string) {
  const row = await findRefundBatch(ctx.tx, ctx.tenantId, id);
  if (!row) throw refundBatchNotFound();
  return { content: row.fileContent, sha256: row.fileSha256, fileName: `${row.messageId}.xml` };
}
