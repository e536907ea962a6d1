import { createHash } from 'node:crypto';
import type { TimelineItem } from '@clientbox/contracts';
import { isNote, type TimelineRow } from './timeline.repository.ts';

/**
 * The version of a note for `If-Match`. The table has no version counter, so it is a digest of
 * what can change (kind, body, time): a stale copy differs from the stored one.
 */
export function timelineEtag(row: Pick<TimelineRow, 'kind' | 'body' | 'occurredAt'>): string {
  return createHash('sha256')
    .update(`${row.kind}\n${row.occurredAt.toISOString()}\n${row.body}`)
    .digest('hex')
    .slice(0, 20);
}

export function toTimelineItemDto(row: TimelineRow): TimelineItem {
  return {
    object: 'timeline_item',
    id: row.id,
    organization_id: row.organizationId,
    person_id: row.personId,
    kind: row.kind,
    body: row.body,
    occurred_at: row.occurredAt.toISOString(),
    author: row.authorUserId || row.authorName ? { user_id: row.authorUserId, name: row.authorName } : null,
    source: row.sourceType && row.sourceId ? { type: row.sourceType, id: row.sourceId } : null,
    details: row.details,
    is_note: isNote(row),
    etag: timelineEtag(row),
    created_at: row.createdAt.toISOString(),
  };
}
