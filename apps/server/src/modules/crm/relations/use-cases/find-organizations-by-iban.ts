import { normalizeIdentifier } from '@clientbox/contracts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { findOrganizationIdsByIban } from '../organizations.repository.ts';

/** The organizations that gave this IBAN as their account: a bank import matches payers with it. */
export async function findOrganizationsByIban(ctx: TenantContext, iban: string): Promise<string[]> {
  return findOrganizationIdsByIban(ctx.tx, ctx.tenantId, normalizeIdentifier(iban));
}
