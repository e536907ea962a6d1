import type { Task, TaskSummary, taskQuery } from '@clientbox/contracts';
import type { z } from 'zod';
import { AppError } from '../../../../kernel/errors/app-error.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { officeDate } from '../shared/amsterdam-time.ts';
import { resolveUserFilter } from './task-rules.ts';
import { toTaskDto } from './tasks.dto.ts';
import { countOpenTasks, findTaskView, listTaskViews } from './tasks.repository.ts';

export async function listTasks(
  ctx: TenantContext,
  query: z.output<typeof taskQuery>,
): Promise<{ data: Task[]; hasMore: boolean }> {
  const { rows, hasMore } = await listTaskViews(
    ctx.tx,
    ctx.tenantId,
    {
      assigneeUserId: resolveUserFilter(ctx, query.assignee, 'assignee'),
      createdBy: resolveUserFilter(ctx, query.created_by, 'created_by'),
      status: query.status,
      organizationId: query.organization_id,
      personId: query.person_id,
    },
    { limit: query.limit, startingAfter: query.starting_after },
  );
  return { data: rows.map(toTaskDto), hasMore };
}

export async function getTask(ctx: TenantContext, id: string): Promise<Task> {
  const view = await findTaskView(ctx.tx, ctx.tenantId, id);
  if (!view) throw new AppError('task_not_found');
  return toTaskDto(view);
}

/** The open tasks of one person, with what is overdue or due today (Amsterdam dates). */
export async function summarizeTasks(ctx: TenantContext, assignee: string): Promise<TaskSummary> {
  const userId = resolveUserFilter(ctx, assignee, 'assignee')!;
  const counts = await countOpenTasks(ctx.tx, ctx.tenantId, userId, officeDate());
  return { object: 'task_summary', open: counts.open, overdue: counts.overdue, due_today: counts.dueToday };
}
