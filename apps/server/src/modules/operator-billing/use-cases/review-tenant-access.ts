import { changeTenantState } from '../../../kernel/entitlements/change-tenant-state.ts';
import type { Tx } from '../../../kernel/db/database.ts';
import type { JobRunner, SteppedJobContext } from '../../../kernel/jobs/job-runner.ts';
import type { Kernel } from '../../../kernel/kernel.ts';
import { getPlatformSetting } from '../../../kernel/orders/platform-settings.ts';
import { unpaidFinalNotices } from '../../receivables/index.ts';
import {
  findPlatformCustomer,
  findPlatformCustomerByCustomer,
  setSuspendedForPayment,
} from '../operator-billing.repository.ts';
import { systemContext } from './system-context.ts';

export const REVIEW_ACCESS_JOB = 'operator-billing.review-access';

export interface ReviewAccessPayload {
  platformTenantId: string;
}

export type AccessOutcome = 'suspended' | 'reactivated' | 'unchanged';

/**
 * A final notice or a payment in the operator's billing tenant may change whether the tenant
 * behind that customer keeps access: when the customer is one of the platform's tenants, its
 * access is reviewed by a job after this transaction commits.
 */
export async function requestAccessReview(
  ctx: { tenantId: string; tx: Tx },
  customerId: string | null,
  jobs: Pick<JobRunner, 'enqueue'>,
): Promise<void> {
  if (!customerId) return;
  const link = await findPlatformCustomerByCustomer(ctx.tx, ctx.tenantId, customerId);
  if (!link) return;
  await jobs.enqueue<ReviewAccessPayload>(ctx, REVIEW_ACCESS_JOB, { platformTenantId: link.platformTenantId });
}

/**
 * Art. 13: a tenant with an invoice that got its final notice and is still unpaid is suspended
 * (read-only, export stays possible); once nothing like that is left, a suspension made here is
 * lifted. Only the operator's billing tenant governs access. The invoices are read in a step; the
 * tenant's state changes on the platform's own connection between steps (no tenant transaction
 * is open then). Safe to repeat.
 */
export async function reviewTenantAccess(
  job: Pick<SteppedJobContext<ReviewAccessPayload>, 'tenantId' | 'payload' | 'step'>,
  kernel: Pick<Kernel, 'database' | 'tenantAccess'>,
): Promise<AccessOutcome> {
  const { platformTenantId } = job.payload;
  if ((await getPlatformSetting(kernel.database.owner, 'billing.operator_tenant')) !== job.tenantId) return 'unchanged';
  const facts = await job.step(async (tx) => {
    const link = await findPlatformCustomer(tx, job.tenantId, platformTenantId);
    const customerId = link?.organizationId ?? link?.personId ?? null;
    if (!link || !customerId) return null;
    const unpaid = await unpaidFinalNotices(systemContext(job.tenantId, tx), customerId);
    return { isInArrears: unpaid.length > 0, wasSuspendedHere: link.suspendedForPaymentAt !== null };
  });
  if (!facts) return 'unchanged';
  kernel.tenantAccess.forget(platformTenantId);
  const access = await kernel.tenantAccess.get(platformTenantId);
  if (!access) return 'unchanged';
  if (facts.isInArrears && access.state === 'active') {
    await changeTenantState(kernel.database, platformTenantId, 'suspend');
    await job.step((tx) => setSuspendedForPayment(tx, job.tenantId, platformTenantId, new Date()));
    kernel.tenantAccess.forget(platformTenantId);
    return 'suspended';
  }
  if (!facts.isInArrears && facts.wasSuspendedHere && access.state === 'suspended') {
    await changeTenantState(kernel.database, platformTenantId, 'reactivate');
    await job.step((tx) => setSuspendedForPayment(tx, job.tenantId, platformTenantId, null));
    kernel.tenantAccess.forget(platformTenantId);
    return 'reactivated';
  }
  return 'unchanged';
}
