import type { Role } from '@clientbox/contracts';
import { and, asc, eq, inArray, or, type SQL } from 'drizzle-orm';
import { memberships, users } from '../db/schema.ts';
import type { Locale, TenantContext } from '../tenancy/tenant-context.ts';

export interface MemberRecipient {
  userId: string;
  email: string;
  name: string;
  locale: Locale;
}

/**
 * Members of the tenant to tell about something by e-mail (a module's notification: a quote
 * accepted), with the language they read, in the tenant transaction: the given users if they are
 * still members, else everyone with one of the given roles. Modules use this rather than reading
 * the kernel's user tables themselves.
 */
export async function memberRecipients(
  ctx: Pick<TenantContext, 'tenantId' | 'tx'>,
  prefer: { userIds: (string | null)[]; fallbackRoles: Role[] },
): Promise<MemberRecipient[]> {
  const read = (condition: SQL | undefined) =>
    ctx.tx
      .select({ userId: users.id, email: users.email, name: users.name, locale: users.locale })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.tenantId, ctx.tenantId), condition))
      .orderBy(asc(memberships.createdAt));
  const userIds = [...new Set(prefer.userIds.filter((id): id is string => id !== null))];
  let rows = userIds.length ? await read(inArray(memberships.userId, userIds)) : [];
  if (rows.length === 0 && prefer.fallbackRoles.length)
    rows = await read(or(...prefer.fallbackRoles.map((role) => eq(memberships.role, role))));
  return rows.map((row) => ({ ...row, locale: row.locale === 'en' ? 'en' : 'nl' }));
}
