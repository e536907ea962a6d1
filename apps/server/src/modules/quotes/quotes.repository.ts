import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { QuoteStatus } from '@clientbox/contracts';
import type { Tx } from '../../kernel/db/database.ts';
import { quoteFiles, quoteLines, quotes } from './quotes.tables.ts';

export type QuoteRow = typeof quotes.$inferSelect;
export type NewQuoteRow = typeof quotes.$inferInsert;
export type QuoteLineRow = typeof quoteLines.$inferSelect;
export type NewQuoteLine = Omit<typeof quoteLines.$inferInsert, 'tenantId' | 'quoteId' | 'position'>;
export type QuoteChanges = Partial<Omit<QuoteRow, 'tenantId' | 'id' | 'createdAt' | 'version'>>;

const byId = (tenantId: string, id: string) => and(eq(quotes.tenantId, tenantId), eq(quotes.id, id));

export async function findQuote(tx: Tx, tenantId: string, id: string, lock = false): Promise<QuoteRow | null> {
  const query = tx.select().from(quotes).where(byId(tenantId, id));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/** By the customer's link; the caller runs in the tenant the token belongs to. */
export async function findQuoteByToken(tx: Tx, tenantId: string, token: string, lock = false) {
  const query = tx
    .select()
    .from(quotes)
    .where(and(eq(quotes.tenantId, tenantId), eq(quotes.publicToken, token)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/**
 * Which tenant sent the quote with this token (null: none, or still a draft). Runs outside any
 * tenant: the SECURITY DEFINER function of migration 0015 answers with the tenant id only.
 */
export async function tenantOfPublicToken(tx: Tx, token: string): Promise<string | null> {
  const result = await tx.execute(sql`SELECT quote_tenant_by_public_token(${token}) AS tenant_id`);
  // Both drivers (pg and PGlite) answer with `{ rows }`.
  return (result as unknown as { rows: { tenant_id: string | null }[] }).rows[0]?.tenant_id ?? null;
}

export async function insertQuote(tx: Tx, values: NewQuoteRow): Promise<QuoteRow> {
  const [row] = await tx.insert(quotes).values(values).returning();
  return row!;
}

/** Updates and bumps the version; null when `expectedVersion` is given and no longer current. */
export async function updateQuoteRow(
  tx: Tx,
  tenantId: string,
  id: string,
  changes: QuoteChanges,
  expectedVersion?: number,
): Promise<QuoteRow | null> {
  const conditions = [byId(tenantId, id)];
  if (expectedVersion !== undefined) conditions.push(eq(quotes.version, expectedVersion));
  const [row] = await tx
    .update(quotes)
    .set({ ...changes, version: sql`${quotes.version} + 1`, updatedAt: new Date() })
    .where(and(...conditions))
    .returning();
  return row ?? null;
}

export async function deleteQuoteRow(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.delete(quotes).where(byId(tenantId, id));
}

export async function loadQuoteLines(tx: Tx, tenantId: string, quoteId: string): Promise<QuoteLineRow[]> {
  return tx
    .select()
    .from(quoteLines)
    .where(and(eq(quoteLines.tenantId, tenantId), eq(quoteLines.quoteId, quoteId)))
    .orderBy(asc(quoteLines.position));
}

/** The lines of several quotes at once (a list page), by quote id. */
export async function loadLinesOf(tx: Tx, tenantId: string, quoteIds: string[]): Promise<Map<string, QuoteLineRow[]>> {
  const byQuote = new Map<string, QuoteLineRow[]>(quoteIds.map((id) => [id, []]));
  if (quoteIds.length === 0) return byQuote;
  const rows = await tx
    .select()
    .from(quoteLines)
    .where(and(eq(quoteLines.tenantId, tenantId), inArray(quoteLines.quoteId, quoteIds)))
    .orderBy(asc(quoteLines.quoteId), asc(quoteLines.position));
  for (const row of rows) byQuote.get(row.quoteId)?.push(row);
  return byQuote;
}

export async function replaceQuoteLines(tx: Tx, tenantId: string, quoteId: string, lines: NewQuoteLine[]) {
  await tx.delete(quoteLines).where(and(eq(quoteLines.tenantId, tenantId), eq(quoteLines.quoteId, quoteId)));
  if (lines.length)
    await tx.insert(quoteLines).values(lines.map((line, position) => ({ ...line, tenantId, quoteId, position })));
}

/** Every version of a quote (same first version), oldest first. */
export async function listRevisions(tx: Tx, tenantId: string, quote: QuoteRow): Promise<QuoteRow[]> {
  if (!quote.number) return [quote];
  return tx
    .select()
    .from(quotes)
    .where(and(eq(quotes.tenantId, tenantId), eq(quotes.number, quote.number)))
    .orderBy(asc(quotes.revision));
}

/** The version made from this one, if any. */
export async function findNextRevision(tx: Tx, tenantId: string, id: string): Promise<QuoteRow | null> {
  const [row] = await tx
    .select()
    .from(quotes)
    .where(and(eq(quotes.tenantId, tenantId), eq(quotes.previousRevisionId, id)));
  return row ?? null;
}

export async function insertQuotePdf(tx: Tx, values: typeof quoteFiles.$inferInsert): Promise<void> {
  await tx.insert(quoteFiles).values(values);
}

export async function findQuotePdf(tx: Tx, tenantId: string, quoteId: string) {
  const [row] = await tx
    .select()
    .from(quoteFiles)
    .where(and(eq(quoteFiles.tenantId, tenantId), eq(quoteFiles.quoteId, quoteId), eq(quoteFiles.kind, 'pdf')));
  return row ?? null;
}

export interface QuoteListFilter {
  status?: QuoteStatus;
  customerId?: string;
  today: string;
  startingAfter?: QuoteRow;
  limit: number;
}

/** The computed statuses as conditions, so a status filter pages in the database. */
function statusCondition(status: QuoteStatus, today: string): SQL | undefined {
  const open = and(isNull(quotes.supersededAt), inArray(quotes.status, ['sent', 'viewed']));
  switch (status) {
    case 'superseded':
      return isNotNull(quotes.supersededAt);
    case 'expired':
      return and(open, lt(quotes.validUntil, today));
    case 'sent':
    case 'viewed':
      return and(isNull(quotes.supersededAt), eq(quotes.status, status), gte(quotes.validUntil, today));
    case 'draft':
    case 'accepted':
    case 'declined':
      return and(isNull(quotes.supersededAt), eq(quotes.status, status));
  }
}

/** Newest first by creation; without a status filter the superseded versions are left out. */
export async function listQuoteRows(tx: Tx, tenantId: string, filter: QuoteListFilter): Promise<QuoteRow[]> {
  const conditions: (SQL | undefined)[] = [eq(quotes.tenantId, tenantId)];
  conditions.push(filter.status ? statusCondition(filter.status, filter.today) : isNull(quotes.supersededAt));
  if (filter.customerId)
    conditions.push(or(eq(quotes.organizationId, filter.customerId), eq(quotes.personId, filter.customerId)));
  if (filter.startingAfter) {
    const after = filter.startingAfter;
    conditions.push(
      sql`(${quotes.createdAt}, ${quotes.id}) < (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)`,
    );
  }
  return tx
    .select()
    .from(quotes)
    .where(and(...conditions))
    .orderBy(desc(quotes.createdAt), desc(quotes.id))
    .limit(filter.limit);
}
