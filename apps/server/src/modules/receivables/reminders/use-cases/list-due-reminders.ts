import type { DueReminder } from '@clientbox/contracts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { findDueReminders, presentDueLetter } from './find-due-reminders.ts';
import { getReminderSchedule } from './get-reminder-schedule.ts';

/** The review list: what today's run would send, with the amounts each letter would state. */
export async function listDueReminders(
  ctx: TenantContext,
  today: string,
): Promise<{ object: 'list'; data: DueReminder[]; has_more: false }> {
  const { due } = await findDueReminders(ctx, await getReminderSchedule(ctx), today);
  return { object: 'list', data: due.map((letter) => presentDueLetter(letter, today)), has_more: false };
}
