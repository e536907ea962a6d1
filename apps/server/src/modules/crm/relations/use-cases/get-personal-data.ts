import type { PersonalData } from '@clientbox/contracts';
import { recordAuditEvent } from '../../../../kernel/audit/audit-log.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { toTaskDto } from '../../activities/tasks/tasks.dto.ts';
import { listTaskViews } from '../../activities/tasks/tasks.repository.ts';
import { toTimelineItemDto } from '../../activities/timeline/timeline.dto.ts';
import { listTimelineRows } from '../../activities/timeline/timeline.repository.ts';
import { getPerson } from './get-person.ts';

/** Far beyond what one person gathers; the lists are read whole. */
const ALL = 1_000_000;

/**
 * GDPR art. 15 and 20 (the tenant answers the data subject): the person with their links and
 * contact details, their timeline and their tasks, as one JSON document. Audited, as reading
 * everything about someone is itself worth a record.
 */
export async function getPersonalData(ctx: TenantContext, personId: string): Promise<PersonalData> {
  const person = await getPerson(ctx, personId);
  const timeline = await listTimelineRows(ctx.tx, ctx.tenantId, { personId }, { limit: ALL });
  const tasks = await listTaskViews(ctx.tx, ctx.tenantId, { personId }, { limit: ALL });
  await recordAuditEvent(ctx, {
    action: 'person.personal_data_exported',
    targetType: 'person',
    targetId: personId,
    details: { timeline_items: timeline.rows.length, tasks: tasks.rows.length },
  });
  return {
    object: 'personal_data',
    generated_at: new Date().toISOString(),
    person,
    timeline_items: timeline.rows.map(toTimelineItemDto),
    tasks: tasks.rows.map(toTaskDto),
  };
}
