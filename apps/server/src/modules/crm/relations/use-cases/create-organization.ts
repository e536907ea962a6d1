import type { CreateOrganization, Organization } from '@clientbox/contracts';
import { recordAuditEvent } from '../../../../kernel/audit/audit-log.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { insertOrganization, nextRelationNumber } from '../organizations.repository.ts';
import { assertOwnerIsMember, refreshOrganizationSearchText, writeContactLists } from '../relation-details.ts';
import { getOrganization } from './get-organization.ts';
import { toOrganizationChanges } from './organization-fields.ts';

/** A customer gets its debtor number and a supplier its creditor number right away. */
export async function createOrganization(ctx: TenantContext, input: CreateOrganization): Promise<Organization> {
  await assertOwnerIsMember(ctx, input.owner_user_id);
  const changes = toOrganizationChanges(input);
  const row = await insertOrganization(ctx.tx, {
    ...changes,
    tenantId: ctx.tenantId,
    name: input.name,
    debtorNumber: input.is_customer ? await nextRelationNumber(ctx.tx, ctx.tenantId, 'debtor') : null,
    creditorNumber: input.is_supplier ? await nextRelationNumber(ctx.tx, ctx.tenantId, 'creditor') : null,
  });
  await writeContactLists(ctx.tx, ctx.tenantId, { organizationId: row.id }, input);
  await refreshOrganizationSearchText(ctx.tx, row);
  await recordAuditEvent(ctx, {
    action: 'organization.created',
    targetType: 'organization',
    targetId: row.id,
    details: { name: row.name, debtor_number: row.debtorNumber, creditor_number: row.creditorNumber },
  });
  return getOrganization(ctx, row.id);
}
