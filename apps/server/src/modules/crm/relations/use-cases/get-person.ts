import type { Person } from '@clientbox/contracts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { getPersonRow } from '../persons.repository.ts';
import { personsWithDetails } from '../relation-details.ts';

export async function getPerson(ctx: TenantContext, id: string): Promise<Person> {
  const row = await getPersonRow(ctx.tx, ctx.tenantId, id);
  const [person] = await personsWithDetails(ctx.tx, ctx.tenantId, [row]);
  return person!;
}
