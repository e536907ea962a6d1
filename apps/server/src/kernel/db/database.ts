import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/**
 * A Drizzle database, whichever driver is underneath (PGlite or pg). Inside a tenant
 * transaction the same query builder is handed out as `Tx`; nested transactions are not used.
 */
export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = Db;

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  readonly kind: DatabaseKind;
  /** The owner connection: migrations, auth tables, jobs. Never used for tenant data. */
  readonly owner: Db;
  /**
   * Runs `work` in one transaction as the non-owner role `app_user` with `app.tenant_id` set
   * locally, so row-level security applies to every statement. Only `tx` may be used inside.
   */
  withTenant<T>(tenantId: string, work: (tx: Tx) => Promise<T>): Promise<T>;
  /** Runs `work` as `app_user` without a tenant: row-level security shows nothing. */
  withoutTenant<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /** Raw SQL with parameters on the owner connection (job runner, health checks). */
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function assertUuid(value: string): string {
  if (!UUID.test(value)) throw new Error('tenant id must be a uuid');
  return value;
}
