import type { Person, PersonListQuery } from '@clientbox/contracts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { listPersonRows } from '../persons.repository.ts';
import { personsWithDetails } from '../relation-details.ts';

export async function listPersons(
  ctx: TenantContext,
  query: PersonListQuery,
): Promise<{ object: 'list'; data: Person[]; has_more: boolean }> {
  const { rows, hasMore } = await listPersonRows(ctx.tx, ctx.tenantId, query);
  return { object: 'list', data: await personsWithDetails(ctx.tx, ctx.tenantId, rows), has_more: hasMore };
}
