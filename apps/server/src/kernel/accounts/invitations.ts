import { randomUUID } from 'node:crypto';
import type { Invitation, Role } from '@clientbox/contracts';
import { and, count, desc, eq, gt, sql } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/audit-log.ts';
import type { Database } from '../db/database.ts';
import { accounts, auditEvents, invitations, memberships, tenants, users } from '../db/schema.ts';
import { accessOf } from '../entitlements/tenant-access.ts';
import { AppError } from '../errors/app-error.ts';
import type { RequestMeta, TenantContext } from '../tenancy/tenant-context.ts';

const VALID_DAYS = 7;
type Row = typeof invitations.$inferSelect;

function statusOf(row: Row): Invitation['status'] {
  return row.status === 'pending' && row.expiresAt.getTime() < Date.now() ? 'expired' : row.status;
}

function toDto(row: Row): Invitation {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    status: statusOf(row),
    expires_at: row.expiresAt.toISOString(),
    created_at: row.createdAt.toISOString(),
  };
}

export async function createInvitation(ctx: TenantContext, input: { email: string; role: Role }): Promise<Invitation> {
  if (input.role === 'owner' && ctx.role !== 'owner') throw new AppError('forbidden');
  const [member] = await ctx.tx
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.tenantId, ctx.tenantId), eq(users.email, input.email)));
  if (member)
    throw new AppError('conflict', {
      fields: [{ field: 'email', code: 'already_member', message: 'already a member' }],
    });
  await assertSeatAvailable(ctx);
  const [row] = await ctx.tx
    .insert(invitations)
    .values({
      tenantId: ctx.tenantId,
      email: input.email,
      role: input.role,
      inviterId: ctx.actor.type === 'user' ? ctx.actor.id : null,
      expiresAt: new Date(Date.now() + VALID_DAYS * 86_400_000),
    })
    .returning();
  await recordAuditEvent(ctx, {
    action: 'invitation.created',
    targetType: 'invitation',
    targetId: row!.id,
    details: { email: input.email, role: input.role },
  });
  return toDto(row!);
}

/** Ordered seats (terms art. 11) count members and pending invitations alike. */
async function assertSeatAvailable(ctx: TenantContext): Promise<void> {
  const seats = ctx.access?.seats;
  if (seats === null || seats === undefined) return;
  // One after another: the transaction is one connection (pg warns about queries queued on it).
  const members = await ctx.tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(eq(memberships.tenantId, ctx.tenantId));
  const pending = await ctx.tx
    .select({ id: invitations.id })
    .from(invitations)
    .where(
      and(
        eq(invitations.tenantId, ctx.tenantId),
        eq(invitations.status, 'pending'),
        gt(invitations.expiresAt, new Date()),
      ),
    );
  if (members.length + pending.length >= seats) {
    throw new AppError('seat_limit_reached', { detail: `All ${seats} user seats of the subscription are taken.` });
  }
}

export async function listInvitations(ctx: TenantContext): Promise<Invitation[]> {
  const rows = await ctx.tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.tenantId, ctx.tenantId), eq(invitations.status, 'pending')))
    .orderBy(desc(invitations.createdAt));
  return rows.map(toDto);
}

export async function cancelInvitation(ctx: TenantContext, id: string): Promise<void> {
  const [row] = await ctx.tx
    .update(invitations)
    .set({ status: 'canceled' })
    .where(and(eq(invitations.tenantId, ctx.tenantId), eq(invitations.id, id), eq(invitations.status, 'pending')))
    .returning({ email: invitations.email });
  if (!row) throw new AppError('invitation_not_found');
  await recordAuditEvent(ctx, {
    action: 'invitation.canceled',
    targetType: 'invitation',
    targetId: id,
    details: { email: row.email },
  });
}

