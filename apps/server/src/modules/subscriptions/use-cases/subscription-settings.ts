import { z } from 'zod';
import type { subscriptionSettings, updateSubscriptionSettings } from '@clientbox/contracts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { findSettings, upsertSettings } from '../subscriptions.repository.ts';

type Settings = z.infer<typeof subscriptionSettings>;

/** One month's notice of a price change (art. 11 asks that of the operator; a sound default for all). */
export const DEFAULT_SETTINGS = { priceNoticeMonths: 1, billingMode: 'automatic' as const };

export async function subscriptionSettingsOf(ctx: Pick<TenantContext, 'tenantId' | 'tx'>) {
  return (await findSettings(ctx.tx, ctx.tenantId)) ?? { tenantId: ctx.tenantId, ...DEFAULT_SETTINGS };
}

const present = (row: { priceNoticeMonths: number; billingMode: 'automatic' | 'off' }): Settings => ({
  object: 'subscription_settings',
  price_notice_months: row.priceNoticeMonths,
  billing_mode: row.billingMode,
});

export async function getSubscriptionSettings(ctx: TenantContext): Promise<Settings> {
  return present(await subscriptionSettingsOf(ctx));
}

export async function updateSubscriptionSettingsOf(
  ctx: TenantContext,
  input: z.infer<typeof updateSubscriptionSettings>,
): Promise<Settings> {
  const current = await subscriptionSettingsOf(ctx);
  const row = await upsertSettings(ctx.tx, ctx.tenantId, {
    priceNoticeMonths: input.price_notice_months ?? current.priceNoticeMonths,
    billingMode: input.billing_mode ?? current.billingMode,
  });
  return present(row);
}
