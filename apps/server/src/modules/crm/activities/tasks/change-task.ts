import type { Task, UpdateTask } from '@clientbox/contracts';
import { recordAuditEvent } from '../../../../kernel/audit/audit-log.ts';
import { AppError } from '../../../../kernel/errors/app-error.ts';
import { hasRole, type TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { assertVersion } from '../shared/if-match.ts';
import { assertRelationsExist } from '../shared/relation-references.ts';
import { actingUserId } from '../shared/tenant-members.ts';
import { assertAssignable } from './task-rules.ts';
import { toTaskDto } from './tasks.dto.ts';
import { deleteTaskRow, findTaskView, type TaskChanges, type TaskView, updateTaskRow } from './tasks.repository.ts';

async function loadTask(ctx: TenantContext, id: string, expectedVersion: number | null): Promise<TaskView> {
  const view = await findTaskView(ctx.tx, ctx.tenantId, id);
  if (!view) throw new AppError('task_not_found');
  assertVersion(expectedVersion, view.task.version);
  return view;
}

/** Any colleague may update, reassign or complete a task (call-backs are often taken over). */
export async function updateTask(
  ctx: TenantContext,
  id: string,
  input: UpdateTask,
  expectedVersion: number | null,
): Promise<Task> {
  const { task } = await loadTask(ctx, id, expectedVersion);
  const changes: TaskChanges = {};
  if (input.kind !== undefined) changes.kind = input.kind;
  if (input.title !== undefined) changes.title = input.title;
  if (input.description !== undefined) changes.description = input.description;
  if (input.due_on !== undefined) changes.dueOn = input.due_on;
  if (input.organization_id !== undefined) changes.organizationId = input.organization_id;
  if (input.person_id !== undefined) changes.personId = input.person_id;
  if (input.assignee_user_id !== undefined && input.assignee_user_id !== task.assigneeUserId) {
    await assertAssignable(ctx, input.assignee_user_id);
    changes.assigneeUserId = input.assignee_user_id;
  }
  if (input.done !== undefined && input.done !== (task.doneAt !== null))
    changes.doneAt = input.done ? new Date() : null;
  await assertRelationsExist(ctx.tx, ctx.tenantId, {
    organizationId: changes.organizationId,
    personId: changes.personId,
  });
  const changed = (Object.keys(changes) as (keyof TaskChanges)[]).filter((key) => changes[key] !== task[key]);
  if (changed.length === 0) return toTaskDto((await findTaskView(ctx.tx, ctx.tenantId, id))!);
  await updateTaskRow(ctx.tx, ctx.tenantId, id, changes, task.version);
  const action =
    'doneAt' in changes && changed.length === 1
      ? changes.doneAt
        ? 'crm.task_completed'
        : 'crm.task_reopened'
      : 'crm.task_updated';
  await recordAuditEvent(ctx, {
    action,
    targetType: 'task',
    targetId: id,
    details: {
      fields: changed,
      ...(changes.assigneeUserId ? { assignee_user_id: changes.assigneeUserId } : {}),
    },
  });
  return toTaskDto((await findTaskView(ctx.tx, ctx.tenantId, id))!);
}

/** Whoever made the task, whoever has it, or an admin. */
export async function deleteTask(ctx: TenantContext, id: string, expectedVersion: number | null): Promise<void> {
  const { task } = await loadTask(ctx, id, expectedVersion);
  const userId = actingUserId(ctx.actor);
  const isInvolved = userId !== null && (task.createdBy === userId || task.assigneeUserId === userId);
  if (!isInvolved && !hasRole(ctx.role, 'admin'))
    throw new AppError('forbidden', { detail: 'Only who made or has the task, or an admin, deletes it.' });
  await deleteTaskRow(ctx.tx, ctx.tenantId, id);
  await recordAuditEvent(ctx, {
    action: 'crm.task_deleted',
    targetType: 'task',
    targetId: id,
    details: { kind: task.kind, title: task.title },
  });
}
