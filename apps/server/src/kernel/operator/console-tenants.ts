import { formatAmount, type OperatorTenant } from '@clientbox/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { accessOf } from '../entitlements/tenant-access.ts';

interface TenantListRow {
  id: string;
  name: string;
  state: OperatorTenant['state'];
  customer_type: OperatorTenant['customer_type'];
  demo_ends_at: Date | string;
  modules: string[] | null;
  seats: number | null;
  last_activity_at: Date | string | null;
  deactivation_due_at: Date | string | null;
  created_at: Date | string;
  owner_email: string | null;
  active_users: number | string;
  period: OperatorTenant['period'];
  monthly_cents: string | null;
}

const toDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));

/**
 * The console's tenant list: state, contract, seats, users and last activity. Platform data
 * only (no tenant content: art. 16), newest first.
 */
export async function listConsoleTenants(db: Db, search?: string): Promise<OperatorTenant[]> {
  const pattern = `%${search?.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  const filter = search
    ? sql`WHERE t.name ILIKE ${pattern} OR EXISTS (SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id
                 WHERE m.tenant_id = t.id AND u.email ILIKE ${pattern})`
    : sql``;
  const result = await db.execute(sql`
    SELECT t.id, t.name, t.state, t.customer_type, t.demo_ends_at, t.modules, t.seats, t.last_activity_at,
           t.deactivation_due_at, t.created_at,
           (SELECT u.email FROM memberships m JOIN users u ON u.id = m.user_id
             WHERE m.tenant_id = t.id AND m.role = 'owner' ORDER BY m.created_at LIMIT 1) AS owner_email,
           (SELECT count(*) FROM memberships m WHERE m.tenant_id = t.id) AS active_users,
           c.period, c.monthly_cents::text AS monthly_cents
      FROM tenants t
      LEFT JOIN LATERAL (
        SELECT o.period, o.monthly_cents FROM tenant_orders o
         WHERE o.tenant_id = t.id AND o.status = 'accepted' ORDER BY o.placed_at DESC LIMIT 1
      ) c ON true
      ${filter}
     ORDER BY t.created_at DESC
     LIMIT 500`);
  const rows = (result as unknown as { rows: TenantListRow[] }).rows;
  return rows.map((row) => {
    const access = accessOf({
      state: row.state,
      demoEndsAt: toDate(row.demo_ends_at),
      modules: row.modules,
      seats: row.seats,
      deactivationDueAt: row.deactivation_due_at ? toDate(row.deactivation_due_at) : null,
    });
    return {
      id: row.id,
      name: row.name,
      state: access.state,
      customer_type: row.customer_type,
      owner_email: row.owner_email,
      modules: access.modules,
      seats: access.seats,
      active_users: Number(row.active_users),
      period: row.period ?? null,
      monthly_total: row.monthly_cents === null ? null : formatAmount(BigInt(row.monthly_cents)),
      demo_ends_at: toDate(row.demo_ends_at).toISOString(),
      last_activity_at: row.last_activity_at ? toDate(row.last_activity_at).toISOString() : null,
      deactivation_due_at: row.deactivation_due_at ? toDate(row.deactivation_due_at).toISOString() : null,
      created_at: toDate(row.created_at).toISOString(),
    };
  });
}
