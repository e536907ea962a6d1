import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../kernel/db/database.ts';
import { bankStatementEntries, bankStatements } from '../bank-statements.tables.ts';

export type BankStatementRow = typeof bankStatements.$inferSelect;
export type NewBankStatementRow = typeof bankStatements.$inferInsert;
export type BankStatementEntryRow = typeof bankStatementEntries.$inferSelect;
export type NewBankStatementEntryRow = typeof bankStatementEntries.$inferInsert;
export type BankStatementEntryChanges = Partial<
  Pick<
    BankStatementEntryRow,
    | 'status'
    | 'matchRule'
    | 'invoiceId'
    | 'paymentId'
    | 'bookedAmount'
    | 'unallocatedAmount'
    | 'suggestedInvoiceIds'
    | 'note'
  >
>;
export type EntryStatusCounts = Map<string, Record<BankStatementEntryRow['status'], number>>;

export async function findBankStatement(tx: Tx, tenantId: string, id: string): Promise<BankStatementRow | null> {
  const [row] = await tx
    .select()
    .from(bankStatements)
    .where(and(eq(bankStatements.tenantId, tenantId), eq(bankStatements.id, id)));
  return row ?? null;
}

/** A statement is named by its account and its id in the file (Stmt/Id, :20:/:28C:). */
export async function findBankStatementByStatementId(
  tx: Tx,
  tenantId: string,
  accountIban: string,
  statementId: string,
): Promise<BankStatementRow | null> {
  const [row] = await tx
    .select()
    .from(bankStatements)
    .where(
      and(
        eq(bankStatements.tenantId, tenantId),
        eq(bankStatements.accountIban, accountIban),
        eq(bankStatements.statementId, statementId),
      ),
    );
  return row ?? null;
}

export async function insertBankStatement(tx: Tx, values: NewBankStatementRow): Promise<BankStatementRow> {
  const [row] = await tx.insert(bankStatements).values(values).returning();
  return row!;
}

