import type { ProductSort } from '@clientbox/contracts';
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../kernel/db/database.ts';
import { normalizeSearchText, productSearchText } from './domain/search-text.ts';
import { products } from './products.tables.ts';

export type ProductRow = typeof products.$inferSelect;
/** What a use case sets; the repository keeps `search_text`, the version and the timestamps. */
export type ProductValues = Omit<
  typeof products.$inferInsert,
  'tenantId' | 'searchText' | 'version' | 'createdAt' | 'updatedAt'
> & { createdAt?: Date; updatedAt?: Date };
export type ProductChanges = Partial<Omit<ProductValues, 'id'>>;

export interface ProductFilters {
  q?: string | undefined;
  active?: boolean | undefined;
  category?: string | undefined;
  recurring?: boolean | undefined;
}

/** Word similarity (pg_trgm) from which a search term counts as a match despite a typo. */
const TYPO_SIMILARITY = 0.45;

/** A unique violation, as PGlite and node-postgres report it (drizzle wraps it in `cause`). */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let current = error as { code?: string; constraint?: string; cause?: unknown } | undefined; current;) {
    if (current.code === '23505') return !current.constraint || current.constraint === constraint;
    current = current.cause as typeof current;
  }
  return false;
}

/** Inserts one product; null when the code is taken (no error, so the transaction goes on). */
export async function insertProduct(tx: Tx, tenantId: string, values: ProductValues): Promise<ProductRow | null> {
  const [row] = await insertProducts(tx, tenantId, [values]);
  return row ?? null;
}

/** Inserts many; rows whose code is taken are left out of the answer. */
export function insertProducts(tx: Tx, tenantId: string, rows: ProductValues[]): Promise<ProductRow[]> {
  if (rows.length === 0) return Promise.resolve([]);
  return tx
    .insert(products)
    .values(rows.map((values) => ({ ...values, tenantId, searchText: productSearchText(values) })))
    .onConflictDoNothing({ target: [products.tenantId, products.code] })
    .returning();
}

export async function findProduct(tx: Tx, tenantId: string, id: string): Promise<ProductRow | null> {
  const [row] = await tx
    .select()
    .from(products)
    .where(and(eq(products.tenantId, tenantId), eq(products.id, id)));
  return row ?? null;
}

export async function findProductsByCodes(tx: Tx, tenantId: string, codes: string[]): Promise<ProductRow[]> {
  if (codes.length === 0) return [];
  const found: ProductRow[] = [];
  // Bounded IN lists: a spreadsheet can have thousands of rows.
  for (let start = 0; start < codes.length; start += 1000) {
    const chunk = codes.slice(start, start + 1000);
    found.push(
      ...(await tx
        .select()
        .from(products)
        .where(and(eq(products.tenantId, tenantId), inArray(products.code, chunk)))),
    );
  }
  return found;
}

/**
 * Writes the changes when the row is still at `version` (optimistic concurrency in the
 * statement itself); null when another request changed it first.
 */
export async function updateProductRow(
  tx: Tx,
  current: ProductRow,
  changes: ProductChanges,
): Promise<ProductRow | null> {
  const next = { code: changes.code ?? current.code, name: changes.name ?? current.name };
  const [row] = await tx
    .update(products)
    .set({ ...changes, searchText: productSearchText(next), version: current.version + 1, updatedAt: new Date() })
    .where(
      and(eq(products.tenantId, current.tenantId), eq(products.id, current.id), eq(products.version, current.version)),
    )
    .returning();
  return row ?? null;
}

export async function deleteProductRow(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.delete(products).where(and(eq(products.tenantId, tenantId), eq(products.id, id)));
}

export async function hasProducts(tx: Tx, tenantId: string): Promise<boolean> {
  const [row] = await tx.select({ id: products.id }).from(products).where(eq(products.tenantId, tenantId)).limit(1);
  return row !== undefined;
}

