import type { Organization } from '@clientbox/contracts';
import { recordAuditEvent } from '../../../../kernel/audit/audit-log.ts';
import { AppError } from '../../../../kernel/errors/app-error.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { personIdsLinkedTo } from '../links.repository.ts';
import { insertMergeItem, moveOrganizationRecords } from '../merge.repository.ts';
import {
  deleteOrganizationRow,
  getOrganizationRow,
  type OrganizationChanges,
  type OrganizationRow,
  updateOrganizationRow,
} from '../organizations.repository.ts';
import { findPerson } from '../persons.repository.ts';
import { refreshOrganizationSearchText, refreshPersonSearchText } from '../relation-details.ts';
import { getOrganization } from './get-organization.ts';

/** Columns the duplicate fills when the kept organization has none. */
const FILLABLE = [
  'tradingName',
  'kvkNumber',
  'vatNumber',
  'iban',
  'bic',
  'debtorNumber',
  'creditorNumber',
  'paymentTermDays',
  'invoiceEmail',
  'website',
  'ownerUserId',
] as const satisfies (keyof OrganizationRow)[];

/** What the kept organization takes over: its own values stay, empty ones are filled, flags and tags add up. */
function mergedChanges(kept: OrganizationRow, duplicate: OrganizationRow): OrganizationChanges {
  const changes: Record<string, unknown> = {};
  for (const column of FILLABLE)
    if (kept[column] === null && duplicate[column] !== null) changes[column] = duplicate[column];
  const isCustomer = kept.isCustomer || duplicate.isCustomer;
  changes.isCustomer = isCustomer;
  changes.isSupplier = kept.isSupplier || duplicate.isSupplier;
  changes.isLead = kept.isLead && !isCustomer;
  changes.tags = [...new Set([...kept.tags, ...duplicate.tags])];
  return changes as OrganizationChanges;
}

/**
 * Merges `duplicateId` into `keptId` in the request's one transaction: links, contact details
 * (without exact duplicates), timeline, tasks and deals move over; empty fields of the kept
 * organization are filled from the duplicate (its own debtor and creditor numbers stay; the
 * duplicate's are used only when it has none, so no number is lost); then the duplicate is deleted.
 */
export async function mergeOrganizations(
  ctx: TenantContext,
  keptId: string,
  duplicateId: string,
): Promise<Organization> {
  if (keptId === duplicateId)
    throw new AppError('validation_failed', {
      fields: [
        { field: 'duplicate_id', code: 'merge_with_itself', message: 'cannot merge an organization with itself' },
      ],
    });
  const kept = await getOrganizationRow(ctx.tx, ctx.tenantId, keptId);
  const duplicate = await getOrganizationRow(ctx.tx, ctx.tenantId, duplicateId);
  const duplicatePersons = await personIdsLinkedTo(ctx.tx, ctx.tenantId, duplicateId);
  const moved = await moveOrganizationRecords(ctx.tx, ctx.tenantId, duplicateId, keptId);
  // First the duplicate goes (with what was left behind), so its numbers are free for the kept row.
  await deleteOrganizationRow(ctx.tx, ctx.tenantId, duplicateId);
  const updated = await updateOrganizationRow(
    ctx.tx,
    ctx.tenantId,
    keptId,
    mergedChanges(kept, duplicate),
    kept.version,
  );
  await refreshOrganizationSearchText(ctx.tx, updated);
  for (const personId of duplicatePersons) {
    const person = await findPerson(ctx.tx, ctx.tenantId, personId);
    if (person) await refreshPersonSearchText(ctx.tx, person);
  }
  const details = {
    duplicate_id: duplicate.id,
    duplicate_name: duplicate.name,
    duplicate_debtor_number: duplicate.debtorNumber,
    duplicate_creditor_number: duplicate.creditorNumber,
    moved,
  };
  await insertMergeItem(ctx.tx, {
    tenantId: ctx.tenantId,
    organizationId: keptId,
    body: ctx.locale === 'en' ? `Merged with ${duplicate.name}` : `Samengevoegd met ${duplicate.name}`,
    authorUserId: ctx.actor.type === 'user' ? ctx.actor.id : null,
    authorName: ctx.actor.name,
    details,
  });
  await recordAuditEvent(ctx, {
    action: 'organization.merged',
    targetType: 'organization',
    targetId: keptId,
    details: { name: updated.name, ...details },
  });
  return getOrganization(ctx, keptId);
}
