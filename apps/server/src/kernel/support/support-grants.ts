import type { GrantSupportAccess, SupportGrant } from '@clientbox/contracts';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/audit-log.ts';
import type { Db } from '../db/database.ts';
import { operatorUsers, supportGrants, tenants } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';

const grantColumns = {
  grant: supportGrants,
  operator: { id: operatorUsers.id, name: operatorUsers.name, role: operatorUsers.role },
};

type GrantRow = { grant: typeof supportGrants.$inferSelect; operator: SupportGrant['operator'] };

function toDto({ grant, operator }: GrantRow, now = new Date()): SupportGrant {
  return {
    object: 'support_grant',
    id: grant.id,
    operator,
    access: grant.access,
    reason: grant.reason,
    expires_at: grant.expiresAt.toISOString(),
    granted_by_name: grant.grantedByName,
    created_at: grant.createdAt.toISOString(),
    revoked_at: grant.revokedAt?.toISOString() ?? null,
    is_active: !grant.revokedAt && grant.expiresAt > now,
  };
}

/** Art. 16: every grant of this tenant, newest first, active or not (the history stays visible). */
export async function listSupportGrants(ctx: TenantContext): Promise<SupportGrant[]> {
  const rows = await ctx.tx
    .select(grantColumns)
    .from(supportGrants)
    .innerJoin(operatorUsers, eq(operatorUsers.id, supportGrants.operatorUserId))
    .where(eq(supportGrants.tenantId, ctx.tenantId))
    .orderBy(desc(supportGrants.createdAt))
    .limit(100);
  return rows.map((row) => toDto(row));
}

/** A tenant admin lets one listed staff member in, read-only or with write rights, for a time. */
export async function grantSupportAccess(ctx: TenantContext, input: GrantSupportAccess): Promise<SupportGrant> {
  const [operator] = await ctx.tx
    .select(grantColumns.operator)
    .from(operatorUsers)
    .where(
      and(
        eq(operatorUsers.id, input.operator_user_id),
        eq(operatorUsers.canSupport, true),
        isNull(operatorUsers.disabledAt),
      ),
    );
  if (!operator)
    throw new AppError('validation_failed', {
      fields: [{ field: 'operator_user_id', code: 'invalid_id', message: 'not a listed staff member' }],
    });
  const [grant] = await ctx.tx
    .insert(supportGrants)
    .values({
      tenantId: ctx.tenantId,
      operatorUserId: operator.id,
      access: input.access,
      reason: input.reason,
      expiresAt: new Date(Date.now() + input.hours * 3_600_000),
      grantedBy: ctx.actor.type === 'user' ? ctx.actor.id : null,
      grantedByName: ctx.actor.name,
    })
    .returning();
  await recordAuditEvent(ctx, {
    action: 'support.granted',
    targetType: 'support_grant',
    targetId: grant!.id,
    details: { operator: operator.name, access: input.access, reason: input.reason, hours: input.hours },
  });
  return toDto({ grant: grant!, operator });
}

export async function revokeSupportAccess(ctx: TenantContext, grantId: string): Promise<SupportGrant> {
  const [grant] = await ctx.tx
    .update(supportGrants)
    .set({ revokedAt: new Date(), revokedBy: ctx.actor.type === 'user' ? ctx.actor.id : null })
    .where(
      and(eq(supportGrants.tenantId, ctx.tenantId), eq(supportGrants.id, grantId), isNull(supportGrants.revokedAt)),
    )
    .returning();
  if (!grant) throw new AppError('not_found');
  const [operator] = await ctx.tx
    .select(grantColumns.operator)
    .from(operatorUsers)
    .where(eq(operatorUsers.id, grant.operatorUserId));
  await recordAuditEvent(ctx, {
    action: 'support.revoked',
    targetType: 'support_grant',
    targetId: grant.id,
    details: { operator: operator?.name ?? null },
  });
  return toDto({ grant, operator: operator! });
}

/** The operator side: the grant that lets this staff member into this tenant now, if any. */
export async function findActiveGrant(db: Db, tenantId: string, operatorUserId: string) {
  const [grant] = await db
    .select({ id: supportGrants.id, access: supportGrants.access })
    .from(supportGrants)
    .where(
      and(
        eq(supportGrants.tenantId, tenantId),
        eq(supportGrants.operatorUserId, operatorUserId),
        isNull(supportGrants.revokedAt),
        gt(supportGrants.expiresAt, new Date()),
      ),
    )
    .orderBy(desc(supportGrants.createdAt))
    .limit(1);
  return grant ?? null;
}

/** The tenants that let this staff member in right now, for the console. */
export async function listMyActiveGrants(db: Db, operatorUserId: string) {
  const rows = await db
    .select({
      id: supportGrants.id,
      tenantId: supportGrants.tenantId,
      tenantName: tenants.name,
      access: supportGrants.access,
      reason: supportGrants.reason,
      expiresAt: supportGrants.expiresAt,
    })
    .from(supportGrants)
    .innerJoin(tenants, eq(tenants.id, supportGrants.tenantId))
    .where(
      and(
        eq(supportGrants.operatorUserId, operatorUserId),
        isNull(supportGrants.revokedAt),
        gt(supportGrants.expiresAt, new Date()),
      ),
    )
    .orderBy(desc(supportGrants.createdAt));
  return rows.map((row) => ({
    id: row.id,
    tenant_id: row.tenantId,
    tenant_name: row.tenantName,
    access: row.access,
    reason: row.reason,
    expires_at: row.expiresAt.toISOString(),
  }));
}
