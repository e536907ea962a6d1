import { activityIdParams, createNote, listOf, timelineItem, timelineQuery, updateNote } from '@clientbox/contracts';
import type { Kernel } from '../../../../kernel/kernel.ts';
import { etagFromIfMatch } from '../shared/if-match.ts';
import { addNote } from './add-note.ts';
import { deleteNote, updateNote as changeNote } from './change-note.ts';
import { listTimeline } from './list-timeline.ts';

const TAGS = ['Notes'];

export function registerTimelineRoutes(kernel: Kernel): void {
  for (const relation of ['organizations', 'persons'] as const) {
    kernel.route({
      access: 'tenant',
      entitlement: 'crm',
      method: 'GET',
      url: `/api/v1/${relation}/:id/timeline`,
      tags: TAGS,
      summary: `The ${relation === 'organizations' ? "organization's" : "person's"} timeline, newest first: notes, contact moments and what other modules added`,
      params: activityIdParams,
      query: timelineQuery,
      response: { status: 200, schema: listOf(timelineItem) },
      handler: async ({ ctx, params, query }) => {
        const owner = relation === 'organizations' ? { organizationId: params.id } : { personId: params.id };
        const page = await listTimeline(ctx, owner, { limit: query.limit, startingAfter: query.starting_after });
        return { object: 'list' as const, data: page.data, has_more: page.hasMore };
      },
    });
  }

  kernel.route({
    access: 'tenant',
    entitlement: 'crm',
    method: 'POST',
    url: '/api/v1/notes',
    tags: TAGS,
    summary: 'Write a note or log a contact moment (call, visit, e-mail) on one organization or one person',
    body: createNote,
    response: { status: 201, schema: timelineItem },
    handler: async ({ ctx, body, reply }) => {
      const item = await addNote(ctx, body);
      reply.header('etag', `"${item.etag}"`);
      return item;
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'crm',
    method: 'PATCH',
    url: '/api/v1/notes/:id',
    tags: TAGS,
    summary: 'Change a note (its author or an admin). Send If-Match with its ETag to avoid lost updates.',
    params: activityIdParams,
    body: updateNote,
    response: { status: 200, schema: timelineItem },
    errors: [409, 412],
    handler: async ({ ctx, params, body, request, reply }) => {
      const item = await changeNote(ctx, params.id, body, etagFromIfMatch(request.headers['if-match']));
      reply.header('etag', `"${item.etag}"`);
      return item;
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'crm',
    method: 'DELETE',
    url: '/api/v1/notes/:id',
    tags: TAGS,
    summary: 'Delete a note (its author or an admin)',
    params: activityIdParams,
    response: { status: 204 },
    errors: [409, 412],
    handler: async ({ ctx, params, request }) => {
      await deleteNote(ctx, params.id, etagFromIfMatch(request.headers['if-match']));
    },
  });
}
