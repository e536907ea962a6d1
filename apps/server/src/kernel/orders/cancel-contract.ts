import { amsterdamDate } from '@clientbox/contracts';
import { eq, sql } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/audit-log.ts';
import type { Database } from '../db/database.ts';
import { tenants } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import type { Actor, RequestMeta } from '../tenancy/tenant-context.ts';
import { PLATFORM_EVENTS, platformCustomerOf, publishPlatformEvent } from './platform-billing-events.ts';

const DAY_MS = 86_400_000;
export const CANCELLATION_WORKING_DAYS = 5;

/**
 * The moment a cancellation takes effect: the end of the fifth working day (Monday–Friday) after
 * the day it was received (art. 8: "binnen de vijf werkdagen"), at 23:59:59 Amsterdam time
 * expressed in UTC (close enough: a day boundary, never earlier than promised).
 */
export function cancellationEffectiveAt(receivedOn: string): Date {
  let day = new Date(`${receivedOn}T12:00:00Z`);
  let counted = 0;
  while (counted < CANCELLATION_WORKING_DAYS) {
    day = new Date(day.getTime() + DAY_MS);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) counted += 1;
  }
  return new Date(`${day.toISOString().slice(0, 10)}T21:59:59Z`);
}

/**
 * Art. 8: the tenant cancels (in the app, or by e-mail registered by the operator). The account
 * is deactivated within five working days (the lifecycle sweep carries it out, export stays
 * possible); the operator's billing ends the subscription on that day, and an invoice already
 * issued for the next period stays due.
 */
export async function cancelContract(
  database: Database,
  input: { tenantId: string; actor: Actor; meta: RequestMeta; receivedOn?: string; reason?: string },
) {
  return database.owner.transaction(async (tx) => {
    const [tenant] = await tx.select().from(tenants).where(eq(tenants.id, input.tenantId)).for('update');
    if (!tenant) throw new AppError('not_found');
    if (tenant.state === 'deactivated' || tenant.deactivationDueAt)
      throw new AppError('contract_already_ending', {
        detail: 'This account is deactivated or being deactivated already.',
      });
    const requestedOn = input.receivedOn ?? amsterdamDate();
    const dueAt = cancellationEffectiveAt(requestedOn);
    const reason = input.reason ? `Opgezegd door de klant: ${input.reason}` : 'Opgezegd door de klant';
    await tx
      .update(tenants)
      .set({ deactivationDueAt: dueAt, deactivationReason: reason })
      .where(eq(tenants.id, input.tenantId));
    const customer = await platformCustomerOf(tx, input.tenantId);
    await publishPlatformEvent(tx, input.tenantId, PLATFORM_EVENTS.tenantCancelled, {
      customer,
      requested_on: requestedOn,
      effective_on: amsterdamDate(dueAt),
    });
    await tx.execute(sql`SELECT set_config('app.tenant_id', ${input.tenantId}, true)`);
    await recordAuditEvent(
      { tenantId: input.tenantId, actor: input.actor, meta: input.meta, tx },
      {
        action: 'contract.cancelled',
        targetType: 'tenant',
        targetId: input.tenantId,
        details: { requested_on: requestedOn, deactivation_due_at: dueAt.toISOString(), reason: input.reason ?? null },
      },
    );
    return {
      object: 'contract_cancellation' as const,
      requested_on: requestedOn,
      deactivation_due_at: dueAt.toISOString(),
    };
  });
}
