import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import { validationError } from '../errors/problem-response.ts';
import { assertAllowed } from '../entitlements/access-rules.ts';
import type { TenantAccessReader } from '../entitlements/tenant-access.ts';
import { hasRole, type TenantContext } from '../tenancy/tenant-context.ts';
import { recordAuditEvent } from '../audit/audit-log.ts';
import {
  claimIdempotencyKey,
  idempotencyKeyOf,
  requestHashOf,
  type StoredAnswer,
  storeIdempotentAnswer,
} from './idempotency.ts';
import type { Principal } from './principal.ts';
import type { RouteSpec } from './route-spec.ts';

export interface RouteDependencies {
  database: Database;
  resolvePrincipal(request: FastifyRequest): Promise<Principal | null>;
  /** The tenant's state and modules; routes of modules not ordered or locked states are refused. */
  tenantAccess: TenantAccessReader;
  /** Notes that the tenant's own people used it (operator console: last activity). */
  recordActivity(tenantId: string): void;
}

/** Every route registered here is also in the OpenAPI document. */
export const registeredRoutes: RouteSpec<any, any, any>[] = [];

export function registerRoute<Params, Query, Body>(
  app: FastifyInstance,
  deps: RouteDependencies,
  spec: RouteSpec<Params, Query, Body>,
): void {
  if (!spec.hidden) registeredRoutes.push(spec as RouteSpec<any, any, any>);
  app.route({
    method: spec.method,
    url: spec.url,
    ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
    handler: async (request, reply) => {
      const params = parsePart(spec.params, request.params, 'params');
      const query = parsePart(spec.query, request.query, 'query');
      if (spec.body && !spec.rawBody && request.body !== undefined && !isJson(request.headers['content-type'])) {
        throw new AppError('unsupported_media_type', { detail: 'Send the body as application/json.' });
      }
      const body = spec.rawBody ? (undefined as Body) : parsePart(spec.body, request.body, 'body');
      const base = { params, query, body, request, reply };
      let result: unknown;
      if (spec.access === 'public') {
        result = await spec.handler(base);
      } else {
        const principal = await deps.resolvePrincipal(request);
        if (!principal) throw new AppError('unauthorized');
        if (spec.access === 'user') {
          result = await spec.handler({ ...base, principal });
        } else {
          const { tenantId, role } = principal;
          if (!tenantId || !role) throw new AppError('not_tenant_member');
          if (spec.minimumRole && !hasRole(role, spec.minimumRole)) throw new AppError('forbidden');
          if (principal.support) assertSupportMayUse(principal.support.access, request.method, spec.url);
          else deps.recordActivity(tenantId);
          const access = await deps.tenantAccess.get(tenantId);
          if (!access) throw new AppError('not_tenant_member');
          assertAllowed(access, {
            method: request.method,
            entitlement: spec.entitlement,
            availableWhenLocked: spec.availableWhenLocked,
          });
          // An upload's body is read by the use case itself, too late to tell two uploads apart.
          const idempotencyKey =
            request.method === 'POST' && !spec.rawBody ? idempotencyKeyOf(request.headers['idempotency-key']) : null;
          let replayed: StoredAnswer | null = null;
          result = await deps.database.withTenant(tenantId, async (tx) => {
            if (idempotencyKey) {
              replayed = await claimIdempotencyKey(
                tx,
                tenantId,
                idempotencyKey,
                requestHashOf(request.method, request.url, request.body),
              );
              if (replayed) return undefined;
            }
            const ctx: TenantContext = {
              tenantId,
              role,
              actor: principal.actor,
              locale: principal.user?.locale ?? 'nl',
              access,
              meta: { requestId: request.id, ip: request.ip, userAgent: request.headers['user-agent'] ?? null },
              tx,
            };
            // Art. 16: every action of operator staff inside a tenant is in that tenant's audit log.
            if (principal.support)
              await recordAuditEvent(ctx, {
                action: 'support.request',
                targetType: 'support_grant',
                targetId: principal.support.grantId,
                details: { method: request.method, path: request.url.split('?')[0] },
              });
            const answer = await spec.handler({ ...base, ctx, principal });
            // A streamed answer cannot be stored: the key stays without one and is not replayed.
            if (idempotencyKey && !reply.sent)
              await storeIdempotentAnswer(tx, tenantId, idempotencyKey, {
                status: statusOf(spec, reply),
                body: answer ?? null,
                headers: reply.getHeaders(),
              });
            return answer;
          });
          if (replayed) return replay(reply, replayed);
        }
      }
      if (reply.sent) return reply;
      const status = statusOf(spec, reply);
      if (status === 204 || result === undefined) return reply.code(status).send();
      return reply.code(status).send(result);
    },
  });
}

/** The success status: the route's own, or the other one it may answer (`alsoStatus`, e.g. 202) when the handler chose it. */
function statusOf(spec: { response: { status: number; alsoStatus?: number } }, reply: FastifyReply): number {
  return spec.response.alsoStatus !== undefined && reply.statusCode === spec.response.alsoStatus
    ? spec.response.alsoStatus
    : spec.response.status;
}

/** The stored answer to a request sent again with its `Idempotency-Key`, marked as such. */
function replay(reply: FastifyReply, answer: StoredAnswer): FastifyReply {
  reply.headers({ ...answer.headers, 'idempotent-replayed': 'true' });
  if (answer.status === 204 || answer.body === null) return reply.code(answer.status).send();
  return reply.code(answer.status).send(answer.body);
}

/**
 * What support access never covers, whatever the grant: the tenant's own control over access
 * and its contract (grants, members, invitations, API keys, order, terms acceptance), and
 * taking all data out or replacing it (export, import).
 */
const CLOSED_TO_SUPPORT = [
  '/api/v1/support/',
  '/api/v1/members',
  '/api/v1/invitations',
  '/api/v1/api_keys',
  '/api/v1/order',
  '/api/v1/terms/accept',
  '/api/v1/exports',
  '/api/v1/imports',
];

function assertSupportMayUse(access: 'read' | 'write', method: string, url: string): void {
  if (CLOSED_TO_SUPPORT.some((prefix) => url.startsWith(prefix)))
    throw new AppError('forbidden', { detail: 'Support access does not cover this.' });
  if (access === 'read' && method !== 'GET')
    throw new AppError('forbidden', { detail: 'The support grant is read-only.' });
}

function isJson(contentType: string | undefined): boolean {
  return /^application\/([\w.-]+\+)?json\b/i.test(contentType ?? '');
}

function parsePart<T>(schema: z.ZodType<T> | undefined, value: unknown, part: string): T {
  if (!schema) return value as T;
  const parsed = schema.safeParse(value ?? (part === 'body' ? undefined : {}));
  if (!parsed.success) throw validationError(parsed.error, part === 'body' ? [] : [part]);
  return parsed.data;
}
