import type { Role } from '@clientbox/contracts';
import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { ApiKeyVerifier } from '../accounts/api-key-verifier.ts';
import type { Auth } from '../auth/create-auth.ts';
import type { Db } from '../db/database.ts';
import type { TenantAccessReader } from '../entitlements/tenant-access.ts';
import { memberships } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import { toWebHeaders } from './web-request.ts';
import type { OperatorSessions } from '../operator/operator-sessions.ts';
import { findActiveGrant } from '../support/support-grants.ts';
import type { Principal } from './principal.ts';

const principals = new WeakMap<FastifyRequest, Promise<Principal | null>>();
/** The console sends this header when staff act inside a tenant with a support grant. */
export const SUPPORT_TENANT_HEADER = 'x-support-tenant';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An API key acts as an admin of its tenant (a key gives full access to the account's data; the
 * create dialog says so). A session acts as its user in the session's active tenant, provided
 * the membership still exists.
 */
export function createPrincipalResolver(deps: {
  auth: Auth;
  ownerDb: Db;
  apiKeys: ApiKeyVerifier;
  tenantAccess: TenantAccessReader;
  operatorSessions: OperatorSessions;
}) {
  async function resolve(request: FastifyRequest): Promise<Principal | null> {
    const authorization = request.headers.authorization;
    if (authorization) {
      const [scheme, token] = authorization.split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || !token) throw new AppError('invalid_api_key');
      const key = await deps.apiKeys.verify(token, request.ip);
      if (!key) throw new AppError('invalid_api_key');
      // API keys are the API module (terms art. 2, 11): without it a key opens nothing.
      const access = await deps.tenantAccess.get(key.tenantId);
      // A locked tenant (expired, deactivated) is refused per route instead, so it can still export.
      const isLocked = access?.state === 'expired' || access?.state === 'deactivated';
      if (!access || (!isLocked && !access.modules.includes('api'))) {
        throw new AppError('module_not_enabled', { detail: 'API keys need the API module.' });
      }
      return {
        actor: { type: 'api_key', id: key.id, name: key.name },
        user: null,
        sessionId: null,
        apiKeyId: key.id,
        tenantId: key.tenantId,
        role: 'admin',
        support: null,
      };
    }
    const supportTenant = request.headers[SUPPORT_TENANT_HEADER];
    if (typeof supportTenant === 'string') return resolveSupport(request, supportTenant);
    if (!request.headers.cookie) return null;
    const result = await deps.auth.api.getSession({ headers: toWebHeaders(request.headers) });
    if (!result) return null;
    const { user, session } = result;
    const activeTenantId = (session as { activeTenantId?: string | null }).activeTenantId ?? null;
    let role: Role | null = null;
    if (activeTenantId) {
      const [membership] = await deps.ownerDb
        .select({ role: memberships.role })
        .from(memberships)
        .where(and(eq(memberships.tenantId, activeTenantId), eq(memberships.userId, user.id)));
      role = membership?.role ?? null;
    }
    const locale = (user as { locale?: string }).locale === 'en' ? 'en' : 'nl';
    return {
      actor: { type: 'user', id: user.id, name: user.name },
      user: {
        id: user.id,
        name: user.name,
        email: user.email,
        locale,
        twoFactorEnabled: Boolean((user as { twoFactorEnabled?: boolean }).twoFactorEnabled),
      },
      sessionId: session.id,
      apiKeyId: null,
      tenantId: role ? activeTenantId : null,
      role,
      support: null,
    };
  }

  /**
   * Terms art. 16: operator staff reach a tenant's data only through a grant of that tenant,
   * read-only (member rights, GET only) or with write rights (admin rights). No grant: 403.
   */
  async function resolveSupport(request: FastifyRequest, tenantId: string): Promise<Principal | null> {
    const operator = await deps.operatorSessions.resolve(request.headers.cookie);
    if (!operator) return null;
    if (!UUID.test(tenantId)) throw new AppError('support_access_required');
    const grant = await findActiveGrant(deps.ownerDb, tenantId, operator.id);
    if (!grant) throw new AppError('support_access_required');
    return {
      actor: { type: 'operator', id: operator.id, name: `${operator.name} (support)` },
      user: null,
      sessionId: null,
      apiKeyId: null,
      tenantId,
      role: grant.access === 'write' ? 'admin' : 'member',
      support: { grantId: grant.id, access: grant.access },
    };
  }

  return (request: FastifyRequest): Promise<Principal | null> => {
    let principal = principals.get(request);
    if (!principal) principals.set(request, (principal = resolve(request)));
    return principal;
  };
}
