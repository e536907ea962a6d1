import type { Kernel } from '../../../kernel/kernel.ts';
import { type BillingRunResult, runBilling } from '../use-cases/run-billing.ts';

export const BILLING_RUN_JOB = 'subscriptions.billing-run';

export interface BillingRunPayload {
  date: string;
}

/**
 * The billing run as a job (started by the daily task or by hand): one transaction per invoice,
 * progress as it goes. Retried after a crash; what was billed stays billed, the rest follows.
 */
export function defineBillingRunJob(kernel: Pick<Kernel, 'jobs' | 'storage'>): void {
  kernel.jobs.define<BillingRunPayload, BillingRunResult>(
    BILLING_RUN_JOB,
    (job) =>
      runBilling(
        job.tenantId,
        job.payload.date,
        job.step,
        { storage: kernel.storage, jobs: kernel.jobs },
        (done, total) => job.progress(done, total),
      ),
    // Two at a time: a tenant's run need not wait for another's (each group locks its own rows).
    { transaction: 'steps', retries: 3, timeoutSeconds: 3600, concurrency: 2 },
  );
}
