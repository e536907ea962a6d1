import { and, asc, eq, or } from 'drizzle-orm';
import type { Tx } from '../../kernel/db/database.ts';
import { appliedPlatformEvents, platformCustomers } from './operator-billing.tables.ts';

export type PlatformCustomerRow = typeof platformCustomers.$inferSelect;

export async function findPlatformCustomer(tx: Tx, tenantId: string, platformTenantId: string) {
  const [row] = await tx
    .select()
    .from(platformCustomers)
    .where(and(eq(platformCustomers.tenantId, tenantId), eq(platformCustomers.platformTenantId, platformTenantId)));
  return row ?? null;
}

/** The platform tenant a CRM customer stands for, if it is one. */
export async function findPlatformCustomerByCustomer(tx: Tx, tenantId: string, customerId: string) {
  const [row] = await tx
    .select()
    .from(platformCustomers)
    .where(
      and(
        eq(platformCustomers.tenantId, tenantId),
        or(eq(platformCustomers.organizationId, customerId), eq(platformCustomers.personId, customerId)),
      ),
    );
  return row ?? null;
}

/** Links a tenant to its CRM customer (again, when the earlier record was removed from the CRM). */
export async function linkPlatformCustomer(
  tx: Tx,
  values: { tenantId: string; platformTenantId: string; organizationId: string | null; personId: string | null },
) {
  await tx
    .insert(platformCustomers)
    .values(values)
    .onConflictDoUpdate({
      target: [platformCustomers.tenantId, platformCustomers.platformTenantId],
      set: { organizationId: values.organizationId, personId: values.personId },
    });
}

export async function setSuspendedForPayment(tx: Tx, tenantId: string, platformTenantId: string, at: Date | null) {
  await tx
    .update(platformCustomers)
    .set({ suspendedForPaymentAt: at })
    .where(and(eq(platformCustomers.tenantId, tenantId), eq(platformCustomers.platformTenantId, platformTenantId)));
}

/** True for the first delivery of an event; false when it was applied before. */
export async function claimPlatformEvent(tx: Tx, tenantId: string, eventId: string): Promise<boolean> {
  const rows = await tx.insert(appliedPlatformEvents).values({ tenantId, eventId }).onConflictDoNothing().returning();
  return rows.length === 1;
}

/** The export archive (terms art. 17): every link of the tenant, and every event it applied. */
export async function allPlatformCustomerRows(tx: Tx, tenantId: string) {
  return tx
    .select()
    .from(platformCustomers)
    .where(eq(platformCustomers.tenantId, tenantId))
    .orderBy(asc(platformCustomers.createdAt), asc(platformCustomers.platformTenantId));
}

export async function allAppliedPlatformEventRows(tx: Tx, tenantId: string) {
  return tx
    .select()
    .from(appliedPlatformEvents)
    .where(eq(appliedPlatformEvents.tenantId, tenantId))
    .orderBy(asc(appliedPlatformEvents.appliedAt), asc(appliedPlatformEvents.eventId));
}
