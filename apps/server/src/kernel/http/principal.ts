import type { Role } from '@clientbox/contracts';
import type { Actor, Locale } from '../tenancy/tenant-context.ts';

/** Who is calling, resolved once per request from the session cookie or the API key. */
export interface Principal {
  actor: Actor;
  user: { id: string; name: string; email: string; locale: Locale; twoFactorEnabled: boolean } | null;
  sessionId: string | null;
  apiKeyId: string | null;
  tenantId: string | null;
  role: Role | null;
  /** Set when operator staff act inside the tenant through a support grant (terms art. 16). */
  support: { grantId: string; access: 'read' | 'write' } | null;
}
