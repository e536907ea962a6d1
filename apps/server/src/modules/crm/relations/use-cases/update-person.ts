import type { Person, UpdatePerson } from '@clientbox/contracts';
import { recordAuditEvent } from '../../../../kernel/audit/audit-log.ts';
import { AppError } from '../../../../kernel/errors/app-error.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { loadContactDetails } from '../contact-details.repository.ts';
import { linksOfPersons, replacePersonLinks } from '../links.repository.ts';
import { getPersonRow, updatePersonRow } from '../persons.repository.ts';
import { assertOwnerIsMember, changedLists, refreshPersonSearchText, writeContactLists } from '../relation-details.ts';
import { getPerson } from './get-person.ts';
import { differingColumns } from './organization-fields.ts';
import { toLinkValues, toPersonChanges } from './person-fields.ts';

/** Partial update with If-Match; `organizations` sent makes the links exactly that list. */
export async function updatePerson(
  ctx: TenantContext,
  id: string,
  input: UpdatePerson,
  expectedVersion: number | null,
): Promise<Person> {
  const current = await getPersonRow(ctx.tx, ctx.tenantId, id);
  // An erased person stays erased: new data about them would be a new person.
  if (current.erasedAt) throw new AppError('person_erased');
  if (expectedVersion !== null && expectedVersion !== current.version) throw new AppError('version_conflict');
  if (input.owner_user_id !== current.ownerUserId) await assertOwnerIsMember(ctx, input.owner_user_id);

  const changes = toPersonChanges(input);
  const changedColumns = differingColumns(current, changes);
  const details = (await loadContactDetails(ctx.tx, ctx.tenantId, 'person', [id])).get(id)!;
  const lists: string[] = changedLists(details, input);
  let links = null;
  if (input.organizations) {
    links = await toLinkValues(ctx.tx, ctx.tenantId, input.organizations);
    const stored = (await linksOfPersons(ctx.tx, ctx.tenantId, [id])).map(({ link }) => link);
    const key = (link: { organizationId: string; role: string | null; email: string | null; phone: string | null }) =>
      JSON.stringify([link.organizationId, link.role, link.email, link.phone]);
    const isSame = stored.length === links.length && stored.map(key).sort().join() === links.map(key).sort().join();
    if (!isSame) lists.push('organizations');
  }
  if (changedColumns.length === 0 && lists.length === 0) return getPerson(ctx, id);

  const updated = await updatePersonRow(ctx.tx, ctx.tenantId, id, changes, current.version);
  await writeContactLists(
    ctx.tx,
    ctx.tenantId,
    { personId: id },
    {
      emails: lists.includes('emails') ? input.emails : undefined,
      phones: lists.includes('phones') ? input.phones : undefined,
      addresses: lists.includes('addresses') ? input.addresses : undefined,
    },
  );
  if (links && lists.includes('organizations')) await replacePersonLinks(ctx.tx, ctx.tenantId, id, links);
  await refreshPersonSearchText(ctx.tx, updated);
  await recordAuditEvent(ctx, {
    action: 'person.updated',
    targetType: 'person',
    targetId: id,
    details: { fields: [...changedColumns, ...lists] },
  });
  return getPerson(ctx, id);
}
