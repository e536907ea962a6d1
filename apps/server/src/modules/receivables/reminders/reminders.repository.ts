import { and, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Tx } from '../../../kernel/db/database.ts';
import { collectionPauses, reminderDailyRuns, reminders, reminderSettings } from '../reminders.tables.ts';

export type ReminderSettingsRow = typeof reminderSettings.$inferSelect;
export type ReminderRow = typeof reminders.$inferSelect;
export type NewReminderRow = typeof reminders.$inferInsert;
export type CollectionPauseRow = typeof collectionPauses.$inferSelect;

export async function findReminderSettings(tx: Tx, tenantId: string): Promise<ReminderSettingsRow | null> {
  const [row] = await tx.select().from(reminderSettings).where(eq(reminderSettings.tenantId, tenantId));
  return row ?? null;
}

export async function saveReminderSettings(tx: Tx, row: Omit<ReminderSettingsRow, 'updatedAt'>) {
  const [saved] = await tx
    .insert(reminderSettings)
    .values(row)
    .onConflictDoUpdate({ target: reminderSettings.tenantId, set: { ...row, updatedAt: sql`now()` } })
    .returning();
  return saved!;
}

/** The reminders already written for these invoices (any status): the next level counts on from them. */
export async function remindersOfInvoices(tx: Tx, tenantId: string, invoiceIds: string[]): Promise<ReminderRow[]> {
  if (invoiceIds.length === 0) return [];
  return tx
    .select()
    .from(reminders)
    .where(and(eq(reminders.tenantId, tenantId), inArray(reminders.invoiceId, invoiceIds)))
    .orderBy(reminders.level);
}

/** Inserts a letter; null when that level of that invoice was written meanwhile (another run). */
export async function insertReminder(tx: Tx, row: NewReminderRow): Promise<ReminderRow | null> {
  const [inserted] = await tx.insert(reminders).values(row).onConflictDoNothing().returning();
  return inserted ?? null;
}

export async function findReminder(tx: Tx, tenantId: string, id: string): Promise<ReminderRow | null> {
  const [row] = await tx
    .select()
    .from(reminders)
    .where(and(eq(reminders.tenantId, tenantId), eq(reminders.id, id)));
  return row ?? null;
}

export async function listReminderRows(
  tx: Tx,
  tenantId: string,
  filter: { invoiceId?: string | undefined; customerId?: string | undefined; before?: { createdAt: Date; id: string } },
  limit: number,
): Promise<ReminderRow[]> {
  return tx
    .select()
    .from(reminders)
    .where(
      and(
        eq(reminders.tenantId, tenantId),
        filter.invoiceId ? eq(reminders.invoiceId, filter.invoiceId) : undefined,
        filter.customerId
          ? or(eq(reminders.organizationId, filter.customerId), eq(reminders.personId, filter.customerId))
          : undefined,
        filter.before
          ? or(
              lt(reminders.createdAt, filter.before.createdAt),
              and(eq(reminders.createdAt, filter.before.createdAt), lt(reminders.id, filter.before.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(reminders.createdAt), desc(reminders.id))
    .limit(limit);
}

/**
 * Letters written before `writtenBefore` and still not sent (a mail server that kept refusing, a
 * crash between writing and sending). Newer ones are left alone: their own job may be on its way.
 */
export async function queuedReminderIds(tx: Tx, tenantId: string, writtenBefore: Date): Promise<string[]> {
  const rows = await tx
    .select({ id: reminders.id })
    .from(reminders)
    .where(
      and(eq(reminders.tenantId, tenantId), eq(reminders.status, 'queued'), lt(reminders.createdAt, writtenBefore)),
    );
  return rows.map((row) => row.id);
}

export async function markReminder(
  tx: Tx,
  tenantId: string,
  id: string,
  outcome: { status: 'sent'; sentAt: Date; messageId: string | null } | { status: 'failed'; error: string },
) {
  await tx
    .update(reminders)
    .set(outcome)
    .where(and(eq(reminders.tenantId, tenantId), eq(reminders.id, id), eq(reminders.status, 'queued')));
}

/** Claims the daily run of this day; false when it ran already (another process, a restart). */
export async function claimDailyRun(tx: Tx, tenantId: string, runOn: string): Promise<boolean> {
  const claimed = await tx.insert(reminderDailyRuns).values({ tenantId, runOn }).onConflictDoNothing().returning();
  return claimed.length > 0;
}

export async function setDailyRunCount(tx: Tx, tenantId: string, runOn: string, sent: number) {
  await tx
    .update(reminderDailyRuns)
    .set({ sent })
    .where(and(eq(reminderDailyRuns.tenantId, tenantId), eq(reminderDailyRuns.runOn, runOn)));
}

export async function insertPause(tx: Tx, row: typeof collectionPauses.$inferInsert): Promise<CollectionPauseRow> {
  const [inserted] = await tx.insert(collectionPauses).values(row).returning();
  return inserted!;
}

export async function findPause(tx: Tx, tenantId: string, id: string, lock = false) {
  const query = tx
    .select()
    .from(collectionPauses)
    .where(and(eq(collectionPauses.tenantId, tenantId), eq(collectionPauses.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function endPause(tx: Tx, tenantId: string, id: string, endedOn: string) {
  const [row] = await tx
    .update(collectionPauses)
    .set({ endedOn })
    .where(and(eq(collectionPauses.tenantId, tenantId), eq(collectionPauses.id, id), isNull(collectionPauses.endedOn)))
    .returning();
  return row ?? null;
}

/** Pauses of one customer, or of all customers when none is named; newest first. */
export async function listPauseRows(tx: Tx, tenantId: string, customerId?: string): Promise<CollectionPauseRow[]> {
  return tx
    .select()
    .from(collectionPauses)
    .where(
      and(
        eq(collectionPauses.tenantId, tenantId),
        customerId
          ? or(eq(collectionPauses.organizationId, customerId), eq(collectionPauses.personId, customerId))
          : undefined,
      ),
    )
    .orderBy(desc(collectionPauses.pausedOn), desc(collectionPauses.createdAt));
}

/** The export archive: every row of the tenant. */
export const allReminderRows = (tx: Tx, tenantId: string) =>
  tx.select().from(reminders).where(eq(reminders.tenantId, tenantId)).orderBy(reminders.createdAt, reminders.id);
export const allPauseRows = (tx: Tx, tenantId: string) =>
  tx
    .select()
    .from(collectionPauses)
    .where(eq(collectionPauses.tenantId, tenantId))
    .orderBy(collectionPauses.createdAt, collectionPauses.id);
