import { recordAuditEvent } from '../../../../kernel/audit/audit-log.ts';
import { AppError } from '../../../../kernel/errors/app-error.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { detachDeals } from '../organizations.repository.ts';
import { deletePersonRow, getPersonRow } from '../persons.repository.ts';

/** Contact details, links, timeline and tasks go with the person; deals stay, without the person. */
export async function deletePerson(ctx: TenantContext, id: string, expectedVersion: number | null) {
  const current = await getPersonRow(ctx.tx, ctx.tenantId, id);
  if (expectedVersion !== null && expectedVersion !== current.version) throw new AppError('version_conflict');
  await detachDeals(ctx.tx, ctx.tenantId, { personId: id });
  await deletePersonRow(ctx.tx, ctx.tenantId, id);
  await recordAuditEvent(ctx, { action: 'person.deleted', targetType: 'person', targetId: id });
}
