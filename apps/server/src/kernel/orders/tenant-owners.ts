import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { memberships, tenants, users } from '../db/schema.ts';
import type { Locale } from '../tenancy/tenant-context.ts';

export interface MailRecipient {
  email: string;
  name: string;
  locale: Locale;
  tenantName: string;
}

/** The owners of a tenant: who is told about orders, prices and deactivation. */
export async function tenantOwners(db: Db, tenantId: string): Promise<MailRecipient[]> {
  const rows = await db
    .select({ email: users.email, name: users.name, locale: users.locale, tenantName: tenants.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.role, 'owner')));
  return rows.map((row) => ({ ...row, locale: row.locale === 'en' ? 'en' : 'nl' }));
}
