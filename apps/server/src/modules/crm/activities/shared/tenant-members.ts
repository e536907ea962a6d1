import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../../kernel/db/database.ts';
import { memberships, users } from '../../../../kernel/db/schema.ts';
import type { Actor } from '../../../../kernel/tenancy/tenant-context.ts';

export interface TenantMember {
  userId: string;
  name: string;
  email: string;
}

/** A user who is a member of this tenant now; null for anyone else. */
export async function findTenantMember(tx: Tx, tenantId: string, userId: string): Promise<TenantMember | null> {
  const [member] = await tx
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)));
  return member ?? null;
}

/** The tenant's members by e-mail address (lower case): an import finds its people again by address. */
export async function tenantMembersByEmail(tx: Tx, tenantId: string): Promise<Map<string, TenantMember>> {
  const rows = await tx
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.tenantId, tenantId));
  return new Map(rows.map((row) => [row.email.toLowerCase(), row]));
}

/** The user behind a request, when it is a person (an API key or the system is not). */
export function actingUserId(actor: Actor): string | null {
  return actor.type === 'user' ? actor.id : null;
}
