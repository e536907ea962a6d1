import type { TenantAccess } from '@clientbox/contracts';
import { AppError } from '../errors/app-error.ts';

export type LockedAccess = 'export' | 'order';

/**
 * The server-side rules per state (terms art. 10, 11, 13, 15):
 * - demo and active: everything the modules allow;
 * - suspended (unpaid): read-only, plus export and ordering;
 * - expired and deactivated: only ordering and export.
 */
export function assertAllowed(
  access: TenantAccess,
  request: { method: string; entitlement?: string | undefined; availableWhenLocked?: LockedAccess | undefined },
): void {
  if (request.entitlement && !access.modules.includes(request.entitlement as never)) {
    throw new AppError('module_not_enabled', {
      detail: `The ${request.entitlement} module is not part of the subscription.`,
    });
  }
  if (request.availableWhenLocked) return;
  if (access.state === 'expired' || access.state === 'deactivated') throw new AppError(`tenant_${access.state}`);
  if (access.state === 'suspended' && request.method !== 'GET') throw new AppError('tenant_suspended');
}
