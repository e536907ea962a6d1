import path from 'node:path';
import type { Config } from '../config/config.ts';
import type { Database } from './database.ts';
import { openPglite } from './open-pglite.ts';
import { openPostgres } from './open-postgres.ts';

/** PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite in DATA_DIR/pglite. */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'databaseAppUrl' | 'dataDir'>,
  logger?: { warn(message: string): void },
): Promise<Database> {
  if (config.databaseUrl) {
    return openPostgres({ url: config.databaseUrl, appUrl: config.databaseAppUrl, logger });
  }
  return openPglite(path.join(config.dataDir, 'pglite'));
}
