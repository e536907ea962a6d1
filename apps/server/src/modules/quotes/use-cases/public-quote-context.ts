import { QUOTE_TOKEN_PATTERN } from '@clientbox/contracts';
import type { FastifyRequest } from 'fastify';
import { assertAllowed } from '../../../kernel/entitlements/access-rules.ts';
import type { Kernel } from '../../../kernel/kernel.ts';
import type { Actor, TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { quoteNotFound } from '../quotes.errors.ts';
import { tenantOfPublicToken } from '../quotes.repository.ts';

/** Who acts on the public page: the customer, who has no account (their typed name is recorded). */
const CUSTOMER_ACTOR: Actor = { type: 'system', id: null, name: 'Klant (offertepagina)' };

/**
 * Runs `work` for the quote behind a customer's link, in the tenant transaction of the tenant
 * that sent it (row-level security on, like every tenant request). The link carries only the
 * token, so the tenant is found first through `quote_tenant_by_public_token` (migration 0015),
 * outside any tenant; that lookup reveals a tenant id for a known token and nothing more. A
 * tenant that no longer has the quotes module, or may not use the app now, has no quote pages:
 * the customer gets the same 404 as for an unknown token.
 */
export async function withPublicQuote<T>(
  kernel: Pick<Kernel, 'database' | 'tenantAccess'>,
  token: string,
  request: FastifyRequest,
  work: (ctx: TenantContext) => Promise<T>,
): Promise<T> {
  if (!QUOTE_TOKEN_PATTERN.test(token)) throw quoteNotFound();
  const tenantId = await kernel.database.withoutTenant((tx) => tenantOfPublicToken(tx, token));
  if (!tenantId) throw quoteNotFound();
  const access = await kernel.tenantAccess.get(tenantId);
  if (!access) throw quoteNotFound();
  try {
    assertAllowed(access, { method: request.method, entitlement: 'quotes' });
  } catch {
    throw quoteNotFound();
  }
  return kernel.database.withTenant(tenantId, (tx) =>
    work({
      tenantId,
      role: 'member',
      actor: CUSTOMER_ACTOR,
      locale: 'nl',
      access,
      meta: { requestId: request.id, ip: request.ip, userAgent: request.headers['user-agent'] ?? null },
      tx,
    }),
  );
}
