import { eq } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { memberships } from '../db/schema.ts';
import type { Actor, RequestMeta } from '../tenancy/tenant-context.ts';
import { recordAuditEvent } from './audit-log.ts';

/**
 * A security event of a person (login, failed login, 2FA change) is written to the audit log of
 * every tenant that person belongs to, so each tenant's admins see what happens to their users.
 */
export async function recordSecurityEvent(
  database: Database,
  userId: string,
  event: { action: string; actor: Actor; meta: RequestMeta; details?: Record<string, unknown> },
): Promise<void> {
  const tenants = await database.owner
    .select({ tenantId: memberships.tenantId })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  for (const { tenantId } of tenants) {
    await database.withTenant(tenantId, (tx) =>
      recordAuditEvent(
        { tenantId, actor: event.actor, meta: event.meta, tx },
        { action: event.action, targetType: 'user', targetId: userId, details: event.details ?? {} },
      ),
    );
  }
}
