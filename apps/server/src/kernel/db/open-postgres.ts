import { createHash } from 'node:crypto';
import pg from 'pg';

import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { assertUuid, type Database, type Db, type Tx } from './database.ts';
import { checkoutForTenant } from './tenant-connection.ts';
import { MIGRATIONS_FOLDER } from './migrations-folder.ts';

const APP_LOGIN_ROLE = 'clientbox_app';
const MIGRATION_LOCK = 7_231_001;

interface PostgresOptions {
  url: string;
  /** Login role for tenant requests; when absent the owner provisions `clientbox_app`. */
  appUrl?: string | undefined;
  poolSize?: number;
  logger?: { warn(message: string): void };
}

/**
 * A real PostgreSQL server: the owner pool runs migrations, auth and jobs; tenant requests use a
 * login role that owns nothing and is a member of app_user, so row-level security always applies.
 */
export async function openPostgres(options: PostgresOptions): Promise<Database & { ownerPool: pg.Pool }> {
  const ownerPool = new pg.Pool({ connectionString: options.url, max: 5 });
  // An idle connection the server closes (restart, failover) must not crash the process.
  const onIdleError = (error: Error) => options.logger?.warn(`database connection lost: ${error.message}`);
  ownerPool.on('error', onIdleError);
  await migrateWithLock(ownerPool);
  const appUrl = options.appUrl ?? (await provisionAppRole(ownerPool, options.url, options.logger));
  // A dedicated tenant login already has app_user's rights; the owner login must switch role.
  const switchRole = appUrl === options.url;
  const appPool = new pg.Pool({ connectionString: appUrl, max: options.poolSize ?? 20 });
  appPool.on('error', onIdleError);
  // The owner login works as app_user for its whole life in this pool (queued before any use).
  if (switchRole) appPool.on('connect', (client) => void client.query('SET ROLE app_user').catch(onIdleError));
  const owner = drizzle({ client: ownerPool }) as unknown as Db;

  async function inCheckout<T>(tenantId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
    const pooled = await appPool.connect();
    const checkout = checkoutForTenant(pooled, assertUuidOrEmpty(tenantId));
    // Drizzle holds on to its client, so each request gets a drizzle over its own checkout.
    const db = drizzle({ client: checkout.client });
    try {
      const result = await work(db as unknown as Tx);
      await checkout.finish();
      return result;
    } catch (error) {
      await checkout.abort().catch(() => undefined);
      throw error;
    } finally {
      pooled.release();
    }
  }

  return {
    kind: 'postgres',
    owner,
    ownerPool,
    withTenant: (tenantId, work) => inCheckout(tenantId, work),
    withoutTenant: (work) => inCheckout('', work),
    query: async <Row>(text: string, params: unknown[] = []) => (await ownerPool.query(text, params)).rows as Row[],
    close: async () => {
      await appPool.end();
      await ownerPool.end();
    },
  };
}

function assertUuidOrEmpty(tenantId: string): string {
  return tenantId === '' ? '' : assertUuid(tenantId);
}

/** Several processes (server, CLI, test workers) may start at once: one migrates, the rest wait. */
async function migrateWithLock(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrate(drizzle({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}

/**
 * Creates (or refreshes) the login role for tenant requests. Its password is derived from the
 * owner URL: whoever can read that URL already has more rights than this role.
 */
async function provisionAppRole(pool: pg.Pool, ownerUrl: string, logger: PostgresOptions['logger']): Promise<string> {
  const password = createHash('sha256').update(`${ownerUrl}#${APP_LOGIN_ROLE}`).digest('hex');
  try {
    await pool.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_LOGIN_ROLE}') THEN
        CREATE ROLE ${APP_LOGIN_ROLE} LOGIN;
      END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
    await pool.query(`GRANT app_user TO ${APP_LOGIN_ROLE}`);
    await pool.query(`ALTER ROLE ${APP_LOGIN_ROLE} INHERIT NOSUPERUSER NOBYPASSRLS`);
    await pool.query(`ALTER ROLE ${APP_LOGIN_ROLE} PASSWORD '${password}'`);
    const database = (await pool.query<{ name: string }>('SELECT current_database() AS name')).rows[0]!.name;
    await pool.query(`GRANT CONNECT ON DATABASE "${database.replace(/"/g, '""')}" TO ${APP_LOGIN_ROLE}`);
  } catch (error) {
    logger?.warn(
      `could not provision the ${APP_LOGIN_ROLE} login role (${(error as Error).message}); ` +
        'tenant requests use the owner login with SET LOCAL ROLE app_user. Set DATABASE_APP_URL to a non-owner role.',
    );
    return ownerUrl;
  }
  const url = new URL(ownerUrl);
  url.username = APP_LOGIN_ROLE;
  url.password = password;
  return url.toString();
}
