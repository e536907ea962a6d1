import { z } from 'zod';
import { timestamp } from '../common/fields.ts';
import { moduleName } from './modules.ts';
import { billingPeriod } from './prices.ts';

/** Terms art. 6: an order names the modules, the number of users and the billing period. */
export const placeOrder = z.strictObject({
  modules: z.array(moduleName).max(20).default([]),
  users: z.number({ message: 'required' }).int().min(1, { message: 'too_small' }).max(10_000),
  period: billingPeriod,
  /** The owner accepts the terms in force with the order (art. 3). */
  accept_terms: z.literal(true, { message: 'terms_not_accepted' }),
});
export type PlaceOrder = z.infer<typeof placeOrder>;

export const orderStatus = z.enum(['pending', 'accepted', 'refused', 'withdrawn']);
export type OrderStatus = z.infer<typeof orderStatus>;

export const orderLine = z.object({ item: z.string(), quantity: z.number().int(), monthly: z.string() });

export const order = z.object({
  object: z.literal('order'),
  id: z.uuid(),
  status: orderStatus,
  modules: z.array(moduleName),
  users: z.number().int(),
  period: billingPeriod,
  /** Monthly prices per item as agreed when the order was placed (EUR excl. VAT). */
  lines: z.array(orderLine),
  monthly_total: z.string(),
  period_total: z.string(),
  terms_version: z.string(),
  placed_at: timestamp,
  placed_by_name: z.string().nullable(),
  decided_at: timestamp.nullable(),
  refusal_reason: z.string().nullable(),
});
export type Order = z.infer<typeof order>;

/** A price change announced to this tenant, and from when it applies to its contract (art. 11). */
export const contractPriceChange = z.object({
  item: z.string(),
  monthly: z.string(),
  applies_from: z.iso.date(),
  announced_at: timestamp,
});

export const requestedOrder = z.object({
  modules: z.array(moduleName),
  users: z.number().int(),
  period: billingPeriod,
});

export const orderOverview = z.object({
  object: z.literal('order_overview'),
  /** The latest accepted order: the tenant's contract. */
  contract: order.nullable(),
  /** An order waiting for the operator's review. */
  pending: order.nullable(),
  /** The most recent refusal since the contract, with the operator's reason. */
  refused: order.nullable(),
  /** What the sign-up form asked for, to start the order form from. */
  requested: requestedOrder.nullable(),
  price_changes: z.array(contractPriceChange),
  /** When the account will be deactivated: after a cancellation (art. 8) or the operator's notice (art. 15). */
  deactivation_due_at: timestamp.nullable(),
});
export type OrderOverview = z.infer<typeof orderOverview>;

/** Art. 8: the owner cancels the contract; the account is deactivated within five working days. */
export const cancelContract = z.strictObject({
  reason: z.string().trim().max(1000, { message: 'too_long' }).optional(),
  confirm: z.literal(true, { message: 'cancellation_not_confirmed' }),
});
export type CancelContract = z.infer<typeof cancelContract>;
export const contractCancellation = z.object({
  object: z.literal('contract_cancellation'),
  requested_on: z.iso.date(),
  deactivation_due_at: timestamp,
});
export type ContractCancellation = z.infer<typeof contractCancellation>;
