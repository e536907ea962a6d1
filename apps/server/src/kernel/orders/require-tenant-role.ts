import type { Role } from '@clientbox/contracts';
import { AppError } from '../errors/app-error.ts';
import type { Principal } from '../http/principal.ts';
import { hasRole } from '../tenancy/tenant-context.ts';

/**
 * For kernel routes that change platform rows (the tenant itself) on the owner connection and
 * therefore run outside the tenant transaction: the same membership and role checks.
 */
export function requireTenantRole(principal: Principal, minimum: Role): { tenantId: string; userId: string } {
  if (!principal.tenantId || !principal.role) throw new AppError('not_tenant_member');
  if (!principal.user) throw new AppError('forbidden', { detail: 'Only a person can do this, not an API key.' });
  if (!hasRole(principal.role, minimum)) throw new AppError('forbidden');
  return { tenantId: principal.tenantId, userId: principal.user.id };
}