/** What the accept page shows; the invitation id (random uuid) is the secret of the link. */
export async function getPublicInvitation(database: Database, id: string) {
  const [row] = await database.owner
    .select({ invitation: invitations, tenantName: tenants.name, inviterName: users.name })
    .from(invitations)
    .innerJoin(tenants, eq(tenants.id, invitations.tenantId))
    .leftJoin(users, eq(users.id, invitations.inviterId))
    .where(eq(invitations.id, id));
  if (!row) throw new AppError('invitation_not_found');
  const [account] = await database.owner
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, row.invitation.email));
  return {
    id: row.invitation.id,
    tenant_name: row.tenantName,
    inviter_name: row.inviterName ?? 'Clientbox',
    email: row.invitation.email,
    role: row.invitation.role,
    has_account: Boolean(account),
    status: statusOf(row.invitation),
  };
}

/**
 * Accepting adds the membership. A person without an account sets name and password here; the
 * invitation link proved the e-mail address, so the account starts verified.
 */
export async function acceptInvitation(
  database: Database,
  input: {
    id: string;
    sessionUser: { id: string; email: string } | null;
    name?: string;
    passwordHash?: string;
    locale?: 'nl' | 'en';
    meta: RequestMeta;
  },
): Promise<{ userId: string; tenantId: string; isNewUser: boolean; email: string }> {
  return database.owner.transaction(async (tx) => {
    const [invitation] = await tx.select().from(invitations).where(eq(invitations.id, input.id)).for('update');
    if (!invitation) throw new AppError('invitation_not_found');
    if (statusOf(invitation) !== 'pending') throw new AppError('invitation_not_pending');
    // The seats may have shrunk since the invitation was sent (a smaller order): check again.
    const [tenant] = await tx.select().from(tenants).where(eq(tenants.id, invitation.tenantId)).for('update');
    const seats = tenant ? accessOf(tenant).seats : null;
    if (seats !== null) {
      const [members] = await tx
        .select({ total: count() })
        .from(memberships)
        .where(eq(memberships.tenantId, invitation.tenantId));
      if ((members?.total ?? 0) >= seats)
        throw new AppError('seat_limit_reached', { detail: `All ${seats} user seats of the subscription are taken.` });
    }
    const [existing] = await tx
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(eq(users.email, invitation.email));
    let userId: string;
    let userName: string;
    if (input.sessionUser) {
      if (input.sessionUser.email !== invitation.email) throw new AppError('invitation_email_mismatch');
      userId = input.sessionUser.id;
      userName = existing?.name ?? '';
    } else if (existing) {
      throw new AppError('unauthorized', { detail: 'Log in to accept this invitation.' });
    } else {
      if (!input.name || !input.passwordHash) {
        const fields = [
          !input.name && { field: 'name', code: 'required', message: 'required' },
          !input.passwordHash && { field: 'password', code: 'required', message: 'required' },
        ].filter(Boolean);
        throw new AppError('validation_failed', {
          fields: fields as { field: string; code: string; message: string }[],
        });
      }
      userId = randomUUID();
      userName = input.name;
      await tx.insert(users).values({
        id: userId,
        name: input.name,
        email: invitation.email,
        emailVerified: true,
        locale: input.locale ?? 'nl',
      });
      await tx.insert(accounts).values({
        id: randomUUID(),
        accountId: userId,
        providerId: 'credential',
        userId,
        password: input.passwordHash,
      });
    }
    await tx
      .insert(memberships)
      .values({ tenantId: invitation.tenantId, userId, role: invitation.role })
      .onConflictDoNothing();
    await tx.update(invitations).set({ status: 'accepted' }).where(eq(invitations.id, invitation.id));
    await tx.execute(sql`SELECT set_config('app.tenant_id', ${invitation.tenantId}, true)`);
    await tx.insert(auditEvents).values({
      tenantId: invitation.tenantId,
      actorType: 'user',
      actorId: userId,
      actorName: userName,
      action: 'invitation.accepted',
      targetType: 'invitation',
      targetId: invitation.id,
      ip: input.meta.ip,
      userAgent: input.meta.userAgent,
      requestId: input.meta.requestId,
      details: { email: invitation.email, role: invitation.role },
    });
    return { userId, tenantId: invitation.tenantId, isNewUser: !input.sessionUser, email: invitation.email };
  });
}
