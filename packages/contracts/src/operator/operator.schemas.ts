import { z } from 'zod';
import { email, timestamp } from '../common/fields.ts';
import { moduleName, tenantState } from '../platform/modules.ts';
import { billingPeriod } from '../platform/prices.ts';
import { order } from '../platform/orders.ts';

/** The operator console (a realm of its own: operator staff are not tenant users). */
export const operatorLogin = z.strictObject({ email, password: z.string().min(1, { message: 'required' }).max(200) });

export const operatorMe = z.object({
  object: z.literal('operator'),
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: z.enum(['admin', 'support']),
});
export type OperatorMe = z.infer<typeof operatorMe>;

export const operatorTenant = z.object({
  id: z.uuid(),
  name: z.string(),
  state: tenantState,
  customer_type: z.enum(['business', 'private']),
  owner_email: z.string().nullable(),
  modules: z.array(moduleName),
  seats: z.number().int().nullable(),
  active_users: z.number().int(),
  period: billingPeriod.nullable(),
  monthly_total: z.string().nullable(),
  demo_ends_at: timestamp,
  last_activity_at: timestamp.nullable(),
  deactivation_due_at: timestamp.nullable(),
  created_at: timestamp,
});
export type OperatorTenant = z.infer<typeof operatorTenant>;

export const operatorTenantList = z.object({ data: z.array(operatorTenant) });

export const reviewQueueItem = order.extend({ tenant_id: z.uuid(), tenant_name: z.string() });
export type ReviewQueueItem = z.infer<typeof reviewQueueItem>;

export const decideOrder = z
  .strictObject({
    decision: z.enum(['accept', 'refuse']),
    reason: z.string().trim().max(1000, { message: 'too_long' }).optional(),
  })
  .refine((value) => value.decision === 'accept' || (value.reason?.length ?? 0) >= 3, {
    message: 'reason_required',
    path: ['reason'],
  });

export const platformSettings = z.object({
  review_queue: z.boolean(),
  /** The tenant in which the operator bills its tenants (art. 8, 11–15); null: no platform billing. */
  billing_tenant_id: z.uuid().nullable(),
  /** Its name, so the console can show it among any number of tenants. */
  billing_tenant_name: z.string().nullable(),
});
export const updatePlatformSettings = z.strictObject({
  review_queue: z.boolean().optional(),
  billing_tenant_id: z.uuid({ message: 'invalid_id' }).nullable().optional(),
});
export type PlatformSettings = z.infer<typeof platformSettings>;
export type UpdatePlatformSettings = z.infer<typeof updatePlatformSettings>;

/** Art. 8: a cancellation the operator received by e-mail, registered in the console. */
export const registerCancellation = z.strictObject({
  received_on: z.iso.date({ message: 'invalid_date' }).optional(),
  reason: z.string().trim().max(1000, { message: 'too_long' }).optional(),
});

/** Art. 14: an order cancelled before delivery (while it waits for acceptance). */
export const cancelPendingOrder = z.strictObject({
  reason: z.string().trim().max(1000, { message: 'too_long' }).optional(),
});

export const extendDemo = z.strictObject({ days: z.number().int().min(1, { message: 'too_small' }).max(60) });

export const deactivateTenant = z.strictObject({
  reason: z.string().trim().min(3, { message: 'required' }).max(1000, { message: 'too_long' }),
});

/** A price change is a new dated price, at least a month ahead (art. 11). */
export const addPrice = z.strictObject({
  item: z.string().regex(/^(base|extra_user|module:[a-z_]+)$/, { message: 'invalid_price_item' }),
  monthly: z.string().regex(/^\d{1,7}(\.\d{1,2})?$/, { message: 'invalid_amount' }),
  valid_from: z.iso.date({ message: 'invalid_date' }),
  note: z.string().trim().max(200).optional(),
});

/** A new version of the general terms (art. 3), effective from a date; every owner is told. */
export const publishTerms = z.strictObject({
  version: z.string().trim().min(1, { message: 'required' }).max(40, { message: 'too_long' }),
  effective_from: z.iso.date({ message: 'invalid_date' }),
  body: z.string().min(1, { message: 'required' }).max(500_000, { message: 'too_long' }),
});

export const announcement = z.strictObject({
  kind: z.enum(['service', 'newsletter']),
  subject: z.string().trim().min(1, { message: 'required' }).max(200, { message: 'too_long' }),
  body: z.string().trim().min(1, { message: 'required' }).max(20_000, { message: 'too_long' }),
});

export const announcementResult = z.object({
  id: z.uuid(),
  kind: z.enum(['service', 'newsletter']),
  subject: z.string(),
  recipient_count: z.number().int(),
  created_at: timestamp,
});

/** The operator's identity (configuration), shown in footers, e-mails and on the terms page. */
export const operatorIdentity = z.object({
  name: z.string(),
  address: z.string(),
  support_email: z.string(),
  phone: z.string(),
  helpdesk_hours: z.string(),
  website: z.string(),
});
export type OperatorIdentity = z.infer<typeof operatorIdentity>;
