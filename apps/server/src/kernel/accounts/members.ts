import type { Member, Role } from '@clientbox/contracts';
import { and, asc, eq } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/audit-log.ts';
import { memberships, users } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';

export async function listMembers(ctx: Pick<TenantContext, 'tenantId' | 'tx'>): Promise<Member[]> {
  const rows = await ctx.tx
    .select({
      id: memberships.id,
      userId: memberships.userId,
      role: memberships.role,
      createdAt: memberships.createdAt,
      name: users.name,
      email: users.email,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.tenantId, ctx.tenantId))
    .orderBy(asc(memberships.createdAt));
  return rows.map((row) => ({
    id: row.id,
    user_id: row.userId,
    name: row.name,
    email: row.email,
    role: row.role,
    created_at: row.createdAt.toISOString(),
  }));
}

async function loadMembership(ctx: TenantContext, id: string) {
  const [row] = await ctx.tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.tenantId, ctx.tenantId), eq(memberships.id, id)));
  if (!row) throw new AppError('not_found');
  return row;
}

/** An admin manages members; only an owner touches owners, and the last owner always stays. */
async function assertMayChange(ctx: TenantContext, target: { role: Role }, newRole: Role | null) {
  const touchesOwner = target.role === 'owner' || newRole === 'owner';
  if (touchesOwner && ctx.role !== 'owner') throw new AppError('forbidden');
  if (target.role === 'owner' && newRole !== 'owner') {
    const owners = await ctx.tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.tenantId, ctx.tenantId), eq(memberships.role, 'owner')));
    if (owners.length <= 1) throw new AppError('cannot_remove_last_owner');
  }
}

export async function changeMemberRole(ctx: TenantContext, id: string, role: Role): Promise<Member> {
  const target = await loadMembership(ctx, id);
  await assertMayChange(ctx, target, role);
  await ctx.tx
    .update(memberships)
    .set({ role })
    .where(and(eq(memberships.tenantId, ctx.tenantId), eq(memberships.id, id)));
  await recordAuditEvent(ctx, {
    action: 'member.role_changed',
    targetType: 'user',
    targetId: target.userId,
    details: { from: target.role, to: role },
  });
  const member = (await listMembers(ctx)).find((candidate) => candidate.id === id);
  return member!;
}

export async function removeMember(ctx: TenantContext, id: string): Promise<void> {
  const target = await loadMembership(ctx, id);
  await assertMayChange(ctx, target, null);
  await ctx.tx.delete(memberships).where(and(eq(memberships.tenantId, ctx.tenantId), eq(memberships.id, id)));
  await recordAuditEvent(ctx, {
    action: 'member.removed',
    targetType: 'user',
    targetId: target.userId,
    details: { role: target.role },
  });
}
