import type { CreateNote, TimelineItem } from '@clientbox/contracts';
import { recordAuditEvent } from '../../../../kernel/audit/audit-log.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { assertRelationsExist } from '../shared/relation-references.ts';
import { actingUserId } from '../shared/tenant-members.ts';
import { toTimelineItemDto } from './timeline.dto.ts';
import { insertTimelineItem } from './timeline.repository.ts';

/** A note or contact moment on one organization's or one person's timeline, signed by who wrote it. */
export async function addNote(ctx: TenantContext, input: CreateNote): Promise<TimelineItem> {
  const reference = { organizationId: input.organization_id ?? null, personId: input.person_id ?? null };
  await assertRelationsExist(ctx.tx, ctx.tenantId, reference);
  const row = await insertTimelineItem(ctx.tx, {
    tenantId: ctx.tenantId,
    ...reference,
    kind: input.kind,
    body: input.body,
    occurredAt: input.occurred_at ? new Date(input.occurred_at) : new Date(),
    authorUserId: actingUserId(ctx.actor),
    authorName: ctx.actor.name,
  });
  await recordAuditEvent(ctx, {
    action: 'crm.note_added',
    targetType: 'timeline_item',
    targetId: row.id,
    details: { kind: row.kind, organization_id: row.organizationId, person_id: row.personId },
  });
  return toTimelineItemDto(row);
}
