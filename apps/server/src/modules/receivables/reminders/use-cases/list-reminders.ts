import type { Reminder, ReminderListQuery } from '@clientbox/contracts';
import { AppError } from '../../../../kernel/errors/app-error.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { toReminderDto } from '../reminders.dto.ts';
import { reminderNotFound } from '../reminders.errors.ts';
import { findReminder, listReminderRows, type ReminderRow } from '../reminders.repository.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Newest first, cursor-paged; filters invoice_id and customer_id. */
export async function listReminders(
  ctx: TenantContext,
  query: ReminderListQuery,
): Promise<{ object: 'list'; data: Reminder[]; has_more: boolean }> {
  const cursor = query.starting_after;
  const after = cursor ? (UUID.test(cursor) ? await findReminder(ctx.tx, ctx.tenantId, cursor) : null) : undefined;
  if (after === null)
    throw new AppError('validation_failed', {
      fields: [{ field: 'starting_after', code: 'invalid_cursor', message: 'not an id of this list' }],
    });
  const rows = await listReminderRows(
    ctx.tx,
    ctx.tenantId,
    {
      invoiceId: query.invoice_id,
      customerId: query.customer_id,
      ...(after ? { before: { createdAt: after.createdAt, id: after.id } } : {}),
    },
    query.limit + 1,
  );
  return { object: 'list', data: rows.slice(0, query.limit).map(toReminderDto), has_more: rows.length > query.limit };
}

export async function getReminderRow(ctx: TenantContext, id: string): Promise<ReminderRow> {
  const row = await findReminder(ctx.tx, ctx.tenantId, id);
  if (!row) throw reminderNotFound();
  return row;
}
