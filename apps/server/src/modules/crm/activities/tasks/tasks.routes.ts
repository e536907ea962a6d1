import {
  activityIdParams,
  createTask as createTaskSchema,
  listOf,
  task,
  taskQuery,
  taskSummary,
  taskSummaryQuery,
  updateTask as updateTaskSchema,
} from '@clientbox/contracts';
import type { Kernel } from '../../../../kernel/kernel.ts';
import { versionFromIfMatch } from '../shared/if-match.ts';
import { deleteTask, updateTask } from './change-task.ts';
import { createTask } from './create-task.ts';
import { getTask, listTasks, summarizeTasks } from './list-tasks.ts';

const TAGS = ['Tasks'];

export function registerTaskRoutes(kernel: Kernel): void {
  kernel.route({
    access: 'tenant',
    entitlement: 'crm',
    method: 'POST',
    url: '/api/v1/tasks',
    tags: TAGS,
    summary: 'Create a task or call-back request for a member of the account (yourself when no assignee is given)',
    body: createTaskSchema,
    response: { status: 201, schema: task },
    handler: async ({ ctx, body, reply }) => {
      const created = await createTask(ctx, body);
      reply.header('etag', `"${created.version}"`);
      return created;
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'crm',
    method: 'GET',
    url: '/api/v1/tasks',
    tags: TAGS,
    summary:
      'Tasks: open first, soonest due first; filter by assignee or creator (me or a user id), status and relation',
    query: taskQuery,
    response: { status: 200, schema: listOf(task) },
    handler: async ({ ctx, query }) => {
      const page = await listTasks(ctx, query);
      return { object: 'list' as const, data: page.data, has_more: page.hasMore };
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'crm',
    method: 'GET',
    url: '/api/v1/tasks/summary',
    tags: TAGS,
    summary: 'How many open tasks someone has (me by default), overdue and due today',
    query: taskSummaryQuery,
    response: { status: 200, schema: taskSummary },
    handler: ({ ctx, query }) => summarizeTasks(ctx, query.assignee),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'crm',
    method: 'GET',
    url: '/api/v1/tasks/:id',
    tags: TAGS,
    summary: 'One task',
    params: activityIdParams,
    response: { status: 200, schema: task },
    handler: async ({ ctx, params, reply }) => {
      const found = await getTask(ctx, params.id);
      reply.header('etag', `"${found.version}"`);
      return found;
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'crm',
    method: 'PATCH',
    url: '/api/v1/tasks/:id',
    tags: TAGS,
    summary: 'Change, reassign or complete a task (done: true/false). Send If-Match to avoid lost updates.',
    params: activityIdParams,
    body: updateTaskSchema,
    response: { status: 200, schema: task },
    errors: [412],
    handler: async ({ ctx, params, body, request, reply }) => {
      const updated = await updateTask(ctx, params.id, body, versionFromIfMatch(request.headers['if-match']));
      reply.header('etag', `"${updated.version}"`);
      return updated;
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'crm',
    method: 'DELETE',
    url: '/api/v1/tasks/:id',
    tags: TAGS,
    summary: 'Delete a task (who made it, who has it, or an admin)',
    params: activityIdParams,
    response: { status: 204 },
    errors: [412],
    handler: async ({ ctx, params, request }) => {
      await deleteTask(ctx, params.id, versionFromIfMatch(request.headers['if-match']));
    },
  });
}
