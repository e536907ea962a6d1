import type { Role, TenantAccess } from '@clientbox/contracts';
import type { Tx } from '../db/database.ts';

export type Locale = 'nl' | 'en';

export interface Actor {
  type: 'user' | 'api_key' | 'system' | 'operator';
  id: string | null;
  name: string | null;
}

export interface RequestMeta {
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
}

/**
 * What every use case receives: who acts, in which tenant, in which language, and the tenant
 * transaction (row-level security on). Use cases query only through `tx`.
 */
export interface TenantContext {
  tenantId: string;
  actor: Actor;
  role: Role;
  locale: Locale;
  meta: RequestMeta;
  tx: Tx;
  /** State, modules and seats of the tenant, when the caller knows them (every HTTP request does). */
  access?: TenantAccess;
}

const ROLE_RANK: Record<Role, number> = { member: 1, admin: 2, owner: 3 };

export function hasRole(role: Role, minimum: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[minimum];
}

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null, name: 'Clientbox' };
