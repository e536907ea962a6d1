import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../../db/database.ts';
import { openPglite } from '../../db/open-pglite.ts';
import { openPostgres } from '../../db/open-postgres.ts';

export interface JobsTestDatabase {
  database: Database;
  /** The owner connection string on PostgreSQL, as the server passes config.databaseUrl. */
  connectionString: string | undefined;
  /** True when the owner is a plain role, so FORCE ROW LEVEL SECURITY binds it (as in production). */
  isOwnerRestricted: boolean;
  drop(): Promise<void>;
}

/**
 * In-memory PGlite, or with DATABASE_URL a fresh database on that server, owned (when the URL's
 * role may create roles) by a new role that is not a superuser: the dispatcher must then find
 * every tenant's events through the outbox_dispatcher policy, not by bypassing row-level security.
 */
export async function openJobsTestDatabase(): Promise<JobsTestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const database = await openPglite(undefined);
    return { database, connectionString: undefined, isOwnerRestricted: false, drop: () => database.close() };
  }
  const name = `clientbox_jobs_${randomBytes(6).toString('hex')}`;
  const owner = `${name}_owner`;
  const password = randomBytes(12).toString('hex');
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  let isOwnerRestricted = true;
  try {
    await admin.query(`CREATE ROLE ${owner} LOGIN CREATEROLE PASSWORD '${password}'`);
    // The first migration makes app_user and grants it to its runner; a plain role needs admin rights on it for that.
    await admin.query(
      `DO $$ BEGIN CREATE ROLE app_user NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`,
    );
    await admin.query(`GRANT app_user TO ${owner} WITH ADMIN OPTION`);
    await admin.query(`CREATE DATABASE ${name} OWNER ${owner}`);
  } catch {
    isOwnerRestricted = false;
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  if (isOwnerRestricted) {
    url.username = owner;
    url.password = password;
  }
  const database = await openPostgres({ url: url.toString() });
  return {
    database,
    connectionString: url.toString(),
    isOwnerRestricted,
    drop: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      try {
        // pool.end() resolves before the server has closed the sessions; terminating one still
        // closing makes its pool emit an 'error' with nobody listening. Let them go first.
        for (let attempt = 0; attempt < 100; attempt++) {
          const { rows } = await cleanup.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [
            name,
          ]);
          if (rows[0].n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        if (isOwnerRestricted) await cleanup.query(`DROP ROLE IF EXISTS ${owner}`).catch(() => undefined);
      } finally {
        await cleanup.end();
      }
    },
  };
}
