import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test-support/test-database.ts';
import type { Database } from '../database.ts';

/** Kernel tables that span tenants on purpose; every other table with tenant_id is a tenant table. */
const CROSS_TENANT_TABLES = [
  'memberships',
  'invitations',
  'api_keys',
  // Read by the operator console across tenants (review queue, price notices, support grants).
  'tenant_orders',
  'price_change_notices',
  'support_grants',
];

const rowsOf = (result: unknown) => (result as { rows: Record<string, unknown>[] }).rows;

describe(`tenant isolation in the database (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let database: Database & { drop(): Promise<void> };
  let tenantA: string;
  let tenantB: string;
  let fileA: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    [tenantA, tenantB] = (await Promise.all(
      ['A', 'B'].map(
        async (name) =>
          (await database.query<{ id: string }>('INSERT INTO tenants (name) VALUES ($1) RETURNING id', [name]))[0]!.id,
      ),
    )) as [string, string];
    fileA = randomUUID();
    await database.withTenant(tenantA, async (tx) => {
      await tx.execute(
        sql`INSERT INTO stored_files (tenant_id, id, storage_key, file_name, content_type, size_bytes, sha256) VALUES (${tenantA}, ${fileA}, 'k', 'a.png', 'image/png', 1, 'x')`,
      );
      await tx.execute(
        sql`INSERT INTO company_profiles (tenant_id, legal_name, logo_file_id) VALUES (${tenantA}, 'A BV', ${fileA})`,
      );
    });
  });
  afterAll(() => database.drop());

  it('every table with a tenant_id has row-level security enabled and forced, with a policy', async () => {
    const tables = await database.query<{ table_name: string; enabled: boolean; forced: boolean; policies: number }>(`
      SELECT c.relname AS table_name, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
             (SELECT count(*)::int FROM pg_policies p WHERE p.tablename = c.relname) AS policies
      FROM information_schema.columns col JOIN pg_class c ON c.relname = col.table_name AND c.relkind = 'r'
      WHERE col.table_schema = 'public' AND col.column_name = 'tenant_id'`);
    expect(tables.length).toBeGreaterThanOrEqual(4);
    for (const table of tables) {
      expect(table, table.table_name).toMatchObject({
        enabled: true,
        ...(CROSS_TENANT_TABLES.includes(table.table_name) ? {} : { forced: true }),
      });
      expect(table.policies, table.table_name).toBeGreaterThan(0);
    }
  });

  it('every tenant table has a primary key that starts with tenant_id', async () => {
    const keys = await database.query<{ table_name: string; first_column: string }>(`
      SELECT tc.table_name, kcu.column_name AS first_column
      FROM information_schema.table_constraints tc
      JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.ordinal_position = 1
      WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = 'public'
        AND tc.table_name IN (SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'tenant_id')`);
    for (const key of keys.filter((k) => !CROSS_TENANT_TABLES.includes(k.table_name)))
      expect(key.first_column, key.table_name).toBe('tenant_id');
  });

  it('a tenant sees only its own rows', async () => {
    expect(
      rowsOf(await database.withTenant(tenantA, (tx) => tx.execute(sql`SELECT * FROM company_profiles`))),
    ).toHaveLength(1);
    expect(
      rowsOf(await database.withTenant(tenantB, (tx) => tx.execute(sql`SELECT * FROM company_profiles`))),
    ).toHaveLength(0);
    expect(
      rowsOf(
        await database.withTenant(tenantB, (tx) =>
          tx.execute(sql`SELECT * FROM company_profiles WHERE tenant_id = ${tenantA}`),
        ),
      ),
    ).toHaveLength(0);
  });

  it('a query without tenant context sees nothing', async () => {
    expect(rowsOf(await database.withoutTenant((tx) => tx.execute(sql`SELECT * FROM company_profiles`)))).toHaveLength(
      0,
    );
    expect(rowsOf(await database.withoutTenant((tx) => tx.execute(sql`SELECT * FROM stored_files`)))).toHaveLength(0);
    expect(rowsOf(await database.withoutTenant((tx) => tx.execute(sql`SELECT * FROM tenants`)))).toHaveLength(0);
  });

  it('the tenant setting does not leak into the next transaction', async () => {
    await database.withTenant(tenantA, (tx) => tx.execute(sql`SELECT 1`));
    expect(rowsOf(await database.withoutTenant((tx) => tx.execute(sql`SELECT * FROM company_profiles`)))).toHaveLength(
      0,
    );
  });

  it('a connection never carries a tenant into the next request', async () => {
    for (let round = 0; round < 30; round++) {
      const [own, none] = await Promise.all([
        database.withTenant(tenantA, (tx) => tx.execute(sql`SELECT * FROM company_profiles`)),
        database.withoutTenant((tx) => tx.execute(sql`SELECT * FROM company_profiles`)),
      ]);
      expect(rowsOf(own)).toHaveLength(1);
      expect(rowsOf(none)).toHaveLength(0);
    }
  });

  it('a failing request leaves none of its writes behind', async () => {
    await expect(
      database.withTenant(tenantA, async (tx) => {
        await tx.execute(sql`UPDATE company_profiles SET city = 'Half' WHERE tenant_id = ${tenantA}`);
        await tx.execute(sql`INSERT INTO company_profiles (tenant_id, legal_name) VALUES (${tenantA}, 'duplicate')`);
      }),
    ).rejects.toThrow();
    const [profile] = rowsOf(
      await database.withTenant(tenantA, (tx) => tx.execute(sql`SELECT city FROM company_profiles`)),
    );
    expect(profile?.city).toBeNull();
  });

  it('refuses to write a row into another tenant', async () => {
    await expect(
      database.withTenant(tenantB, (tx) =>
        tx.execute(sql`INSERT INTO company_profiles (tenant_id, legal_name) VALUES (${tenantA}, 'evil')`),
      ),
    ).rejects.toThrow();
  });

  it("updates and deletes of another tenant's rows change nothing", async () => {
    const updated = await database.withTenant(tenantB, (tx) =>
      tx.execute(sql`UPDATE company_profiles SET legal_name = 'evil' WHERE tenant_id = ${tenantA} RETURNING 1`),
    );
    const deleted = await database.withTenant(tenantB, (tx) =>
      tx.execute(sql`DELETE FROM company_profiles WHERE tenant_id = ${tenantA} RETURNING 1`),
    );
    expect(rowsOf(updated)).toHaveLength(0);
    expect(rowsOf(deleted)).toHaveLength(0);
    const [profile] = rowsOf(
      await database.withTenant(tenantA, (tx) => tx.execute(sql`SELECT legal_name FROM company_profiles`)),
    );
    expect(profile?.legal_name).toBe('A BV');
  });

  it("a row cannot reference another tenant's row (composite foreign key)", async () => {
    // Even the owner (a superuser here, which row-level security does not filter) cannot link B's profile to A's file.
    await expect(
      database.query('INSERT INTO company_profiles (tenant_id, legal_name, logo_file_id) VALUES ($1, $2, $3)', [
        tenantB,
        'B BV',
        fileA,
      ]),
    ).rejects.toThrow(/foreign key/);
  });

  it('the audit log is append-only', async () => {
    await database.withTenant(tenantA, (tx) =>
      tx.execute(
        sql`INSERT INTO audit_events (tenant_id, actor_type, action) VALUES (${tenantA}, 'system', 'test.event')`,
      ),
    );
    await expect(
      database.withTenant(tenantA, (tx) => tx.execute(sql`UPDATE audit_events SET action = 'changed'`)),
    ).rejects.toThrow();
    await expect(database.withTenant(tenantA, (tx) => tx.execute(sql`DELETE FROM audit_events`))).rejects.toThrow();
  });
});
