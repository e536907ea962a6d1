import { parseAmount, type UpdateReminderSettings } from '@clientbox/contracts';
import { recordAuditEvent } from '../../../../kernel/audit/audit-log.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { type ReminderSchedule, rowOf, scheduleOf } from '../reminder-settings.ts';
import { saveReminderSettings } from '../reminders.repository.ts';
import { getReminderSchedule } from './get-reminder-schedule.ts';

/** Changes the schedule; what is left out stays. Letters already sent keep what they stated. */
export async function updateReminderSchedule(
  ctx: TenantContext,
  input: UpdateReminderSettings,
): Promise<ReminderSchedule> {
  const current = await getReminderSchedule(ctx);
  const next: ReminderSchedule = {
    ...current,
    ...(input.mode ? { mode: input.mode } : {}),
    ...(input.charges ? { charges: input.charges } : {}),
    ...(input.clause ? { clause: input.clause } : {}),
    ...(input.invoice_charges !== undefined ? { invoiceCharges: input.invoice_charges } : {}),
    ...(input.levels ? { levels: input.levels } : {}),
    ...(input.failed_collection_fee !== undefined
      ? { failedCollectionFee: parseAmount(input.failed_collection_fee) }
      : {}),
  };
  const saved = scheduleOf(await saveReminderSettings(ctx.tx, rowOf(ctx.tenantId, next)));
  await recordAuditEvent(ctx, {
    action: 'reminder_settings.updated',
    targetType: 'reminder_settings',
    targetId: ctx.tenantId,
    details: { changed: Object.keys(input) },
  });
  return saved;
}
