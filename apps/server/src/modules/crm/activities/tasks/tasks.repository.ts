import { and, asc, desc, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../../kernel/db/database.ts';
import { users } from '../../../../kernel/db/schema.ts';
import { organizations, persons, tasks } from '../../crm.tables.ts';

export type TaskRow = typeof tasks.$inferSelect;
export type NewTaskRow = typeof tasks.$inferInsert;
export type TaskChanges = Partial<Omit<TaskRow, 'tenantId' | 'id' | 'createdAt' | 'createdBy' | 'createdByName'>>;

/** A task with the names a list shows: the assignee's, the organization's and the person's. */
export interface TaskView {
  task: TaskRow;
  assigneeName: string | null;
  organizationName: string | null;
  personFirstName: string | null;
  personLastName: string | null;
}

export interface TaskFilter {
  assigneeUserId?: string | undefined;
  createdBy?: string | undefined;
  status?: 'open' | 'done' | undefined;
  organizationId?: string | undefined;
  personId?: string | undefined;
}

/** Tasks without a due date sort after every dated one. */
const FAR_FUTURE = '9999-12-31';

function selectTaskViews(tx: Tx) {
  return tx
    .select({
      task: tasks,
      assigneeName: users.name,
      organizationName: organizations.name,
      personFirstName: persons.firstName,
      personLastName: persons.lastName,
    })
    .from(tasks)
    .leftJoin(users, eq(users.id, tasks.assigneeUserId))
    .leftJoin(
      organizations,
      and(eq(organizations.tenantId, tasks.tenantId), eq(organizations.id, tasks.organizationId)),
    )
    .leftJoin(persons, and(eq(persons.tenantId, tasks.tenantId), eq(persons.id, tasks.personId)));
}

export async function findTaskView(tx: Tx, tenantId: string, id: string): Promise<TaskView | null> {
  const [row] = await selectTaskViews(tx).where(and(eq(tasks.tenantId, tenantId), eq(tasks.id, id)));
  return row ?? null;
}

/**
 * Open work first, soonest due first (undated last); done tasks only: most recently done first.
 * Cursor paging on the same keys.
 */
export async function listTaskViews(
  tx: Tx,
  tenantId: string,
  filter: TaskFilter,
  page: { limit: number; startingAfter?: string | undefined },
): Promise<{ rows: TaskView[]; hasMore: boolean }> {
  const conditions: SQL[] = [eq(tasks.tenantId, tenantId)];
  if (filter.assigneeUserId) conditions.push(eq(tasks.assigneeUserId, filter.assigneeUserId));
  if (filter.createdBy) conditions.push(eq(tasks.createdBy, filter.createdBy));
  if (filter.organizationId) conditions.push(eq(tasks.organizationId, filter.organizationId));
  if (filter.personId) conditions.push(eq(tasks.personId, filter.personId));
  if (filter.status === 'open') conditions.push(isNull(tasks.doneAt));
  if (filter.status === 'done') conditions.push(isNotNull(tasks.doneAt));
  const isDoneList = filter.status === 'done';
  if (page.startingAfter) {
    const cursor = sql`SELECT done_at, due_on, created_at, id FROM crm_tasks WHERE tenant_id = ${tenantId} AND id = ${page.startingAfter}`;
    conditions.push(
      isDoneList
        ? sql`(${tasks.doneAt}, ${tasks.id}) < (SELECT c.done_at, c.id FROM (${cursor}) c)`
        : sql`(${tasks.doneAt} IS NOT NULL, coalesce(${tasks.dueOn}, ${FAR_FUTURE}::date), ${tasks.createdAt}, ${tasks.id}) > (SELECT c.done_at IS NOT NULL, coalesce(c.due_on, ${FAR_FUTURE}::date), c.created_at, c.id FROM (${cursor}) c)`,
    );
  }
  const order = isDoneList
    ? [desc(tasks.doneAt), desc(tasks.id)]
    : [
        sql`${tasks.doneAt} IS NOT NULL`,
        sql`coalesce(${tasks.dueOn}, ${FAR_FUTURE}::date)`,
        asc(tasks.createdAt),
        asc(tasks.id),
      ];
  const rows = await selectTaskViews(tx)
    .where(and(...conditions))
    .orderBy(...order)
    .limit(page.limit + 1);
  return { rows: rows.slice(0, page.limit), hasMore: rows.length > page.limit };
}

export async function countOpenTasks(
  tx: Tx,
  tenantId: string,
  assigneeUserId: string,
  today: string,
): Promise<{ open: number; overdue: number; dueToday: number }> {
  const [counts] = await tx
    .select({
      open: sql<number>`count(*)`.mapWith(Number),
      overdue: sql<number>`count(*) FILTER (WHERE ${tasks.dueOn} < ${today}::date)`.mapWith(Number),
      dueToday: sql<number>`count(*) FILTER (WHERE ${tasks.dueOn} = ${today}::date)`.mapWith(Number),
    })
    .from(tasks)
    .where(and(eq(tasks.tenantId, tenantId), eq(tasks.assigneeUserId, assigneeUserId), isNull(tasks.doneAt)));
  return counts ?? { open: 0, overdue: 0, dueToday: 0 };
}

export async function insertTask(tx: Tx, values: NewTaskRow): Promise<TaskRow> {
  const [row] = await tx.insert(tasks).values(values).returning();
  return row!;
}

export async function updateTaskRow(
  tx: Tx,
  tenantId: string,
  id: string,
  changes: TaskChanges,
  version: number,
): Promise<void> {
  await tx
    .update(tasks)
    .set({ ...changes, version: version + 1, updatedAt: new Date() })
    .where(and(eq(tasks.tenantId, tenantId), eq(tasks.id, id)));
}

export async function deleteTaskRow(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.delete(tasks).where(and(eq(tasks.tenantId, tenantId), eq(tasks.id, id)));
}

export async function listAllTaskRows(tx: Tx, tenantId: string): Promise<TaskRow[]> {
  return tx.select().from(tasks).where(eq(tasks.tenantId, tenantId)).orderBy(asc(tasks.createdAt), asc(tasks.id));
}

export async function hasAnyTask(tx: Tx, tenantId: string): Promise<boolean> {
  const [row] = await tx.select({ id: tasks.id }).from(tasks).where(eq(tasks.tenantId, tenantId)).limit(1);
  return row !== undefined;
}
