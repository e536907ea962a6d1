import type { Organization } from '@clientbox/contracts';
import { AppError } from '../../../../kernel/errors/app-error.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { getOrganizationRow } from '../organizations.repository.ts';
import { updateOrganization } from './update-organization.ts';

/** The lead became a customer: no longer a lead, a customer with a debtor number, history kept. */
export async function convertLead(
  ctx: TenantContext,
  id: string,
  expectedVersion: number | null,
): Promise<Organization> {
  const current = await getOrganizationRow(ctx.tx, ctx.tenantId, id);
  if (!current.isLead) throw new AppError('organization_not_a_lead');
  return updateOrganization(ctx, id, { is_lead: false, is_customer: true }, expectedVersion);
}
