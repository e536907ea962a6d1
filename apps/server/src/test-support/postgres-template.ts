import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { MIGRATIONS_FOLDER } from '../kernel/db/migrations-folder.ts';
import { openPostgres } from '../kernel/db/open-postgres.ts';

/** One lock for every process that may build the template (test workers, journeys). */
const TEMPLATE_LOCK = 7_220_011;

/** The migrations' content decides the template: a changed or new migration gives a new one. */
function templateName(): string {
  const hash = createHash('sha256');
  for (const file of fs
    .readdirSync(MIGRATIONS_FOLDER)
    .filter((name) => name.endsWith('.sql'))
    .sort())
    hash.update(file).update(fs.readFileSync(path.join(MIGRATIONS_FOLDER, file)));
  return `clientbox_template_${hash.digest('hex').slice(0, 16)}`;
}

/**
 * A new database on the server, already migrated: copied from a template database that the
 * first caller migrates (under an advisory lock, so parallel workers wait instead of racing).
 * Copying takes a fraction of a second where migrating every test file's database took seconds.
 * Opening the copy still runs the migrator (nothing to do) and grants the app role its access.
 */
export async function createMigratedDatabase(serverUrl: string, name: string): Promise<string> {
  const template = templateName();
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (exists.rowCount === 0) {
        // Built under another name and renamed when complete: a crash never leaves a half template.
        const building = `${template}_building`;
        await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
        await admin.query(`CREATE DATABASE ${building}`);
        const migrated = await openPostgres({ url: withDatabase(serverUrl, building) });
        await migrated.close();
        await admin.query(`ALTER DATABASE ${building} RENAME TO ${template}`);
        // Templates of earlier migrations are of no use any more.
        const old = await admin.query<{ datname: string }>(
          "SELECT datname FROM pg_database WHERE datname LIKE 'clientbox\\_template\\_%' AND datname <> $1",
          [template],
        );
        for (const { datname } of old.rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
      }
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    } finally {
      await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  } finally {
    await admin.end();
  }
  return withDatabase(serverUrl, name);
}

export function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
