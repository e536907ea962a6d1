import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { mandateIdTaken } from '../mandates.errors.ts';
import { countCustomerMandates, isMandateIdTaken } from '../mandates.repository.ts';

/**
 * The mandate id when none is given: `{first 8 characters of the customer's id}-{n}`, n counting
 * every mandate the customer ever had (`3F2A9C1E-1`, `3F2A9C1E-2`). Short, stable per customer,
 * in the SEPA character set, and never the id of an earlier (revoked) mandate: a number taken by
 * hand is skipped.
 */
export async function nextMandateId(ctx: Pick<TenantContext, 'tenantId' | 'tx'>, customerId: string) {
  const prefix = customerId.replaceAll('-', '').slice(0, 8).toUpperCase();
  let sequence = (await countCustomerMandates(ctx.tx, ctx.tenantId, customerId)) + 1;
  while (await isMandateIdTaken(ctx.tx, ctx.tenantId, `${prefix}-${sequence}`)) sequence++;
  return `${prefix}-${sequence}`;
}

/** A mandate id given by hand must be new for this creditor (also after a revocation, §5.2). */
export async function claimMandateId(ctx: Pick<TenantContext, 'tenantId' | 'tx'>, mandateId: string) {
  if (await isMandateIdTaken(ctx.tx, ctx.tenantId, mandateId)) throw mandateIdTaken(mandateId);
  return mandateId;
}
