import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { type ReminderSchedule, scheduleOf } from '../reminder-settings.ts';
import { findReminderSettings } from '../reminders.repository.ts';

export async function getReminderSchedule(ctx: TenantContext): Promise<ReminderSchedule> {
  return scheduleOf(await findReminderSettings(ctx.tx, ctx.tenantId));
}
