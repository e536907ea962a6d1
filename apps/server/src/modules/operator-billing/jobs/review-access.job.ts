import { changeTenantState } from '../../../kernel/entitlements/change-tenant-state.ts';
import type { Kernel } from '../../../kernel/kernel.ts';
import { getPlatformSetting } from '../../../kernel/orders/platform-settings.ts';
import { unpaidFinalNotices } from '../../receivables/index.ts';
import { findPlatformCustomer, setSuspendedForPayment } from '../operator-billing.repository.ts';
import { systemContext } from '../use-cases/system-context.ts';

export const REVIEW_ACCESS_JOB = 'operator-billing.review-access';

export interface ReviewAccessPayload {
  platformTenantId: string;
}

type Outcome = 'suspended' | 'reactivated' | 'unchanged';

/**
 * Art. 13: a tenant with an invoice that got its final notice and is still unpaid is suspended
 * (read-only, export stays possible); once nothing like that is left, a suspension made here is
 * lifted. The invoices are read in a step; the tenant's state changes on the platform's own
 * connection between steps (no tenant transaction is open then). Safe to repeat.
 */
export function defineReviewAccessJob(kernel: Pick<Kernel, 'jobs' | 'database' | 'tenantAccess'>): void {
  kernel.jobs.define<ReviewAccessPayload, { outcome: Outcome }>(
    REVIEW_ACCESS_JOB,
    async (job) => {
      const { platformTenantId } = job.payload;
      // Only the operator's billing tenant governs access (no tenant step is open here).
      if ((await getPlatformSetting(kernel.database.owner, 'billing.operator_tenant')) !== job.tenantId)
        return { outcome: 'unchanged' };
      const facts = await job.step(async (tx) => {
        const link = await findPlatformCustomer(tx, job.tenantId, platformTenantId);
        const customerId = link?.organizationId ?? link?.personId ?? null;
        if (!link || !customerId) return null;
        const unpaid = await unpaidFinalNotices(systemContext(job.tenantId, tx), customerId);
        return { isInArrears: unpaid.length > 0, wasSuspendedHere: link.suspendedForPaymentAt !== null };
      });
      if (!facts) return { outcome: 'unchanged' };
      kernel.tenantAccess.forget(platformTenantId);
      const access = await kernel.tenantAccess.get(platformTenantId);
      if (!access) return { outcome: 'unchanged' };
      if (facts.isInArrears && access.state === 'active') {
        await changeTenantState(kernel.database, platformTenantId, 'suspend');
        await job.step((tx) => setSuspendedForPayment(tx, job.tenantId, platformTenantId, new Date()));
        kernel.tenantAccess.forget(platformTenantId);
        return { outcome: 'suspended' };
      }
      if (!facts.isInArrears && facts.wasSuspendedHere && access.state === 'suspended') {
        await changeTenantState(kernel.database, platformTenantId, 'reactivate');
        await job.step((tx) => setSuspendedForPayment(tx, job.tenantId, platformTenantId, null));
        kernel.tenantAccess.forget(platformTenantId);
        return { outcome: 'reactivated' };
      }
      return { outcome: 'unchanged' };
    },
    { transaction: 'steps', retries: 3 },
  );
}
