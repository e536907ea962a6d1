import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { SEND_REMINDER_EMAIL_JOB, type SendReminderEmailPayload } from '../jobs/send-reminder-email.job.ts';
import { claimDailyRun, queuedReminderIds, setDailyRunCount } from '../reminders.repository.ts';
import { getReminderSchedule } from './get-reminder-schedule.ts';
import { type ReminderServices, sendDueReminders } from './send-due-reminders.ts';

/**
 * The daily job for one tenant. Letters a mail server refused earlier (still `queued`) are queued
 * again; then, under the automatic schedule, today's letters are written once: the day is claimed
 * in the same transaction, so a second process or a restart on the same day sends nothing twice.
 */
export async function runDailyReminders(ctx: TenantContext, today: string, services: ReminderServices): Promise<void> {
  // An hour of real time: the send jobs' own retries are over by then.
  const writtenBefore = new Date(Date.now() - 60 * 60_000);
  for (const reminderId of await queuedReminderIds(ctx.tx, ctx.tenantId, writtenBefore))
    await services.jobs.enqueue<SendReminderEmailPayload>(ctx, SEND_REMINDER_EMAIL_JOB, { reminderId });
  const schedule = await getReminderSchedule(ctx);
  if (schedule.mode !== 'automatic') return;
  if (!(await claimDailyRun(ctx.tx, ctx.tenantId, today))) return;
  const { written } = await sendDueReminders(ctx, { today, trigger: 'daily' }, services);
  await setDailyRunCount(ctx.tx, ctx.tenantId, today, written.length);
}
