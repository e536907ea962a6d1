import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { assertUuid, type Database, type Db, type Tx } from './database.ts';
import { MIGRATIONS_FOLDER } from './migrations-folder.ts';

/** Extensions the migrations create (typo-tolerant search); PGlite must load them at open. */
export const PGLITE_EXTENSIONS = { pg_trgm, btree_gin };

/**
 * Embedded PostgreSQL in the process. One connection: every transaction goes through
 * `db.transaction()`, whose lock serializes them (a raw BEGIN would let concurrent requests run
 * inside it and see its tenant). Its user is a superuser, hence SET LOCAL ROLE app_user.
 */
export async function openPglite(
  dataDir: string | undefined,
  existing?: PGlite,
): Promise<Database & { pglite: PGlite }> {
  if (dataDir) fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const pglite = existing ?? (await PGlite.create({ ...(dataDir ? { dataDir } : {}), extensions: PGLITE_EXTENSIONS }));
  const owner = drizzle(pglite) as unknown as Db;
  await migrate(drizzle(pglite), { migrationsFolder: MIGRATIONS_FOLDER });

  return {
    kind: 'pglite',
    owner,
    pglite,
    withTenant: (tenantId, work) =>
      owner.transaction(async (tx) => {
        // In-process: round trips are cheap, so the preamble goes as two plain statements.
        await tx.execute(sql.raw('SET LOCAL ROLE app_user'));
        await tx.execute(sql`SELECT set_config('app.tenant_id', ${assertUuid(tenantId)}, true)`);
        return work(tx as unknown as Tx);
      }),
    withoutTenant: (work) =>
      owner.transaction(async (tx) => {
        await tx.execute(sql.raw('SET LOCAL ROLE app_user'));
        return work(tx as unknown as Tx);
      }),
    query: async <Row>(text: string, params: unknown[] = []) => (await pglite.query<Row>(text, params)).rows,
    close: () => pglite.close(),
  };
}
