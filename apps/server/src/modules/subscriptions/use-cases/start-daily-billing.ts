import type { CalendarDate } from '@clientbox/contracts';
import type { JobRunner } from '../../../kernel/jobs/job-runner.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { BILLING_RUN_JOB, type BillingRunPayload } from '../jobs/billing-run.job.ts';
import { claimBillingDay, setBillingDayJob } from '../subscriptions.repository.ts';
import { subscriptionSettingsOf } from './subscription-settings.ts';

/**
 * The daily task: once per tenant and day (the day is claimed in the same transaction), start the
 * billing run as a job — unless the tenant bills only by hand. The job does the work in steps.
 */
export async function startDailyBilling(ctx: TenantContext, today: CalendarDate, jobs: Pick<JobRunner, 'enqueue'>) {
  const settings = await subscriptionSettingsOf(ctx);
  if (settings.billingMode !== 'automatic') return;
  if (!(await claimBillingDay(ctx.tx, ctx.tenantId, today))) return;
  const jobRunId = await jobs.enqueue<BillingRunPayload>(ctx, BILLING_RUN_JOB, { date: today });
  await setBillingDayJob(ctx.tx, ctx.tenantId, today, jobRunId);
}
