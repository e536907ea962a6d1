import type { CalendarDate, Subscription } from '@clientbox/contracts';
import type { z } from 'zod';
import type { subscriptionListQuery } from '@clientbox/contracts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { subscriptionNotFound } from '../subscriptions.errors.ts';
import { findSubscription, listSubscriptionRows } from '../subscriptions.repository.ts';
import { presentSubscription, presentSubscriptions } from './subscription-parts.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Newest first, cursor-paged; filters customer, status (computed from the dates for `today`) and text. */
export async function listSubscriptions(
  ctx: TenantContext,
  query: z.infer<typeof subscriptionListQuery>,
  today: CalendarDate,
): Promise<{ object: 'list'; data: Subscription[]; has_more: boolean }> {
  const cursor = query.starting_after;
  const after = cursor ? (UUID.test(cursor) ? await findSubscription(ctx.tx, ctx.tenantId, cursor) : null) : undefined;
  if (after === null)
    throw new AppError('validation_failed', {
      fields: [{ field: 'starting_after', code: 'invalid_cursor', message: 'not an id of this list' }],
    });
  const rows = await listSubscriptionRows(ctx.tx, ctx.tenantId, {
    limit: query.limit,
    ...(after ? { startingAfter: { createdAt: after.createdAt, id: after.id } } : {}),
    ...(query.customer_id ? { customerId: query.customer_id } : {}),
    ...(query.q ? { q: query.q } : {}),
    ...(query.status ? { status: { status: query.status, today } } : {}),
  });
  const page = rows.slice(0, query.limit);
  return { object: 'list', data: await presentSubscriptions(ctx, page, today), has_more: rows.length > query.limit };
}

export async function getSubscription(ctx: TenantContext, id: string, today: CalendarDate): Promise<Subscription> {
  const row = await findSubscription(ctx.tx, ctx.tenantId, id);
  if (!row) throw subscriptionNotFound();
  return presentSubscription(ctx, row, today);
}
