import type { PersonListQuery } from '@clientbox/contracts';
import { and, asc, desc, eq, gte, inArray, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../kernel/db/database.ts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import { personOrganizationLinks, persons } from '../crm.tables.ts';
import { parseSearchQuery } from './domain/search-text.ts';
import { invalidCursor } from './organizations.repository.ts';
import { pageIdsAmongFewMatches } from './few-matches.ts';
import { textMatch } from './search.repository.ts';

export type PersonRow = typeof persons.$inferSelect;
export type NewPersonRow = typeof persons.$inferInsert;
export type PersonChanges = Partial<Omit<PersonRow, 'tenantId' | 'id' | 'version' | 'createdAt'>>;

export async function findPerson(tx: Tx, tenantId: string, id: string): Promise<PersonRow | null> {
  const [row] = await tx
    .select()
    .from(persons)
    .where(and(eq(persons.tenantId, tenantId), eq(persons.id, id)));
  return row ?? null;
}

export async function getPersonRow(tx: Tx, tenantId: string, id: string): Promise<PersonRow> {
  const row = await findPerson(tx, tenantId, id);
  if (!row) throw new AppError('person_not_found');
  return row;
}

export async function insertPerson(tx: Tx, values: NewPersonRow): Promise<PersonRow> {
  const [row] = await tx.insert(persons).values(values).returning();
  return row!;
}

export async function updatePersonRow(
  tx: Tx,
  tenantId: string,
  id: string,
  changes: PersonChanges,
  version: number,
): Promise<PersonRow> {
  const [row] = await tx
    .update(persons)
    .set({ ...changes, version: version + 1, updatedAt: new Date() })
    .where(and(eq(persons.tenantId, tenantId), eq(persons.id, id)))
    .returning();
  return row!;
}

export async function setPersonSearchText(tx: Tx, tenantId: string, id: string, searchText: string) {
  await tx
    .update(persons)
    .set({ searchText })
    .where(and(eq(persons.tenantId, tenantId), eq(persons.id, id)));
}

export async function deletePersonRow(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.delete(persons).where(and(eq(persons.tenantId, tenantId), eq(persons.id, id)));
}

const SORTS = {
  name: [persons.lastName, persons.firstName],
  created_at: [persons.createdAt],
  updated_at: [persons.updatedAt],
} as const;

/** Like the organizations: cursor = id of the last row seen, next page after its sort key. */
export async function listPersonRows(
  tx: Tx,
  tenantId: string,
  query: PersonListQuery,
): Promise<{ rows: PersonRow[]; hasMore: boolean }> {
  const isDescending = query.sort.startsWith('-');
  const sortColumns = [...SORTS[query.sort.replace('-', '') as keyof typeof SORTS], persons.id];
  const conditions: SQL[] = [eq(persons.tenantId, tenantId)];
  if (query.tag) conditions.push(sql`${query.tag} = ANY(${persons.tags})`);
  if (query.owner_user_id) conditions.push(eq(persons.ownerUserId, query.owner_user_id));
  if (query.updated_since) conditions.push(gte(persons.updatedAt, new Date(query.updated_since)));
  if (query.organization_id)
    conditions.push(
      sql`EXISTS (SELECT 1 FROM ${personOrganizationLinks} WHERE ${personOrganizationLinks.tenantId} = ${tenantId} AND ${personOrganizationLinks.personId} = ${persons.id} AND ${personOrganizationLinks.organizationId} = ${query.organization_id})`,
    );
  if (query.q) conditions.push(textMatch('person', parseSearchQuery(query.q), tenantId));
  if (query.starting_after) {
    const cursor = await findPerson(tx, tenantId, query.starting_after);
    if (!cursor) throw invalidCursor();
    const columns = sql.join(sortColumns, sql`, `);
    const cursorSql = sql`(SELECT ${columns} FROM ${persons} WHERE ${persons.tenantId} = ${tenantId} AND ${persons.id} = ${cursor.id})`;
    conditions.push(isDescending ? sql`(${columns}) < ${cursorSql}` : sql`(${columns}) > ${cursorSql}`);
  }
  const orderBy = sortColumns.map((column) => (isDescending ? desc(column) : asc(column)));
  const pageIds = query.q
    ? await pageIdsAmongFewMatches(tx, persons, and(...conditions), orderBy, query.limit + 1)
    : null;
  if (pageIds?.length === 0) return { rows: [], hasMore: false };
  const rows = await tx
    .select()
    .from(persons)
    .where(pageIds ? and(eq(persons.tenantId, tenantId), inArray(persons.id, pageIds)) : and(...conditions))
    .orderBy(...orderBy)
    .limit(query.limit + 1);
  return { rows: rows.slice(0, query.limit), hasMore: rows.length > query.limit };
}

export async function allPersonRows(tx: Tx, tenantId: string): Promise<PersonRow[]> {
  return tx.select().from(persons).where(eq(persons.tenantId, tenantId)).orderBy(asc(persons.id));
}

export async function personRowsByIds(tx: Tx, tenantId: string, ids: string[]): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  return tx
    .select()
    .from(persons)
    .where(and(eq(persons.tenantId, tenantId), inArray(persons.id, ids)))
    .orderBy(asc(persons.lastName), asc(persons.firstName), asc(persons.id));
}
