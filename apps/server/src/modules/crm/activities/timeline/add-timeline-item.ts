import type { TimelineItem } from '@clientbox/contracts';
import { z } from 'zod';
import { AppError } from '../../../../kernel/errors/app-error.ts';
import type { Actor, TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { assertRelationsExist } from '../shared/relation-references.ts';
import { toTimelineItemDto } from './timeline.dto.ts';
import { insertSourcedTimelineItem } from './timeline.repository.ts';

const DOTTED_NAME = /^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*$/;

/**
 * What another module asks to put on a relation's timeline: a sent quote, a paid invoice, an
 * ended call. `(source_type, source_id, kind)` identifies it: asking twice adds it once.
 */
export const timelineItemRequest = z
  .strictObject({
    organization_id: z.uuid().optional(),
    person_id: z.uuid().optional(),
    /** What happened, `<thing>.<verb>`: `quote.sent`, `invoice.paid`. */
    kind: z.string().max(60).regex(DOTTED_NAME),
    /** One line for people, in the tenant's language (the timeline shows it as is). */
    body: z.string().max(10_000).default(''),
    /** The record it is about: `quote` + the quote's id. */
    source_type: z.string().max(60).regex(DOTTED_NAME),
    source_id: z.string().min(1).max(200),
    /** What the web app may show or link (number, amount); JSON. */
    details: z.record(z.string(), z.unknown()).default({}),
    occurred_at: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((request) => Boolean(request.organization_id) !== Boolean(request.person_id), {
    message: 'exactly one of organization_id and person_id',
  });
export type TimelineItemRequest = z.input<typeof timelineItemRequest>;

/**
 * Adds an item to a relation's timeline in the caller's transaction, so it commits or rolls back
 * with the caller's own change. Idempotent on (source_type, source_id, kind): a repeat returns
 * the item already there, unchanged, with `isNew: false`.
 */
export async function addTimelineItem(
  ctx: Pick<TenantContext, 'tenantId' | 'tx'> & { actor?: Actor },
  request: TimelineItemRequest,
): Promise<{ item: TimelineItem; isNew: boolean }> {
  const parsed = timelineItemRequest.safeParse(request);
  if (!parsed.success) throw new AppError('bad_request', { detail: `timeline item: ${parsed.error.message}` });
  const input = parsed.data;
  const reference = { organizationId: input.organization_id ?? null, personId: input.person_id ?? null };
  await assertRelationsExist(ctx.tx, ctx.tenantId, reference);
  const { row, isNew } = await insertSourcedTimelineItem(ctx.tx, {
    tenantId: ctx.tenantId,
    ...reference,
    kind: input.kind,
    body: input.body,
    occurredAt: input.occurred_at ? new Date(input.occurred_at) : new Date(),
    authorUserId: ctx.actor?.type === 'user' ? ctx.actor.id : null,
    authorName: ctx.actor?.name ?? null,
    sourceType: input.source_type,
    sourceId: input.source_id,
    details: input.details,
  });
  return { item: toTimelineItemDto(row), isNew };
}
