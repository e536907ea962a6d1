import { and, desc, eq, getTableColumns, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { FILE_ROWS_PER_INSERT, inChunks } from '../../../kernel/export/archive-tables.ts';
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

/** The export archive: every row of the tenant (the letters without their PDF, see `reminderPdfs`). */
export const allReminderRows = (tx: Tx, tenantId: string) => {
  const { pdfContent: _pdf, ...columns } = getTableColumns(reminders);
  return tx
    .select(columns)
    .from(reminders)
    .where(eq(reminders.tenantId, tenantId))
    .orderBy(reminders.createdAt, reminders.id);
};
export const allPauseRows = (tx: Tx, tenantId: string) =>
  tx
    .select()
    .from(collectionPauses)
    .where(eq(collectionPauses.tenantId, tenantId))
    .orderBy(collectionPauses.createdAt, collectionPauses.id);

/** The invoices issued for the charges of this invoice's letters (oldest first). */
export async function costInvoiceIdsOf(tx: Tx, tenantId: string, invoiceId: string): Promise<string[]> {
  const rows = await tx
    .select({ costInvoiceId: reminders.costInvoiceId })
    .from(reminders)
    .where(and(eq(reminders.tenantId, tenantId), eq(reminders.invoiceId, invoiceId)))
    .orderBy(reminders.level);
  return rows.flatMap((row) => (row.costInvoiceId ? [row.costInvoiceId] : []));
}

/** The letters' PDFs by reminder id, a few at a time: every row is a whole file. */
export async function reminderPdfs(tx: Tx, tenantId: string, ids: readonly string[]): Promise<Map<string, Uint8Array>> {
  const pdfs = new Map<string, Uint8Array>();
  await inChunks(
    ids,
    async (chunk) => {
      const rows = await tx
        .select({ id: reminders.id, pdfContent: reminders.pdfContent })
        .from(reminders)
        .where(and(eq(reminders.tenantId, tenantId), inArray(reminders.id, chunk)));
      for (const row of rows) pdfs.set(row.id, row.pdfContent);
    },
    FILE_ROWS_PER_INSERT,
  );
  return pdfs;
}
export const allDailyRunRows = (tx: Tx, tenantId: string) =>
  tx.select().from(reminderDailyRuns).where(eq(reminderDailyRuns.tenantId, tenantId)).orderBy(reminderDailyRuns.runOn);

/** The import: rows as the archive holds them, ids and timestamps kept. */
export async function insertReminderSettingsRow(tx: Tx, row: ReminderSettingsRow): Promise<void> {
  await tx.insert(reminderSettings).values(row);
}
export async function insertReminderRows(tx: Tx, rows: NewReminderRow[]): Promise<void> {
  await inChunks(rows, (chunk) => tx.insert(reminders).values(chunk), FILE_ROWS_PER_INSERT);
}
export async function insertPauseRows(tx: Tx, rows: (typeof collectionPauses.$inferInsert)[]): Promise<void> {
  await inChunks(rows, (chunk) => tx.insert(collectionPauses).values(chunk));
}
/** A day the importing tenant already ran itself keeps its own claim. */
export async function insertDailyRunRows(tx: Tx, rows: (typeof reminderDailyRuns.$inferInsert)[]): Promise<void> {
  await inChunks(rows, (chunk) => tx.insert(reminderDailyRuns).values(chunk).onConflictDoNothing());
}

/** The invoice whose letter issued this charges invoice; null when it is no charges invoice. */
export async function principalOfChargesInvoice(tx: Tx, tenantId: string, costInvoiceId: string) {
  const [row] = await tx
    .select({ invoiceId: reminders.invoiceId })
    .from(reminders)
    .where(and(eq(reminders.tenantId, tenantId), eq(reminders.costInvoiceId, costInvoiceId)));
  return row?.invoiceId ?? null;
}

/** The invoices of a customer that were sent a final notice (aanmaning). */
export async function finalNoticeInvoiceIds(tx: Tx, tenantId: string, customerId: string): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ invoiceId: reminders.invoiceId })
    .from(reminders)
    .where(
      and(
        eq(reminders.tenantId, tenantId),
        eq(reminders.kind, 'final_notice'),
        eq(reminders.status, 'sent'),
        or(eq(reminders.organizationId, customerId), eq(reminders.personId, customerId)),
      ),
    );
  return rows.flatMap((row) => (row.invoiceId ? [row.invoiceId] : []));
}
