import type { CollectionPause, CreateCollectionPause } from '@clientbox/contracts';
import { recordAuditEvent } from '../../../../kernel/audit/audit-log.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { getCustomerForDocument } from '../../../crm/index.ts';
import { isPauseActive } from '../domain/next-reminder-level.ts';
import { toPauseDto } from '../reminders.dto.ts';
import { customerNotFound, pauseEnded, pauseExists, pauseNotFound, untilBeforeToday } from '../reminders.errors.ts';
import { endPause, findPause, insertPause, listPauseRows } from '../reminders.repository.ts';

/**
 * Holds the customer's reminders from today (a dispute, a payment arrangement), until `until` or
 * until ended; the history records both days. Payments and direct debits go on as usual.
 */
export async function pauseCollection(
  ctx: TenantContext,
  input: CreateCollectionPause,
  today: string,
): Promise<CollectionPause> {
  const customer = await getCustomerForDocument(ctx, input.customer_id);
  if (!customer) throw customerNotFound();
  if (input.until && input.until < today) throw untilBeforeToday();
  const current = await listPauseRows(ctx.tx, ctx.tenantId, customer.id);
  if (current.some((pause) => isPauseActive(pause, today))) throw pauseExists();
  const row = await insertPause(ctx.tx, {
    tenantId: ctx.tenantId,
    ...(customer.kind === 'organization' ? { organizationId: customer.id } : { personId: customer.id }),
    reason: input.reason,
    pausedOn: today,
    until: input.until ?? null,
    createdBy: ctx.actor.type === 'user' ? ctx.actor.id : null,
  });
  await recordAuditEvent(ctx, {
    action: 'collection.paused',
    targetType: customer.kind,
    targetId: customer.id,
    details: { pause_id: row.id, reason: input.reason, until: input.until ?? null },
  });
  return toPauseDto(row, today);
}

/** Ends a pause today: the next run picks up where the schedule stands. */
export async function resumeCollection(ctx: TenantContext, id: string, today: string): Promise<CollectionPause> {
  const pause = await findPause(ctx.tx, ctx.tenantId, id, true);
  if (!pause) throw pauseNotFound();
  if (!isPauseActive(pause, today)) throw pauseEnded();
  const ended = (await endPause(ctx.tx, ctx.tenantId, id, today))!;
  await recordAuditEvent(ctx, {
    action: 'collection.resumed',
    targetType: pause.organizationId ? 'organization' : 'person',
    targetId: (pause.organizationId ?? pause.personId)!,
    details: { pause_id: id },
  });
  return toPauseDto(ended, today);
}

export async function listCollectionPauses(ctx: TenantContext, customerId: string | undefined, today: string) {
  const rows = await listPauseRows(ctx.tx, ctx.tenantId, customerId);
  return { object: 'list' as const, data: rows.map((row) => toPauseDto(row, today)), has_more: false };
}