const SORT_COLUMNS = {
  name: products.name,
  code: products.code,
  unit_price: products.unitPrice,
  updated_at: products.updatedAt,
} as const;

function filterConditions(tenantId: string, filters: ProductFilters): { conditions: SQL[]; score: SQL | null } {
  const conditions: SQL[] = [eq(products.tenantId, tenantId)];
  if (filters.active === true) conditions.push(isNull(products.archivedAt));
  if (filters.active === false) conditions.push(isNotNull(products.archivedAt));
  if (filters.recurring === true) conditions.push(isNotNull(products.recurringPeriod));
  if (filters.recurring === false) conditions.push(isNull(products.recurringPeriod));
  if (filters.category) conditions.push(sql`lower(${products.category}) = lower(${filters.category})`);
  const term = filters.q ? normalizeSearchText(filters.q) : '';
  if (!term) return { conditions, score: null };
  const pattern = `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  const isContained = sql`${products.searchText} LIKE ${pattern}`;
  // Trigram word similarity finds "konsultancy" for "Consultancy"; with fewer than 3 letters it means nothing.
  const similarity = sql`word_similarity(${term}, ${products.searchText})`;
  conditions.push(term.length >= 3 ? sql`(${isContained} OR ${similarity} >= ${TYPO_SIMILARITY})` : isContained);
  return { conditions, score: sql`(${similarity} + CASE WHEN ${isContained} THEN 1 ELSE 0 END)` };
}

/**
 * One page, cursor-paged on (sort key, id): the cursor row's own key is read in a subquery, so
 * paging stays stable while rows are added. A search without `sort` orders by relevance: a
 * literal match first, then by trigram similarity.
 */
export async function listProductRows(
  tx: Tx,
  tenantId: string,
  options: ProductFilters & { sort?: ProductSort | undefined; limit: number; startingAfter?: string | undefined },
): Promise<{ rows: ProductRow[]; hasMore: boolean }> {
  const { conditions, score } = filterConditions(tenantId, options);
  const sort = options.sort ?? (score ? null : 'name');
  const isDescending = sort === null || sort.startsWith('-');
  const key: SQL = sort === null ? score! : sql`${SORT_COLUMNS[sort.replace('-', '') as keyof typeof SORT_COLUMNS]}`;
  if (options.startingAfter) {
    const cursor = sql`(SELECT ${key}, ${products.id} FROM ${products} WHERE ${products.tenantId} = ${tenantId} AND ${products.id} = ${options.startingAfter})`;
    conditions.push(
      isDescending ? sql`(${key}, ${products.id}) < ${cursor}` : sql`(${key}, ${products.id}) > ${cursor}`,
    );
  }
  const rows = await tx
    .select()
    .from(products)
    .where(and(...conditions))
    .orderBy(...(isDescending ? [desc(key), desc(products.id)] : [asc(key), asc(products.id)]))
    .limit(options.limit + 1);
  return { rows: rows.slice(0, options.limit), hasMore: rows.length > options.limit };
}

/** Every product that matches, for an export; in the list's order. */
export async function listAllProductRows(
  tx: Tx,
  tenantId: string,
  options: ProductFilters & { sort?: ProductSort | undefined; max: number },
): Promise<ProductRow[]> {
  return (await listProductRows(tx, tenantId, { ...options, limit: options.max })).rows;
}

export async function listCategories(tx: Tx, tenantId: string): Promise<{ name: string; count: number }[]> {
  return tx
    .select({ name: sql<string>`${products.category}`, count: count() })
    .from(products)
    .where(and(eq(products.tenantId, tenantId), isNotNull(products.category)))
    .groupBy(products.category)
    .orderBy(asc(products.category));
}

/** Every product of the tenant, oldest first (the export archive). */
export function listProductsForArchive(tx: Tx, tenantId: string): Promise<ProductRow[]> {
  return tx
    .select()
    .from(products)
    .where(eq(products.tenantId, tenantId))
    .orderBy(asc(products.createdAt), asc(products.id));
}
