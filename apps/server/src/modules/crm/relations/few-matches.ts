import { getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../../../kernel/db/database.ts';

/**
 * Up to this many rows matching a text filter are sorted in memory; beyond it, walking the
 * sorted name index until a page is full is the faster way.
 */
const SORTABLE_MATCHES = 20_000;

/**
 * The ids of one page of a text-filtered list, or null when the filter matches so many rows that
 * the ordinary ordered query is faster.
 *
 * Why: with a sort and a LIMIT, PostgreSQL walks the name index and tests every row, assuming
 * the matches are spread evenly over the alphabet. They rarely are ("install" only matches the
 * names under I), so it may test 40,000 rows for a page of 25. Fetching the matches through the
 * trigram index and sorting them is then several times faster. The LIMIT in the subquery keeps
 * the planner from merging the two steps back into the index walk, and bounds the work when a
 * word is in nearly every row.
 */
export async function pageIdsAmongFewMatches(
  tx: Tx,
  table: PgTable,
  where: SQL | undefined,
  orderBy: SQL[],
  limit: number,
): Promise<string[] | null> {
  const alias = sql.identifier(getTableName(table));
  const result = await tx.execute(sql`
    SELECT ${alias}.id, count(*) OVER () AS matches
    FROM (SELECT * FROM ${table} WHERE ${where ?? sql`true`} LIMIT ${SORTABLE_MATCHES + 1}) AS ${alias}
    ORDER BY ${sql.join(orderBy, sql`, `)}
    LIMIT ${limit}`);
  const rows = (result as unknown as { rows: { id: string; matches: string | number }[] }).rows;
  if (rows.length > 0 && Number(rows[0]!.matches) > SORTABLE_MATCHES) return null;
  return rows.map((row) => row.id);
}
