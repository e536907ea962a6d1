import type { ReminderRun } from '@clientbox/contracts';
import type { JobRunner } from '../../../../kernel/jobs/job-runner.ts';
import type { FileStorage } from '../../../../kernel/storage/index.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { SEND_REMINDER_EMAIL_JOB, type SendReminderEmailPayload } from '../jobs/send-reminder-email.job.ts';
import { toReminderDto } from '../reminders.dto.ts';
import type { ReminderRow } from '../reminders.repository.ts';
import { type DueReminders, findDueReminders } from './find-due-reminders.ts';
import { getReminderSchedule } from './get-reminder-schedule.ts';
import { writeReminders } from './write-reminders.ts';

export interface ReminderServices {
  storage: FileStorage;
  jobs: Pick<JobRunner, 'enqueue'>;
}

/**
 * Writes and mails the reminders due today: all of them (the daily job, "send all"), or the
 * invoices named from the review list. A customer without an e-mail address gets no letter (it
 * could not be delivered; the review list shows why). The mails leave after the commit.
 */
export async function sendDueReminders(
  ctx: TenantContext,
  input: { today: string; invoiceIds?: string[] | undefined; trigger: 'daily' | 'manual' },
  services: ReminderServices,
): Promise<{ written: ReminderRow[]; skipped: DueReminders['skipped'] }> {
  const schedule = await getReminderSchedule(ctx);
  const { due, skipped } = await findDueReminders(ctx, schedule, input.today, input.invoiceIds);
  const deliverable = due.filter((letter) => {
    if (letter.customer?.email) return true;
    skipped.push({ invoiceId: letter.invoice.id, reason: 'no_email' });
    return false;
  });
  const written = await writeReminders(ctx, schedule, deliverable, input.today, input.trigger, services);
  for (const reminder of written)
    await services.jobs.enqueue<SendReminderEmailPayload>(ctx, SEND_REMINDER_EMAIL_JOB, { reminderId: reminder.id });
  return { written, skipped: input.invoiceIds ? skipped : [] };
}

/** From the review list: send what is due today, and answer with the letters and the skipped invoices. */
export async function sendRemindersNow(
  ctx: TenantContext,
  today: string,
  invoiceIds: string[] | undefined,
  services: ReminderServices,
): Promise<ReminderRun> {
  const run = await sendDueReminders(ctx, { today, invoiceIds, trigger: 'manual' }, services);
  return {
    object: 'reminder_run',
    reckoned_on: today,
    sent: run.written.map(toReminderDto),
    skipped: run.skipped.map((skip) => ({ invoice_id: skip.invoiceId, reason: skip.reason })),
  };
}
