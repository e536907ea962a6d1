import type { createTask as createTaskSchema, Task } from '@clientbox/contracts';
import type { z } from 'zod';
import { recordAuditEvent } from '../../../../kernel/audit/audit-log.ts';
import { AppError } from '../../../../kernel/errors/app-error.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { assertRelationsExist } from '../shared/relation-references.ts';
import { actingUserId } from '../shared/tenant-members.ts';
import { assertAssignable } from './task-rules.ts';
import { toTaskDto } from './tasks.dto.ts';
import { findTaskView, insertTask } from './tasks.repository.ts';

/** A task or call-back request for a colleague (or oneself), optionally about a relation. */
export async function createTask(ctx: TenantContext, input: z.output<typeof createTaskSchema>): Promise<Task> {
  const assignee = input.assignee_user_id ?? actingUserId(ctx.actor);
  if (!assignee)
    throw new AppError('validation_failed', {
      fields: [{ field: 'assignee_user_id', code: 'required', message: 'required' }],
    });
  await assertAssignable(ctx, assignee);
  const reference = { organizationId: input.organization_id ?? null, personId: input.person_id ?? null };
  await assertRelationsExist(ctx.tx, ctx.tenantId, reference);
  const row = await insertTask(ctx.tx, {
    tenantId: ctx.tenantId,
    kind: input.kind,
    title: input.title,
    description: input.description ?? null,
    dueOn: input.due_on ?? null,
    assigneeUserId: assignee,
    ...reference,
    createdBy: actingUserId(ctx.actor),
    createdByName: ctx.actor.name,
  });
  await recordAuditEvent(ctx, {
    action: 'crm.task_created',
    targetType: 'task',
    targetId: row.id,
    details: { kind: row.kind, assignee_user_id: assignee, due_on: row.dueOn },
  });
  return toTaskDto((await findTaskView(ctx.tx, ctx.tenantId, row.id))!);
}
