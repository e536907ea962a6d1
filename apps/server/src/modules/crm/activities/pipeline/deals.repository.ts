import { and, asc, eq, gte, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../../kernel/db/database.ts';
import { users } from '../../../../kernel/db/schema.ts';
import { dealStages, deals, organizations, persons } from '../../crm.tables.ts';
import { OFFICE_TIME_ZONE } from '../shared/amsterdam-time.ts';

export type DealRow = typeof deals.$inferSelect;
export type NewDealRow = typeof deals.$inferInsert;
export type DealChanges = Partial<Omit<DealRow, 'tenantId' | 'id' | 'createdAt' | 'version' | 'updatedAt'>>;

/** A deal with its stage and the names a board card shows. */
export interface DealView {
  deal: DealRow;
  stage: typeof dealStages.$inferSelect;
  ownerName: string | null;
  organizationName: string | null;
  personFirstName: string | null;
  personLastName: string | null;
}

export interface DealFilter {
  stageId?: string | undefined;
  organizationId?: string | undefined;
  personId?: string | undefined;
  outcome?: 'open' | 'won' | 'lost' | undefined;
  closedSince?: string | undefined;
}

function selectDealViews(tx: Tx) {
  return tx
    .select({
      deal: deals,
      stage: dealStages,
      ownerName: users.name,
      organizationName: organizations.name,
      personFirstName: persons.firstName,
      personLastName: persons.lastName,
    })
    .from(deals)
    .innerJoin(dealStages, and(eq(dealStages.tenantId, deals.tenantId), eq(dealStages.id, deals.stageId)))
    .leftJoin(users, eq(users.id, deals.ownerUserId))
    .leftJoin(
      organizations,
      and(eq(organizations.tenantId, deals.tenantId), eq(organizations.id, deals.organizationId)),
    )
    .leftJoin(persons, and(eq(persons.tenantId, deals.tenantId), eq(persons.id, deals.personId)));
}

export async function findDealView(tx: Tx, tenantId: string, id: string): Promise<DealView | null> {
  const [row] = await selectDealViews(tx).where(and(eq(deals.tenantId, tenantId), eq(deals.id, id)));
  return row ?? null;
}

/** In board order: stage by stage, top to bottom; cursor paging on the same keys. */
export async function listDealViews(
  tx: Tx,
  tenantId: string,
  filter: DealFilter,
  page: { limit: number; startingAfter?: string | undefined },
): Promise<{ rows: DealView[]; hasMore: boolean }> {
  const conditions: (SQL | undefined)[] = [eq(deals.tenantId, tenantId)];
  if (filter.stageId) conditions.push(eq(deals.stageId, filter.stageId));
  if (filter.organizationId) conditions.push(eq(deals.organizationId, filter.organizationId));
  if (filter.personId) conditions.push(eq(deals.personId, filter.personId));
  if (filter.outcome) conditions.push(eq(dealStages.outcome, filter.outcome));
  if (filter.closedSince)
    conditions.push(
      or(
        isNull(deals.closedAt),
        gte(deals.closedAt, sql`(${filter.closedSince}::date::timestamp AT TIME ZONE ${OFFICE_TIME_ZONE})`),
      ),
    );
  if (page.startingAfter)
    conditions.push(
      sql`(${dealStages.position}, ${deals.position}, ${deals.createdAt}, ${deals.id}) > (SELECT s.position, d.position, d.created_at, d.id FROM crm_deals d JOIN crm_deal_stages s ON s.tenant_id = d.tenant_id AND s.id = d.stage_id WHERE d.tenant_id = ${tenantId} AND d.id = ${page.startingAfter})`,
    );
  const rows = await selectDealViews(tx)
    .where(and(...conditions))
    .orderBy(asc(dealStages.position), asc(deals.position), asc(deals.createdAt), asc(deals.id))
    .limit(page.limit + 1);
  return { rows: rows.slice(0, page.limit), hasMore: rows.length > page.limit };
}

/** The ids of one board column, top to bottom. */
export async function columnDealIds(
  tx: Tx,
  tenantId: string,
  stageId: string,
): Promise<{ id: string; position: number }[]> {
  return tx
    .select({ id: deals.id, position: deals.position })
    .from(deals)
    .where(and(eq(deals.tenantId, tenantId), eq(deals.stageId, stageId)))
    .orderBy(asc(deals.position), asc(deals.createdAt), asc(deals.id));
}

/**
 * Numbers a column 0, 1, 2 … in the given order, writing only the cards of `current` that moved
 * (a card coming in from another column gets its place with its own update).
 */
export async function renumberColumn(
  tx: Tx,
  tenantId: string,
  current: { id: string; position: number }[],
  orderedIds: string[],
): Promise<void> {
  const positionOf = new Map(current.map((card) => [card.id, card.position]));
  for (const [position, id] of orderedIds.entries())
    if (positionOf.has(id) && positionOf.get(id) !== position)
      await tx
        .update(deals)
        .set({ position })
        .where(and(eq(deals.tenantId, tenantId), eq(deals.id, id)));
}

export async function insertDealRow(tx: Tx, values: NewDealRow): Promise<DealRow> {
  const [row] = await tx.insert(deals).values(values).returning();
  return row!;
}

export async function updateDealRow(
  tx: Tx,
  tenantId: string,
  id: string,
  changes: DealChanges,
  version: number,
): Promise<void> {
  await tx
    .update(deals)
    .set({ ...changes, version: version + 1, updatedAt: new Date() })
    .where(and(eq(deals.tenantId, tenantId), eq(deals.id, id)));
}

export async function deleteDealRow(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.delete(deals).where(and(eq(deals.tenantId, tenantId), eq(deals.id, id)));
}

/**
 * Won and lost per calendar month in Amsterdam, from `firstMonth` (`YYYY-MM`) on. A deal counts in
 * the month it was closed, with the outcome of the stage it is in now.
 */
export async function monthlyClosedTotals(
  tx: Tx,
  tenantId: string,
  firstMonth: string,
): Promise<{ month: string; outcome: 'won' | 'lost'; count: number; cents: bigint }[]> {
  const month = sql<string>`to_char(${deals.closedAt} AT TIME ZONE ${OFFICE_TIME_ZONE}, 'YYYY-MM')`;
  const rows = await tx
    .select({
      month,
      outcome: dealStages.outcome,
      count: sql<number>`count(*)`.mapWith(Number),
      cents: sql<string>`sum(${deals.valueCents})::text`,
    })
    .from(deals)
    .innerJoin(dealStages, and(eq(dealStages.tenantId, deals.tenantId), eq(dealStages.id, deals.stageId)))
    .where(
      and(
        eq(deals.tenantId, tenantId),
        inArray(dealStages.outcome, ['won', 'lost']),
        gte(deals.closedAt, sql`(${`${firstMonth}-01`}::date::timestamp AT TIME ZONE ${OFFICE_TIME_ZONE})`),
      ),
    )
    // By position: the month expression carries a parameter, and a repeated one would not match it.
    .groupBy(sql`1`, sql`2`);
  return rows.map((row) => ({
    month: row.month,
    outcome: row.outcome as 'won' | 'lost',
    count: row.count,
    cents: BigInt(row.cents),
  }));
}

export async function listAllDealRows(tx: Tx, tenantId: string): Promise<DealRow[]> {
  return tx
    .select()
    .from(deals)
    .where(eq(deals.tenantId, tenantId))
    .orderBy(asc(deals.stageId), asc(deals.position), asc(deals.id));
}

export async function hasAnyDeal(tx: Tx, tenantId: string): Promise<boolean> {
  const [row] = await tx.select({ id: deals.id }).from(deals).where(eq(deals.tenantId, tenantId)).limit(1);
  return row !== undefined;
}
