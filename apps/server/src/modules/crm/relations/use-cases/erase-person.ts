import type { Person } from '@clientbox/contracts';
import { recordAuditEvent } from '../../../../kernel/audit/audit-log.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { erasePersonData } from '../person-privacy.repository.ts';
import { getPersonRow } from '../persons.repository.ts';
import { getPerson } from './get-person.ts';

/**
 * GDPR art. 17: anonymises the person in this one transaction (see `erasePersonData`). Erasing
 * an erased person changes nothing and records nothing again. The audit entry names no one: the
 * log must not keep what was erased.
 */
export async function erasePerson(ctx: TenantContext, personId: string): Promise<Person> {
  const row = await getPersonRow(ctx.tx, ctx.tenantId, personId);
  if (row.erasedAt) return getPerson(ctx, personId);
  await erasePersonData(ctx.tx, ctx.tenantId, personId, row.version);
  await recordAuditEvent(ctx, { action: 'person.erased', targetType: 'person', targetId: personId, details: {} });
  return getPerson(ctx, personId);
}
