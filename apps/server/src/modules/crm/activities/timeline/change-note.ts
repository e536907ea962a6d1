import type { TimelineItem, UpdateNote } from '@clientbox/contracts';
import { recordAuditEvent } from '../../../../kernel/audit/audit-log.ts';
import { AppError } from '../../../../kernel/errors/app-error.ts';
import { hasRole, type TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { assertVersion } from '../shared/if-match.ts';
import { actingUserId } from '../shared/tenant-members.ts';
import { timelineEtag, toTimelineItemDto } from './timeline.dto.ts';
import {
  deleteTimelineItem,
  findTimelineItem,
  isNote,
  type TimelineRow,
  updateTimelineItem,
} from './timeline.repository.ts';

/**
 * Only notes written on the timeline change, and only by their author or an admin: what other
 * modules added is a record of what happened there.
 */
async function loadEditableNote(ctx: TenantContext, id: string, expectedEtag: string | null): Promise<TimelineRow> {
  const row = await findTimelineItem(ctx.tx, ctx.tenantId, id);
  if (!row) throw new AppError('timeline_item_not_found');
  if (!isNote(row)) throw new AppError('timeline_item_read_only');
  const isAuthor = row.authorUserId !== null && row.authorUserId === actingUserId(ctx.actor);
  if (!isAuthor && !hasRole(ctx.role, 'admin'))
    throw new AppError('forbidden', { detail: 'Only the author or an admin changes a note.' });
  assertVersion(expectedEtag, timelineEtag(row));
  return row;
}

export async function updateNote(
  ctx: TenantContext,
  id: string,
  input: UpdateNote,
  expectedEtag: string | null,
): Promise<TimelineItem> {
  const current = await loadEditableNote(ctx, id, expectedEtag);
  const changes = {
    ...(input.kind !== undefined ? { kind: input.kind } : {}),
    ...(input.body !== undefined ? { body: input.body } : {}),
    ...(input.occurred_at !== undefined ? { occurredAt: new Date(input.occurred_at) } : {}),
  };
  const changed = Object.keys(changes).filter((key) => {
    const value = changes[key as keyof typeof changes];
    const stored = current[key as keyof typeof changes];
    return value instanceof Date ? value.getTime() !== (stored as Date).getTime() : value !== stored;
  });
  if (changed.length === 0) return toTimelineItemDto(current);
  const row = await updateTimelineItem(ctx.tx, ctx.tenantId, id, changes);
  await recordAuditEvent(ctx, {
    action: 'crm.note_updated',
    targetType: 'timeline_item',
    targetId: id,
    details: { fields: changed },
  });
  return toTimelineItemDto(row);
}

export async function deleteNote(ctx: TenantContext, id: string, expectedEtag: string | null): Promise<void> {
  const current = await loadEditableNote(ctx, id, expectedEtag);
  await deleteTimelineItem(ctx.tx, ctx.tenantId, id);
  await recordAuditEvent(ctx, {
    action: 'crm.note_deleted',
    targetType: 'timeline_item',
    targetId: id,
    details: { kind: current.kind, organization_id: current.organizationId, person_id: current.personId },
  });
}
