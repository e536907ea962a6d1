import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { fromPglite, PgBoss } from 'pg-boss';
import type { Database } from '../db/database.ts';

/**
 * pg-boss keeps its queue tables in its own schema (`pgboss`), which it creates and migrates
 * itself in `start()`. That schema is outside our drizzle journal on purpose: pg-boss versions its
 * own schema, and our migrations never touch it. Tenant roles have no rights on it.
 */
export const PG_BOSS_SCHEMA = 'pgboss';

/** The embedded PGlite instance, when the database is PGlite (`openPglite` exposes it). */
export function pgliteOf(database: Database): PGlite | null {
  return 'pglite' in database ? (database as Database & { pglite: PGlite }).pglite : null;
}

/** The owner pool of a PostgreSQL database (`openPostgres` exposes it). */
export function ownerPoolOf(database: Database): pg.Pool | null {
  return 'ownerPool' in database ? (database as Database & { ownerPool: pg.Pool }).ownerPool : null;
}

/**
 * pg-boss on the owner connection: PGlite through pg-boss's own adapter (same single connection,
 * serialized by PGlite's transaction lock), PostgreSQL through its own small pool on the owner
 * connection string, or, without one, through the owner pool.
 */
export function createPgBoss(database: Database, connectionString: string | undefined): PgBoss {
  const common = { schema: PG_BOSS_SCHEMA, useListenNotify: true } as const;
  if (database.kind === 'pglite') {
    const pglite = pgliteOf(database);
    if (!pglite) throw new Error('the job runner needs the PGlite instance (openPglite returns it as `pglite`)');
    return new PgBoss({ ...common, db: fromPglite(pglite), backend: 'pglite' });
  }
  if (connectionString) {
    return new PgBoss({ ...common, connectionString, max: 4, application_name: 'clientbox-jobs' });
  }
  const ownerPool = ownerPoolOf(database);
  if (!ownerPool) throw new Error('the job runner needs the owner connection string or pool on PostgreSQL');
  // Without a pool of its own pg-boss cannot LISTEN: its workers then find jobs by polling (every 2 s).
  return new PgBoss({
    ...common,
    useListenNotify: false,
    db: { executeSql: async (text, values) => (await ownerPool.query(text, values)) as unknown as { rows: unknown[] } },
  });
}
