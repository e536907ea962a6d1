import type { CreatePerson, Person } from '@clientbox/contracts';
import { recordAuditEvent } from '../../../../kernel/audit/audit-log.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { replacePersonLinks } from '../links.repository.ts';
import { insertPerson } from '../persons.repository.ts';
import { assertOwnerIsMember, refreshPersonSearchText, writeContactLists } from '../relation-details.ts';
import { getPerson } from './get-person.ts';
import { toLinkValues, toPersonChanges } from './person-fields.ts';

export async function createPerson(ctx: TenantContext, input: CreatePerson): Promise<Person> {
  await assertOwnerIsMember(ctx, input.owner_user_id);
  const links = await toLinkValues(ctx.tx, ctx.tenantId, input.organizations ?? []);
  const row = await insertPerson(ctx.tx, {
    ...toPersonChanges(input),
    tenantId: ctx.tenantId,
    lastName: input.last_name,
  });
  await writeContactLists(ctx.tx, ctx.tenantId, { personId: row.id }, input);
  if (links.length) await replacePersonLinks(ctx.tx, ctx.tenantId, row.id, links);
  await refreshPersonSearchText(ctx.tx, row);
  await recordAuditEvent(ctx, {
    action: 'person.created',
    targetType: 'person',
    targetId: row.id,
    details: { organization_ids: links.map((link) => link.organizationId) },
  });
  return getPerson(ctx, row.id);
}