/** Newest first, cursor on (created_at, id). */
export async function listBankStatementRows(
  tx: Tx,
  tenantId: string,
  filter: { startingAfter?: BankStatementRow; limit: number },
): Promise<BankStatementRow[]> {
  const after = filter.startingAfter;
  return tx
    .select()
    .from(bankStatements)
    .where(
      and(
        eq(bankStatements.tenantId, tenantId),
        after
          ? sql`(${bankStatements.createdAt}, ${bankStatements.id}) < (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(bankStatements.createdAt), desc(bankStatements.id))
    .limit(filter.limit);
}

/** The dedupe keys of this account that are already imported, among `keys`. */
export async function existingDedupeKeys(
  tx: Tx,
  tenantId: string,
  accountIban: string,
  keys: string[],
): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await tx
    .select({ key: bankStatementEntries.dedupeKey })
    .from(bankStatementEntries)
    .where(
      and(
        eq(bankStatementEntries.tenantId, tenantId),
        eq(bankStatementEntries.accountIban, accountIban),
        inArray(bankStatementEntries.dedupeKey, keys),
      ),
    );
  return new Set(rows.map((row) => row.key));
}

export async function nextEntryPosition(tx: Tx, tenantId: string, statementId: string): Promise<number> {
  const [row] = await tx
    .select({ last: sql<number | null>`max(${bankStatementEntries.position})` })
    .from(bankStatementEntries)
    .where(and(eq(bankStatementEntries.tenantId, tenantId), eq(bankStatementEntries.statementId, statementId)));
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}

export async function insertBankStatementEntry(
  tx: Tx,
  values: NewBankStatementEntryRow,
): Promise<BankStatementEntryRow> {
  const [row] = await tx.insert(bankStatementEntries).values(values).returning();
  return row!;
}

export async function findBankStatementEntry(
  tx: Tx,
  tenantId: string,
  id: string,
  lock = false,
): Promise<BankStatementEntryRow | null> {
  const query = tx
    .select()
    .from(bankStatementEntries)
    .where(and(eq(bankStatementEntries.tenantId, tenantId), eq(bankStatementEntries.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function updateBankStatementEntry(
  tx: Tx,
  tenantId: string,
  id: string,
  changes: BankStatementEntryChanges,
): Promise<BankStatementEntryRow> {
  const [row] = await tx
    .update(bankStatementEntries)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(bankStatementEntries.tenantId, tenantId), eq(bankStatementEntries.id, id)))
    .returning();
  return row!;
}

export async function entriesOfStatement(
  tx: Tx,
  tenantId: string,
  statementId: string,
): Promise<BankStatementEntryRow[]> {
  return tx
    .select()
    .from(bankStatementEntries)
    .where(and(eq(bankStatementEntries.tenantId, tenantId), eq(bankStatementEntries.statementId, statementId)))
    .orderBy(asc(bankStatementEntries.position));
}

/** Per statement: how many of its transactions have each status. */
export async function entryStatusCounts(tx: Tx, tenantId: string, statementIds: string[]): Promise<EntryStatusCounts> {
  const counts: EntryStatusCounts = new Map();
  if (statementIds.length === 0) return counts;
  const rows = await tx
    .select({
      statementId: bankStatementEntries.statementId,
      status: bankStatementEntries.status,
      count: sql<number>`count(*)::int`,
    })
    .from(bankStatementEntries)
    .where(and(eq(bankStatementEntries.tenantId, tenantId), inArray(bankStatementEntries.statementId, statementIds)))
    .groupBy(bankStatementEntries.statementId, bankStatementEntries.status);
  for (const row of rows) {
    const perStatus = counts.get(row.statementId) ?? { booked: 0, suggested: 0, unmatched: 0, returned: 0, ignored: 0 };
    perStatus[row.status] = Number(row.count);
    counts.set(row.statementId, perStatus);
  }
  return counts;
}

/** The statement before one of the same account, by closing date (then opening date, statement id). */
export interface PreviousStatement {
  id: string;
  closingBalance: bigint;
  closingDate: string;
}
export type PreviousStatements = Map<string, PreviousStatement | null>;

/**
 * For every statement of these accounts, the one before it (null for the first): looked up when
 * read, so a statement imported later to fill a gap is taken into account at once.
 */
export async function previousStatements(
  tx: Tx,
  tenantId: string,
  accountIbans: string[],
): Promise<PreviousStatements> {
  const previous: PreviousStatements = new Map();
  if (accountIbans.length === 0) return previous;
  const order = sql`over (partition by ${bankStatements.accountIban} order by ${bankStatements.closingDate}, ${bankStatements.openingDate}, ${bankStatements.statementId})`;
  const rows = await tx
    .select({
      id: bankStatements.id,
      previousId: sql<string | null>`lag(${bankStatements.id}) ${order}`,
      previousClosing: sql<string | null>`(lag(${bankStatements.closingBalance}) ${order})::text`,
      previousClosingDate: sql<string | null>`(lag(${bankStatements.closingDate}) ${order})::text`,
    })
    .from(bankStatements)
    .where(and(eq(bankStatements.tenantId, tenantId), inArray(bankStatements.accountIban, [...new Set(accountIbans)])));
  for (const row of rows)
    previous.set(
      row.id,
      row.previousId
        ? { id: row.previousId, closingBalance: BigInt(row.previousClosing!), closingDate: row.previousClosingDate! }
        : null,
    );
  return previous;
}

/** The export archive: every statement and entry of the tenant, oldest first. */
export async function allBankStatementRows(tx: Tx, tenantId: string): Promise<BankStatementRow[]> {
  return tx
    .select()
    .from(bankStatements)
    .where(eq(bankStatements.tenantId, tenantId))
    .orderBy(bankStatements.createdAt, bankStatements.id);
}

export async function allBankStatementEntryRows(tx: Tx, tenantId: string): Promise<BankStatementEntryRow[]> {
  return tx
    .select()
    .from(bankStatementEntries)
    .where(eq(bankStatementEntries.tenantId, tenantId))
    .orderBy(bankStatementEntries.statementId, bankStatementEntries.position);
}

export async function insertBankStatementRows(tx: Tx, rows: NewBankStatementRow[]): Promise<void> {
  if (rows.length) await tx.insert(bankStatements).values(rows);
}

export async function insertBankStatementEntryRows(tx: Tx, rows: NewBankStatementEntryRow[]): Promise<void> {
  if (rows.length) await tx.insert(bankStatementEntries).values(rows);
}

/** The returned direct debits of one invoice (its collections history). */
export async function returnedEntriesOfInvoice(tx: Tx, tenantId: string, invoiceId: string) {
  return tx
    .select()
    .from(bankStatementEntries)
    .where(
      and(
        eq(bankStatementEntries.tenantId, tenantId),
        eq(bankStatementEntries.invoiceId, invoiceId),
        eq(bankStatementEntries.status, 'returned'),
      ),
    );
}
