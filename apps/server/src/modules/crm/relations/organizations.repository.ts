import type { OrganizationListQuery } from '@clientbox/contracts';
import { and, asc, desc, eq, gte, inArray, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../kernel/db/database.ts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import { deals, organizations, relationNumberSeries, timelineItems } from '../crm.tables.ts';
import { parseSearchQuery } from './domain/search-text.ts';
import { pageIdsAmongFewMatches } from './few-matches.ts';
import { textMatch } from './search.repository.ts';

export type OrganizationRow = typeof organizations.$inferSelect;
export type NewOrganizationRow = typeof organizations.$inferInsert;
export type OrganizationChanges = Partial<Omit<OrganizationRow, 'tenantId' | 'id' | 'version' | 'createdAt'>>;

export async function findOrganization(tx: Tx, tenantId: string, id: string): Promise<OrganizationRow | null> {
  const [row] = await tx
    .select()
    .from(organizations)
    .where(and(eq(organizations.tenantId, tenantId), eq(organizations.id, id)));
  return row ?? null;
}

/** Another tenant's id is simply not there: 404, never 403. */
export async function getOrganizationRow(tx: Tx, tenantId: string, id: string): Promise<OrganizationRow> {
  const row = await findOrganization(tx, tenantId, id);
  if (!row) throw new AppError('organization_not_found');
  return row;
}

export async function insertOrganization(tx: Tx, values: NewOrganizationRow): Promise<OrganizationRow> {
  const [row] = await tx.insert(organizations).values(values).returning();
  return row!;
}

export async function updateOrganizationRow(
  tx: Tx,
  tenantId: string,
  id: string,
  changes: OrganizationChanges,
  version: number,
): Promise<OrganizationRow> {
  const [row] = await tx
    .update(organizations)
    .set({ ...changes, version: version + 1, updatedAt: new Date() })
    .where(and(eq(organizations.tenantId, tenantId), eq(organizations.id, id)))
    .returning();
  return row!;
}

export async function setOrganizationSearchText(tx: Tx, tenantId: string, id: string, searchText: string) {
  await tx
    .update(organizations)
    .set({ searchText })
    .where(and(eq(organizations.tenantId, tenantId), eq(organizations.id, id)));
}

export async function deleteOrganizationRow(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.delete(organizations).where(and(eq(organizations.tenantId, tenantId), eq(organizations.id, id)));
}

/** Deals outlive the relation they were made with (their foreign key has no cascade). */
export async function detachDeals(tx: Tx, tenantId: string, owner: { organizationId: string } | { personId: string }) {
  if ('organizationId' in owner)
    await tx
      .update(deals)
      .set({ organizationId: null })
      .where(and(eq(deals.tenantId, tenantId), eq(deals.organizationId, owner.organizationId)));
  else
    await tx
      .update(deals)
      .set({ personId: null })
      .where(and(eq(deals.tenantId, tenantId), eq(deals.personId, owner.personId)));
}

/**
 * The next number of a tenant's debtor or creditor series, e.g. `D00001`. The counter row is
 * updated in place (row lock): concurrent requests wait for each other and never get the same
 * number; a number is never handed out twice, also not after its organization was deleted.
 */
export async function nextRelationNumber(tx: Tx, tenantId: string, series: 'debtor' | 'creditor'): Promise<string> {
  const [row] = await tx
    .insert(relationNumberSeries)
    .values({ tenantId, series, next: 2 })
    .onConflictDoUpdate({
      target: [relationNumberSeries.tenantId, relationNumberSeries.series],
      set: { next: sql`${relationNumberSeries.next} + 1` },
    })
    .returning({ next: relationNumberSeries.next });
  return formatRelationNumber(series, row!.next - 1);
}

/** `count` numbers of a series at once (an import): one counter update, consecutive numbers. */
export async function reserveRelationNumbers(
  tx: Tx,
  tenantId: string,
  series: 'debtor' | 'creditor',
  count: number,
): Promise<string[]> {
  if (count === 0) return [];
  const [row] = await tx
    .insert(relationNumberSeries)
    .values({ tenantId, series, next: count + 1 })
    .onConflictDoUpdate({
      target: [relationNumberSeries.tenantId, relationNumberSeries.series],
      set: { next: sql`${relationNumberSeries.next} + ${count}` },
    })
    .returning({ next: relationNumberSeries.next });
  const first = row!.next - count;
  return Array.from({ length: count }, (_, offset) => formatRelationNumber(series, first + offset));
}

/** Many new organizations in one statement (the caller chunks). */
export async function insertOrganizations(tx: Tx, values: NewOrganizationRow[]): Promise<void> {
  if (values.length > 0) await tx.insert(organizations).values(values);
}

export function formatRelationNumber(series: 'debtor' | 'creditor', sequence: number): string {
  return `${series === 'debtor' ? 'D' : 'C'}${String(sequence).padStart(5, '0')}`;
}

/** History a person reads on the relation's timeline: "lead became customer", with what changed. */
export async function insertStatusChange(
  tx: Tx,
  values: {
    tenantId: string;
    organizationId: string;
    authorUserId: string | null;
    authorName: string | null;
    details: Record<string, unknown>;
  },
): Promise<void> {
  await tx.insert(timelineItems).values({ ...values, kind: 'status_changed', body: '' });
}

const SORTS = {
  name: [organizations.name],
  created_at: [organizations.createdAt],
  updated_at: [organizations.updatedAt],
} as const;

/**
 * One page in the asked order; the cursor is the id of the last row seen, and the next page
 * starts after that row's sort key (so rows added or removed meanwhile cause no gaps or repeats).
 */
export async function listOrganizationRows(
  tx: Tx,
  tenantId: string,
  query: OrganizationListQuery,
): Promise<{ rows: OrganizationRow[]; hasMore: boolean }> {
  const isDescending = query.sort.startsWith('-');
  const sortColumns = [...SORTS[query.sort.replace('-', '') as keyof typeof SORTS], organizations.id];
  const conditions: SQL[] = [eq(organizations.tenantId, tenantId)];
  if (query.is_customer !== undefined) conditions.push(eq(organizations.isCustomer, query.is_customer));
  if (query.is_supplier !== undefined) conditions.push(eq(organizations.isSupplier, query.is_supplier));
  if (query.is_lead !== undefined) conditions.push(eq(organizations.isLead, query.is_lead));
  if (query.tag) conditions.push(sql`${query.tag} = ANY(${organizations.tags})`);
  if (query.owner_user_id) conditions.push(eq(organizations.ownerUserId, query.owner_user_id));
  if (query.updated_since) conditions.push(gte(organizations.updatedAt, new Date(query.updated_since)));
  if (query.q) conditions.push(textMatch('organization', parseSearchQuery(query.q), tenantId));
  if (query.starting_after) {
    const cursor = await findOrganization(tx, tenantId, query.starting_after);
    if (!cursor) throw invalidCursor();
    const columns = sql.join(sortColumns, sql`, `);
    const cursorSql = sql`(SELECT ${columns} FROM ${organizations} WHERE ${organizations.tenantId} = ${tenantId} AND ${organizations.id} = ${cursor.id})`;
    conditions.push(isDescending ? sql`(${columns}) < ${cursorSql}` : sql`(${columns}) > ${cursorSql}`);
  }
  const orderBy = sortColumns.map((column) => (isDescending ? desc(column) : asc(column)));
  const pageIds = query.q
    ? await pageIdsAmongFewMatches(tx, organizations, and(...conditions), orderBy, query.limit + 1)
    : null;
  if (pageIds?.length === 0) return { rows: [], hasMore: false };
  const rows = await tx
    .select()
    .from(organizations)
    .where(pageIds ? and(eq(organizations.tenantId, tenantId), inArray(organizations.id, pageIds)) : and(...conditions))
    .orderBy(...orderBy)
    .limit(query.limit + 1);
  return { rows: rows.slice(0, query.limit), hasMore: rows.length > query.limit };
}

export function invalidCursor(): AppError {
  return new AppError('validation_failed', {
    fields: [{ field: 'starting_after', code: 'invalid_cursor', message: 'not an id of this list' }],
  });
}

export async function allOrganizationRows(tx: Tx, tenantId: string): Promise<OrganizationRow[]> {
  return tx.select().from(organizations).where(eq(organizations.tenantId, tenantId)).orderBy(asc(organizations.id));
}

export async function organizationRowsByIds(tx: Tx, tenantId: string, ids: string[]): Promise<OrganizationRow[]> {
  if (ids.length === 0) return [];
  return tx
    .select()
    .from(organizations)
    .where(and(eq(organizations.tenantId, tenantId), inArray(organizations.id, ids)))
    .orderBy(asc(organizations.name), asc(organizations.id));
}

/** Organizations whose IBAN is this account, compared without spaces and case (stored as typed). */
export async function findOrganizationIdsByIban(tx: Tx, tenantId: string, compactIban: string): Promise<string[]> {
  const rows = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(
      and(
        eq(organizations.tenantId, tenantId),
        sql`upper(regexp_replace(${organizations.iban}, '\s', '', 'g')) = ${compactIban}`,
      ),
    );
  return rows.map((row) => row.id);
}
