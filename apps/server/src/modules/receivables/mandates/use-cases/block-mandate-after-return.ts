import { recordAuditEvent } from '../../../../kernel/audit/audit-log.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { findMandateByMandateId, updateMandateRow } from '../mandates.repository.ts';

/**
 * A returned collection whose reason code means the mandate cannot be used again (no valid
 * mandate, account closed or blocked, debtor deceased: domain rules §5.5) revokes the mandate, so
 * no next batch collects on it. Returns whether it was revoked now.
 */
export async function blockMandateAfterReturn(
  ctx: TenantContext,
  mandateId: string,
  reasonCode: string,
): Promise<boolean> {
  const mandate = await findMandateByMandateId(ctx.tx, ctx.tenantId, mandateId);
  if (!mandate || mandate.status === 'revoked') return false;
  const reason = `Direct debit returned by the bank (${reasonCode})`;
  await updateMandateRow(ctx.tx, ctx.tenantId, mandate.id, {
    status: 'revoked',
    revokedAt: new Date(),
    revokedReason: reason,
  });
  await recordAuditEvent(ctx, {
    action: 'mandate.revoked',
    targetType: 'mandate',
    targetId: mandate.id,
    details: { mandate_id: mandate.mandateId, was: mandate.status, reason, return_reason_code: reasonCode },
  });
  return true;
}
