import { taskKind } from '@clientbox/contracts';
import { z } from 'zod';
import type { ImportableExporter } from '../../../../kernel/export/export-registry.ts';
import { tasks } from '../../crm.tables.ts';
import { RELATION_ENTITIES } from '../shared/export-order.ts';
import { assertImportedRelationsExist, usersById, parseImportedRows } from '../shared/import-rows.ts';
import { tenantMembersByEmail } from '../shared/tenant-members.ts';
import { hasAnyTask, listAllTaskRows } from './tasks.repository.ts';

const ENTITY = 'crm.tasks';
const timestamp = z.iso.datetime({ offset: true });

const importedTask = z.strictObject({
  id: z.uuid(),
  kind: taskKind,
  title: z.string().trim().min(1).max(200),
  description: z.string().max(5_000).nullable(),
  due_on: z.iso.date().nullable(),
  assignee_name: z.string().max(200).nullable(),
  assignee_email: z.string().max(320).nullable(),
  organization_id: z.uuid().nullable(),
  person_id: z.uuid().nullable(),
  done_at: timestamp.nullable(),
  created_by_name: z.string().max(200).nullable(),
  created_by_email: z.string().max(320).nullable(),
  created_at: timestamp,
  updated_at: timestamp,
});
type TaskExportRow = z.output<typeof importedTask>;

/**
 * Tasks and call-back requests. Assignees are named by address: an import gives a task to the
 * member with that address in the new account, or to nobody until someone takes it.
 */
export const tasksExporter: ImportableExporter<TaskExportRow> = {
  entity: ENTITY,
  csv: true,
  importAfter: RELATION_ENTITIES,
  columns: Object.keys(importedTask.shape) as (keyof TaskExportRow)[],

  async export({ tenantId, tx }) {
    const rows = await listAllTaskRows(tx, tenantId);
    const people = await usersById(
      tx,
      rows.flatMap((row) => [row.assigneeUserId, row.createdBy]),
    );
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      title: row.title,
      description: row.description,
      due_on: row.dueOn,
      assignee_name: row.assigneeUserId ? (people.get(row.assigneeUserId)?.name ?? null) : null,
      assignee_email: row.assigneeUserId ? (people.get(row.assigneeUserId)?.email ?? null) : null,
      organization_id: row.organizationId,
      person_id: row.personId,
      done_at: row.doneAt?.toISOString() ?? null,
      created_by_name: row.createdByName,
      created_by_email: row.createdBy ? (people.get(row.createdBy)?.email ?? null) : null,
      created_at: row.createdAt.toISOString(),
      updated_at: row.updatedAt.toISOString(),
    }));
  },

  hasData: ({ tenantId, tx }) => hasAnyTask(tx, tenantId),

  async import(ctx, rows) {
    const imported = parseImportedRows(ENTITY, importedTask, rows);
    if (imported.length === 0) return;
    await assertImportedRelationsExist(ctx.tx, ctx.tenantId, ENTITY, imported);
    const members = await tenantMembersByEmail(ctx.tx, ctx.tenantId);
    const memberId = (email: string | null) => (email ? (members.get(email.toLowerCase())?.userId ?? null) : null);
    for (let start = 0; start < imported.length; start += 500)
      await ctx.tx.insert(tasks).values(
        imported.slice(start, start + 500).map((task) => ({
          tenantId: ctx.tenantId,
          id: task.id,
          kind: task.kind,
          title: task.title,
          description: task.description,
          dueOn: task.due_on,
          assigneeUserId: memberId(task.assignee_email),
          organizationId: task.organization_id,
          personId: task.person_id,
          doneAt: task.done_at ? new Date(task.done_at) : null,
          createdBy: memberId(task.created_by_email),
          createdByName: task.created_by_name,
          createdAt: new Date(task.created_at),
          updatedAt: new Date(task.updated_at),
        })),
      );
  },
};
