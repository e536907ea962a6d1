import { recordAuditEvent } from '../../../../kernel/audit/audit-log.ts';
import { AppError } from '../../../../kernel/errors/app-error.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { personIdsLinkedTo } from '../links.repository.ts';
import { deleteOrganizationRow, detachDeals, getOrganizationRow } from '../organizations.repository.ts';
import { findPerson } from '../persons.repository.ts';
import { refreshPersonSearchText } from '../relation-details.ts';

/**
 * Contact details, links, timeline and tasks go with the organization (cascades); its deals
 * stay, without the organization, all in this one transaction. The debtor number is not reused.
 */
export async function deleteOrganization(ctx: TenantContext, id: string, expectedVersion: number | null) {
  const current = await getOrganizationRow(ctx.tx, ctx.tenantId, id);
  if (expectedVersion !== null && expectedVersion !== current.version) throw new AppError('version_conflict');
  const linkedPersonIds = await personIdsLinkedTo(ctx.tx, ctx.tenantId, id);
  await detachDeals(ctx.tx, ctx.tenantId, { organizationId: id });
  await deleteOrganizationRow(ctx.tx, ctx.tenantId, id);
  // The link's e-mail and phone were in those persons' search text.
  for (const personId of linkedPersonIds) {
    const person = await findPerson(ctx.tx, ctx.tenantId, personId);
    if (person) await refreshPersonSearchText(ctx.tx, person);
  }
  await recordAuditEvent(ctx, {
    action: 'organization.deleted',
    targetType: 'organization',
    targetId: id,
    details: { name: current.name, debtor_number: current.debtorNumber, creditor_number: current.creditorNumber },
  });
}
