import type { Kernel } from '../../../kernel/kernel.ts';
import {
  type AccessOutcome,
  REVIEW_ACCESS_JOB,
  type ReviewAccessPayload,
  reviewTenantAccess,
} from '../use-cases/review-tenant-access.ts';

/** Art. 13: the review of one tenant's access after a final notice or a payment (see `reviewTenantAccess`). */
export function defineReviewAccessJob(kernel: Pick<Kernel, 'jobs' | 'database' | 'tenantAccess'>): void {
  kernel.jobs.define<ReviewAccessPayload, { outcome: AccessOutcome }>(
    REVIEW_ACCESS_JOB,
    async (job) => ({ outcome: await reviewTenantAccess(job, kernel) }),
    { transaction: 'steps', retries: 3 },
  );
}
