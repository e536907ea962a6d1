import type { CalendarDate } from '@clientbox/contracts';
import { recordAuditEvent } from '../../../kernel/audit/audit-log.ts';
import type { JobRunner } from '../../../kernel/jobs/job-runner.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { BILLING_RUN_JOB, type BillingRunPayload } from '../jobs/billing-run.job.ts';

/** A run started by hand (any day, any number of times: what is billed is never billed again). */
export async function startBillingRunNow(ctx: TenantContext, today: CalendarDate, jobs: Pick<JobRunner, 'enqueue'>) {
  const jobId = await jobs.enqueue<BillingRunPayload>(ctx, BILLING_RUN_JOB, { date: today });
  await recordAuditEvent(ctx, {
    action: 'subscription.billing_run_started',
    targetType: 'job',
    targetId: jobId,
    details: { date: today },
  });
  return { object: 'billing_run' as const, job_id: jobId, date: today };
}
