import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { accounts, auditEvents, memberships, tenants, users } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import type { RequestedOrder, TenantAddress } from '../db/tables/tenants.tables.ts';
import type { Actor, Locale, RequestMeta } from '../tenancy/tenant-context.ts';

export interface NewTenantInput {
  companyName: string;
  name: string;
  email: string;
  passwordHash: string;
  locale: Locale;
  /** True when the e-mail address is already proven (operator CLI); sign-up sends a link instead. */
  isEmailVerified: boolean;
  meta: RequestMeta;
  actor?: Actor;
  /** What the sign-up form asked (art. 4, 6); the operator CLI leaves it out. */
  identity?: TenantIdentity;
}

export interface TenantIdentity {
  customerType: 'business' | 'private';
  isAdultConfirmed: boolean;
  kvkNumber: string | null;
  address: TenantAddress;
  requestedOrder: RequestedOrder;
}

/**
 * Creates the person, their login, the tenant and the owner membership in one transaction, so a
 * failed sign-up leaves nothing behind. The audit entry is written in the same transaction.
 */
export async function createTenantWithOwner(
  database: Database,
  input: NewTenantInput,
): Promise<{ userId: string; tenantId: string }> {
  const userId = randomUUID();
  const tenantId = randomUUID();
  await database.owner.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (existing)
      throw new AppError('email_taken', {
        fields: [{ field: 'email', code: 'email_taken', message: 'e-mail address already registered' }],
      });
    await tx.insert(users).values({
      id: userId,
      name: input.name,
      email: input.email,
      emailVerified: input.isEmailVerified,
      locale: input.locale,
    });
    await tx
      .insert(accounts)
      .values({ id: randomUUID(), accountId: userId, providerId: 'credential', userId, password: input.passwordHash });
    const identity = input.identity;
    await tx.insert(tenants).values({
      id: tenantId,
      name: input.companyName,
      ...(identity && {
        customerType: identity.customerType,
        adultConfirmedAt: identity.isAdultConfirmed ? new Date() : null,
        kvkNumber: identity.kvkNumber,
        address: identity.address,
        requestedOrder: identity.requestedOrder,
      }),
    });
    await tx.insert(memberships).values({ tenantId, userId, role: 'owner' });
    // The audit table forces row-level security even for its owner: act within the new tenant.
    await tx.execute(sql`SELECT set_config('app.tenant_id', ${tenantId}, true)`);
    const actor = input.actor ?? { type: 'user', id: userId, name: input.name };
    await tx.insert(auditEvents).values({
      tenantId,
      actorType: actor.type,
      actorId: actor.id,
      actorName: actor.name,
      action: 'tenant.created',
      targetType: 'tenant',
      targetId: tenantId,
      ip: input.meta.ip,
      userAgent: input.meta.userAgent,
      requestId: input.meta.requestId,
      details: {
        company_name: input.companyName,
        owner_email: input.email,
        customer_type: identity?.customerType ?? 'business',
      },
    });
  });
  return { userId, tenantId };
}
