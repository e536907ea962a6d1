import type { TimelineItem } from '@clientbox/contracts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { assertRelationsExist } from '../shared/relation-references.ts';
import { toTimelineItemDto } from './timeline.dto.ts';
import { listTimelineRows, type TimelineOwner } from './timeline.repository.ts';

/** One relation's timeline, newest first: notes, contact moments and what other modules added. */
export async function listTimeline(
  ctx: TenantContext,
  owner: TimelineOwner,
  page: { limit: number; startingAfter?: string | undefined },
): Promise<{ data: TimelineItem[]; hasMore: boolean }> {
  await assertRelationsExist(ctx.tx, ctx.tenantId, owner);
  const { rows, hasMore } = await listTimelineRows(ctx.tx, ctx.tenantId, owner, page);
  return { data: rows.map(toTimelineItemDto), hasMore };
}
