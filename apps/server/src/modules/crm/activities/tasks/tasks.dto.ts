import type { Task } from '@clientbox/contracts';
import { personName } from '../shared/relation-references.ts';
import type { TaskView } from './tasks.repository.ts';

export function toTaskDto(view: TaskView): Task {
  const { task } = view;
  return {
    object: 'task',
    id: task.id,
    kind: task.kind,
    title: task.title,
    description: task.description,
    due_on: task.dueOn,
    assignee: task.assigneeUserId ? { user_id: task.assigneeUserId, name: view.assigneeName } : null,
    organization_id: task.organizationId,
    organization_name: view.organizationName,
    person_id: task.personId,
    person_name: personName(view.personFirstName, view.personLastName),
    is_done: task.doneAt !== null,
    done_at: task.doneAt?.toISOString() ?? null,
    created_by: task.createdBy || task.createdByName ? { user_id: task.createdBy, name: task.createdByName } : null,
    version: task.version,
    created_at: task.createdAt.toISOString(),
    updated_at: task.updatedAt.toISOString(),
  };
}
