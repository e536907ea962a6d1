import type { Organization, OrganizationListQuery } from '@clientbox/contracts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { listOrganizationRows } from '../organizations.repository.ts';
import { organizationsWithDetails } from '../relation-details.ts';

export async function listOrganizations(
  ctx: TenantContext,
  query: OrganizationListQuery,
): Promise<{ object: 'list'; data: Organization[]; has_more: boolean }> {
  const { rows, hasMore } = await listOrganizationRows(ctx.tx, ctx.tenantId, query);
  return { object: 'list', data: await organizationsWithDetails(ctx.tx, ctx.tenantId, rows), has_more: hasMore };
}
