import type { Organization, UpdateOrganization } from '@clientbox/contracts';
import { recordAuditEvent } from '../../../../kernel/audit/audit-log.ts';
import { AppError } from '../../../../kernel/errors/app-error.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { loadContactDetails } from '../contact-details.repository.ts';
import {
  getOrganizationRow,
  insertStatusChange,
  nextRelationNumber,
  type OrganizationRow,
  updateOrganizationRow,
} from '../organizations.repository.ts';
import {
  assertOwnerIsMember,
  changedLists,
  refreshOrganizationSearchText,
  writeContactLists,
} from '../relation-details.ts';
import { getOrganization } from './get-organization.ts';
import { differingColumns, toOrganizationChanges } from './organization-fields.ts';

const statusOf = (row: Pick<OrganizationRow, 'isLead' | 'isCustomer' | 'isSupplier'>) => ({
  is_lead: row.isLead,
  is_customer: row.isCustomer,
  is_supplier: row.isSupplier,
});

/**
 * Partial update with optimistic concurrency (If-Match → 412 on a stale version). Becoming a
 * customer or supplier for the first time gives the debtor or creditor number; a status change
 * (lead → customer) is kept as history on the timeline and in the audit log.
 */
export async function updateOrganization(
  ctx: TenantContext,
  id: string,
  input: UpdateOrganization,
  expectedVersion: number | null,
): Promise<Organization> {
  const current = await getOrganizationRow(ctx.tx, ctx.tenantId, id);
  if (expectedVersion !== null && expectedVersion !== current.version) throw new AppError('version_conflict');
  if (input.owner_user_id !== current.ownerUserId) await assertOwnerIsMember(ctx, input.owner_user_id);

  const changes = toOrganizationChanges(input);
  const changedColumns = differingColumns(current, changes);
  const details = (await loadContactDetails(ctx.tx, ctx.tenantId, 'organization', [id])).get(id)!;
  const lists = changedLists(details, input);
  if (changedColumns.length === 0 && lists.length === 0) return getOrganization(ctx, id);

  if (changes.isCustomer && !current.debtorNumber)
    changes.debtorNumber = await nextRelationNumber(ctx.tx, ctx.tenantId, 'debtor');
  if (changes.isSupplier && !current.creditorNumber)
    changes.creditorNumber = await nextRelationNumber(ctx.tx, ctx.tenantId, 'creditor');
  const updated = await updateOrganizationRow(ctx.tx, ctx.tenantId, id, changes, current.version);
  await writeContactLists(
    ctx.tx,
    ctx.tenantId,
    { organizationId: id },
    {
      emails: lists.includes('emails') ? input.emails : undefined,
      phones: lists.includes('phones') ? input.phones : undefined,
      addresses: lists.includes('addresses') ? input.addresses : undefined,
    },
  );
  await refreshOrganizationSearchText(ctx.tx, updated);

  const before = statusOf(current);
  const after = statusOf(updated);
  const isConversion = current.isLead && !current.isCustomer && updated.isCustomer;
  if (JSON.stringify(before) !== JSON.stringify(after)) {
    const details = {
      change: isConversion ? 'lead_to_customer' : 'status',
      from: before,
      to: after,
      debtor_number: updated.debtorNumber,
      creditor_number: updated.creditorNumber,
    };
    await insertStatusChange(ctx.tx, {
      tenantId: ctx.tenantId,
      organizationId: id,
      authorUserId: ctx.actor.type === 'user' ? ctx.actor.id : null,
      authorName: ctx.actor.name,
      details,
    });
    if (isConversion)
      await recordAuditEvent(ctx, {
        action: 'organization.converted',
        targetType: 'organization',
        targetId: id,
        details,
      });
  }
  await recordAuditEvent(ctx, {
    action: 'organization.updated',
    targetType: 'organization',
    targetId: id,
    details: { fields: [...changedColumns, ...lists] },
  });
  return getOrganization(ctx, id);
}
