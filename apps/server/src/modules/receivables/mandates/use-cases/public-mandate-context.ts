import type { FastifyRequest } from 'fastify';
import { assertAllowed } from '../../../../kernel/entitlements/access-rules.ts';
import { PUBLIC_TOKEN_PATTERN } from '../../../../kernel/http/public-token.ts';
import type { Kernel } from '../../../../kernel/kernel.ts';
import type { Actor, TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { mandateNotFound } from '../mandates.errors.ts';
import { tenantOfMandateToken } from '../mandates.repository.ts';

/** Who acts on the signing page: the debtor, who has no account (their typed name is recorded). */
const DEBTOR_ACTOR: Actor = { type: 'system', id: null, name: 'Klant (machtigingspagina)' };

/**
 * Runs `work` for the mandate behind a signing link, in the tenant transaction of the tenant that
 * asked for it (row-level security on). The tenant is found first through
 * `mandate_tenant_by_public_token` (migration 0017), which reveals a tenant id for a known token
 * and nothing more. Anything that is no token, an unknown token, or a tenant that may not use the
 * invoices module now all answer the same 404.
 */
export async function withPublicMandate<T>(
  kernel: Pick<Kernel, 'database' | 'tenantAccess'>,
  token: string,
  request: FastifyRequest,
  work: (ctx: TenantContext) => Promise<T>,
): Promise<T> {
  if (!PUBLIC_TOKEN_PATTERN.test(token)) throw mandateNotFound();
  const tenantId = await kernel.database.withoutTenant((tx) => tenantOfMandateToken(tx, token));
  if (!tenantId) throw mandateNotFound();
  const access = await kernel.tenantAccess.get(tenantId);
  if (!access) throw mandateNotFound();
  try {
    assertAllowed(access, { method: request.method, entitlement: 'invoices' });
  } catch {
    throw mandateNotFound();
  }
  return kernel.database.withTenant(tenantId, (tx) =>
    work({
      tenantId,
      role: 'member',
      actor: DEBTOR_ACTOR,
      locale: 'nl',
      access,
      meta: { requestId: request.id, ip: request.ip, userAgent: request.headers['user-agent'] ?? null },
      tx,
    }),
  );
}
