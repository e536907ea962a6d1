import { randomBytes } from 'node:crypto';
import type { ModuleName } from '@clientbox/contracts';
import type { Auth } from '../auth/create-auth.ts';
import { applyContract } from '../entitlements/change-tenant-state.ts';
import type { Database } from '../db/database.ts';
import { SYSTEM_ACTOR, type TenantContext } from '../tenancy/tenant-context.ts';
import { createApiKey } from './api-keys.ts';
import { createTenantWithOwner } from './create-tenant-with-owner.ts';

export interface ProvisionedTenant {
  tenant_id: string;
  user_id: string;
  api_key: string;
}

/**
 * Operator provisioning: a verified owner, the tenant and a working API key. The owner gets a
 * random password and sets their own through "forgot password".
 */
export async function provisionTenant(
  deps: { database: Database; auth: Auth },
  input: {
    name: string;
    email: string;
    ownerName?: string | undefined;
    locale?: 'nl' | 'en';
    /** Without modules the tenant starts as a 14-day demo; with them, as an active contract. */
    modules?: ModuleName[] | 'all' | undefined;
    seats?: number | undefined;
  },
): Promise<ProvisionedTenant> {
  const passwordHash = await (await deps.auth.$context).password.hash(randomBytes(24).toString('base64url'));
  const meta = { requestId: null, ip: null, userAgent: 'clientbox-admin' };
  const { tenantId, userId } = await createTenantWithOwner(deps.database, {
    companyName: input.name,
    name: input.ownerName ?? input.email.split('@')[0]!,
    email: input.email.trim().toLowerCase(),
    passwordHash,
    locale: input.locale ?? 'nl',
    isEmailVerified: true,
    meta,
    actor: SYSTEM_ACTOR,
  });
  if (input.modules) await applyContract(deps.database, tenantId, { modules: input.modules, seats: input.seats ?? 1 });
  const key = await deps.database.withTenant(tenantId, async (tx) => {
    const ctx: TenantContext = { tenantId, actor: SYSTEM_ACTOR, role: 'owner', locale: 'nl', meta, tx };
    return createApiKey(ctx, 'Created by the operator CLI');
  });
  return { tenant_id: tenantId, user_id: userId, api_key: key.key };
}
