import type { Organization } from '@clientbox/contracts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { getOrganizationRow } from '../organizations.repository.ts';
import { organizationsWithDetails } from '../relation-details.ts';

export async function getOrganization(ctx: TenantContext, id: string): Promise<Organization> {
  const row = await getOrganizationRow(ctx.tx, ctx.tenantId, id);
  const [organization] = await organizationsWithDetails(ctx.tx, ctx.tenantId, [row]);
  return organization!;
}
