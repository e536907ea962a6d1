import {
  acceptInvitation as acceptInvitationSchema,
  apiKey,
  auditEvent,
  createApiKey as createApiKeySchema,
  createdApiKey,
  createInvitation as createInvitationSchema,
  invitation,
  listOf,
  listQuery,
  me,
  member,
  publicInvitation,
  signUp,
  signUpResult,
  switchTenant,
  updateMe,
  updateMember,
} from '@clientbox/contracts';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { listAuditEvents } from '../audit/audit-log.ts';
import { memberships, sessions, tenants, users } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import type { Kernel } from '../kernel.ts';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.ts';
import { createTenantWithOwner } from './create-tenant-with-owner.ts';
import {
  acceptInvitation,
  cancelInvitation,
  createInvitation,
  getPublicInvitation,
  listInvitations,
} from './invitations.ts';
import { changeMemberRole, listMembers, removeMember } from './members.ts';

const idParams = z.strictObject({ id: z.uuid({ message: 'invalid_id' }) });
const list = <T>(data: T[], hasMore = false) => ({ object: 'list' as const, data, has_more: hasMore });

export function registerAccountRoutes(kernel: Kernel): void {
  const { route, database, auth, config } = kernel;
  const meta = (request: { id: string; ip: string; headers: Record<string, unknown> }) => ({
    requestId: request.id,
    ip: request.ip,
    userAgent: (request.headers['user-agent'] as string | undefined) ?? null,
  });

  route({
    method: 'POST',
    url: '/api/v1/signup',
    access: 'public',
    tags: ['Accounts'],
    summary: 'Sign up: creates the tenant and its owner, and sends the verification e-mail',
    body: signUp,
    response: { status: 201, schema: signUpResult },
    errors: [409],
    handler: async ({ body, request }) => {
      const passwordHash = await (await auth.$context).password.hash(body.password);
      const created = await createTenantWithOwner(database, {
        companyName: body.company_name,
        name: body.name,
        email: body.email,
        passwordHash,
        locale: body.locale,
        isEmailVerified: false,
        meta: meta(request),
        identity: {
          customerType: body.customer_type,
          isAdultConfirmed: body.adult_confirmed === true,
          kvkNumber: body.kvk_number ?? null,
          address: body.address,
          requestedOrder: { modules: body.modules, users: body.users, period: body.period },
        },
      });
      await auth.api.sendVerificationEmail({ body: { email: body.email, callbackURL: '/' } });
      return { user_id: created.userId, tenant_id: created.tenantId };
    },
  });

  route({
    method: 'GET',
    url: '/api/v1/me',
    access: 'user',
    tags: ['Accounts'],
    summary: 'The logged-in person, the active tenant and all their tenants',
    response: { status: 200, schema: me },
    handler: async ({ principal }) => {
      if (!principal.user) throw new AppError('forbidden', { detail: 'An API key has no person behind it.' });
      const rows = await database.owner
        .select({ id: tenants.id, name: tenants.name, role: memberships.role })
        .from(memberships)
        .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
        .where(eq(memberships.userId, principal.user.id))
        .orderBy(tenants.name);
      const { user } = principal;
      return {
        object: 'me' as const,
        user: {
          id: user.id,
          name: user.name,
          email: user.email,
          locale: user.locale,
          two_factor_enabled: user.twoFactorEnabled,
        },
        tenant: rows.find((row) => row.id === principal.tenantId) ?? null,
        access: principal.tenantId ? await kernel.tenantAccess.get(principal.tenantId) : null,
        tenants: rows,
      };
    },
  });

  route({
    method: 'PATCH',
    url: '/api/v1/me',
    access: 'user',
    tags: ['Accounts'],
    summary: 'Change your name or language',
    body: updateMe,
    response: { status: 204 },
    handler: async ({ body, principal }) => {
      if (!principal.user) throw new AppError('forbidden');
      if (Object.keys(body).length)
        await database.owner
          .update(users)
          .set({ ...body, updatedAt: new Date() })
          .where(eq(users.id, principal.user.id));
    },
  });

  route({
    method: 'POST',
    url: '/api/v1/me/active_tenant',
    access: 'user',
    tags: ['Accounts'],
    summary: 'Switch the tenant this session works in',
    body: switchTenant,
    response: { status: 204 },
    handler: async ({ body, principal }) => {
      if (!principal.user || !principal.sessionId) throw new AppError('forbidden');
      const [membership] = await database.owner
        .select({ id: memberships.id })
        .from(memberships)
        .where(and(eq(memberships.userId, principal.user.id), eq(memberships.tenantId, body.tenant_id)));
      if (!membership) throw new AppError('not_found');
      await database.owner
        .update(sessions)
        .set({ activeTenantId: body.tenant_id })
        .where(eq(sessions.id, principal.sessionId));
    },
  });

  route({
    method: 'GET',
    url: '/api/v1/members',
    access: 'tenant',
    tags: ['Accounts'],
    summary: 'Members of the tenant',
    response: { status: 200, schema: listOf(member) },
    handler: async ({ ctx }) => list(await listMembers(ctx)),
  });
  route({
    method: 'PATCH',
    url: '/api/v1/members/:id',
    access: 'tenant',
    minimumRole: 'admin',
    tags: ['Accounts'],
    summary: "Change a member's role",
    params: idParams,
    body: updateMember,
    response: { status: 200, schema: member },
    handler: ({ ctx, params, body }) => changeMemberRole(ctx, params.id, body.role),
  });
  route({
    method: 'DELETE',
    url: '/api/v1/members/:id',
    access: 'tenant',
    minimumRole: 'admin',
    tags: ['Accounts'],
    summary: 'Remove a member from the tenant',
    params: idParams,
    response: { status: 204 },
    handler: ({ ctx, params }) => removeMember(ctx, params.id),
  });

  route({
    method: 'POST',
    url: '/api/v1/invitations',
    access: 'tenant',
    minimumRole: 'admin',
    tags: ['Accounts'],
    summary: 'Invite a colleague by e-mail',
    body: createInvitationSchema,
    response: { status: 201, schema: invitation },
    handler: async ({ ctx, body }) => {
      const created = await createInvitation(ctx, body);
      const [tenant] = await ctx.tx.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, ctx.tenantId));
      await kernel.sendMail(body.email, ctx.locale, 'invitation', {
        inviter_name: ctx.actor.name ?? 'Clientbox',
        tenant_name: tenant?.name ?? '',
        role: body.role,
        url: `${config.publicBaseUrl}/invitations/${created.id}/accept`,
      });
      return created;
    },
  });
  route({
    method: 'GET',
    url: '/api/v1/invitations',
    access: 'tenant',
    minimumRole: 'admin',
    tags: ['Accounts'],
    summary: 'Pending invitations',
    response: { status: 200, schema: listOf(invitation) },
    handler: async ({ ctx }) => list(await listInvitations(ctx)),
  });
  route({
    method: 'DELETE',
    url: '/api/v1/invitations/:id',
    access: 'tenant',
    minimumRole: 'admin',
    tags: ['Accounts'],
    summary: 'Cancel an invitation',
    params: idParams,
    response: { status: 204 },
    handler: ({ ctx, params }) => cancelInvitation(ctx, params.id),
  });
  route({
    method: 'GET',
    url: '/api/v1/invitations/:id/public',
    access: 'public',
    tags: ['Accounts'],
    summary: 'What the invitation link shows before login',
    params: idParams,
    response: { status: 200, schema: publicInvitation },
    handler: ({ params }) => getPublicInvitation(database, params.id),
  });

  route({
    method: 'POST',
    url: '/api/v1/invitations/:id/accept',
    access: 'public',
    tags: ['Accounts'],
    summary: 'Accept an invitation (new people set name and password)',
    params: idParams,
    body: acceptInvitationSchema,
    response: { status: 204 },
    handler: async ({ params, body, request, reply }) => {
      const principal = await kernel.resolvePrincipal(request).catch(() => null);
      const sessionUser = principal?.user ? { id: principal.user.id, email: principal.user.email } : null;
      const passwordHash = body.password ? await (await auth.$context).password.hash(body.password) : undefined;
      const accepted = await acceptInvitation(database, {
        id: params.id,
        sessionUser,
        name: body.name,
        passwordHash,
        locale: body.locale,
        meta: meta(request),
      });
      if (sessionUser && principal?.sessionId) {
        await database.owner
          .update(sessions)
          .set({ activeTenantId: accepted.tenantId })
          .where(eq(sessions.id, principal.sessionId));
      } else if (accepted.isNewUser && body.password) {
        const { headers } = await auth.api.signInEmail({
          body: { email: accepted.email, password: body.password },
          returnHeaders: true,
        });
        const cookies = headers.getSetCookie();
        if (cookies.length) reply.header('set-cookie', cookies);
      }
    },
  });

  route({
    method: 'GET',
    url: '/api/v1/api_keys',
    access: 'tenant',
    minimumRole: 'admin',
    tags: ['API keys'],
    summary: 'Active API keys (prefix and last use; never the secret)',
    response: { status: 200, schema: listOf(apiKey) },
    handler: async ({ ctx }) => list(await listApiKeys(ctx)),
  });
  route({
    method: 'POST',
    url: '/api/v1/api_keys',
    access: 'tenant',
    minimumRole: 'admin',
    tags: ['API keys'],
    summary: 'Create an API key; the secret is in this response only',
    body: createApiKeySchema,
    response: { status: 201, schema: createdApiKey },
    handler: ({ ctx, body }) => createApiKey(ctx, body.name),
  });
  route({
    method: 'DELETE',
    url: '/api/v1/api_keys/:id',
    access: 'tenant',
    minimumRole: 'admin',
    tags: ['API keys'],
    summary: 'Revoke an API key',
    params: idParams,
    response: { status: 204 },
    handler: async ({ ctx, params }) => {
      await revokeApiKey(ctx, params.id);
      kernel.apiKeys.forget(params.id);
    },
  });

  route({
    method: 'GET',
    url: '/api/v1/audit_events',
    access: 'tenant',
    minimumRole: 'admin',
    tags: ['Audit log'],
    summary: 'The audit log, newest first',
    query: listQuery.extend({ starting_after: z.uuid({ message: 'invalid_id' }).optional() }),
    response: { status: 200, schema: listOf(auditEvent) },
    handler: async ({ ctx, query }) => {
      const page = await listAuditEvents(ctx.tx, ctx.tenantId, {
        limit: query.limit,
        startingAfter: query.starting_after,
      });
      return list(page.data, page.hasMore);
    },
  });
}
