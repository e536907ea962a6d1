import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { platformSettings, tenants } from '../db/schema.ts';

/** Switches of the platform the operator flips in the console. */
export interface PlatformSettings {
  /** Art. 6: orders wait for the operator's acceptance instead of being accepted at once. */
  'orders.review_queue': boolean;
  /**
   * The tenant in which the operator bills its tenants (art. 8, 11–15): it needs the
   * Subscriptions and Invoices modules. Null: tenants are not billed by the platform.
   */
  'billing.operator_tenant': string | null;
}

const DEFAULTS: PlatformSettings = { 'orders.review_queue': false, 'billing.operator_tenant': null };

export async function getPlatformSetting<K extends keyof PlatformSettings>(
  db: Db,
  key: K,
): Promise<PlatformSettings[K]> {
  const [row] = await db
    .select({ value: platformSettings.value })
    .from(platformSettings)
    .where(eq(platformSettings.key, key));
  return (row?.value as PlatformSettings[K] | undefined) ?? DEFAULTS[key];
}

export async function setPlatformSetting<K extends keyof PlatformSettings>(
  db: Db,
  key: K,
  value: PlatformSettings[K],
): Promise<void> {
  // No value is the default (a setting switched off): the row goes, the default applies again.
  if (value === null) {
    await db.delete(platformSettings).where(eq(platformSettings.key, key));
    return;
  }
  await db
    .insert(platformSettings)
    .values({ key, value })
    .onConflictDoUpdate({ target: platformSettings.key, set: { value, updatedAt: sql`now()` } });
}

/** The switches as the console shows them, the billing tenant with its name. */
export async function consoleSettingsOf(db: Db): Promise<{
  review_queue: boolean;
  billing_tenant_id: string | null;
  billing_tenant_name: string | null;
}> {
  const billingTenantId = await getPlatformSetting(db, 'billing.operator_tenant');
  const [billing] = billingTenantId
    ? await db.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, billingTenantId))
    : [];
  return {
    review_queue: await getPlatformSetting(db, 'orders.review_queue'),
    billing_tenant_id: billingTenantId,
    billing_tenant_name: billing?.name ?? null,
  };
}
