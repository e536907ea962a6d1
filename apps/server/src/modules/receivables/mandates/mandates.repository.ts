import { and, desc, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import type { MandateStatus } from '@clientbox/contracts';
import type { Tx } from '../../../kernel/db/database.ts';
import { mandates } from '../mandates.tables.ts';

export type MandateRow = typeof mandates.$inferSelect;
export type NewMandateRow = typeof mandates.$inferInsert;
export type MandateChanges = Partial<Omit<MandateRow, 'tenantId' | 'id' | 'createdAt' | 'version'>>;

const byId = (tenantId: string, id: string) => and(eq(mandates.tenantId, tenantId), eq(mandates.id, id));

export async function findMandate(tx: Tx, tenantId: string, id: string, lock = false): Promise<MandateRow | null> {
  const query = tx.select().from(mandates).where(byId(tenantId, id));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/** By the customer's signing link; the caller runs in the tenant the token belongs to. */
export async function findMandateByToken(tx: Tx, tenantId: string, token: string, lock = false) {
  const query = tx
    .select()
    .from(mandates)
    .where(and(eq(mandates.tenantId, tenantId), eq(mandates.publicToken, token)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/**
 * Which tenant holds the mandate request with this token (null: none). Runs outside any tenant:
 * the SECURITY DEFINER function of migration 0017 answers with the tenant id only.
 */
export async function tenantOfMandateToken(tx: Tx, token: string): Promise<string | null> {
  const result = await tx.execute(sql`SELECT mandate_tenant_by_public_token(${token}) AS tenant_id`);
  // Both drivers (pg and PGlite) answer with `{ rows }`.
  return (result as unknown as { rows: { tenant_id: string | null }[] }).rows[0]?.tenant_id ?? null;
}

export async function isMandateIdTaken(tx: Tx, tenantId: string, mandateId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: mandates.id })
    .from(mandates)
    .where(and(eq(mandates.tenantId, tenantId), eq(mandates.mandateId, mandateId)));
  return row !== undefined;
}

/** Every mandate the customer ever had (revoked ones included): the next generated id counts on. */
export async function countCustomerMandates(tx: Tx, tenantId: string, customerId: string): Promise<number> {
  const [row] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(mandates)
    .where(
      and(
        eq(mandates.tenantId, tenantId),
        or(eq(mandates.organizationId, customerId), eq(mandates.personId, customerId)),
      ),
    );
  return row?.count ?? 0;
}

/** Inserts one mandate; null when its mandate id is taken meanwhile (no error, the transaction goes on). */
export async function insertMandate(tx: Tx, values: NewMandateRow): Promise<MandateRow | null> {
  const [row] = await tx
    .insert(mandates)
    .values(values)
    .onConflictDoNothing({ target: [mandates.tenantId, mandates.mandateId] })
    .returning();
  return row ?? null;
}

/** Updates and bumps the version; null when `expectedVersion` is given and no longer current. */
export async function updateMandateRow(
  tx: Tx,
  tenantId: string,
  id: string,
  changes: MandateChanges,
  expectedVersion?: number,
): Promise<MandateRow | null> {
  const conditions = [byId(tenantId, id)];
  if (expectedVersion !== undefined) conditions.push(eq(mandates.version, expectedVersion));
  const [row] = await tx
    .update(mandates)
    .set({ ...changes, version: sql`${mandates.version} + 1`, updatedAt: new Date() })
    .where(and(...conditions))
    .returning();
  return row ?? null;
}

export interface MandateListFilter {
  customerId?: string;
  status?: MandateStatus;
  /** The day `expired` is measured on. */
  today: string;
  startingAfter?: MandateRow;
  limit: number;
}

/**
 * `expired` and `active` as conditions on the stored dates (last day = the 36-month anniversary,
 * see mandate-validity.ts), so a status filter pages in the database.
 */
function statusCondition(status: MandateStatus, today: string): SQL | undefined {
  const expiresOn = sql`(coalesce(${mandates.lastCollectionOn}, ${mandates.signedOn}) + interval '36 months')::date`;
  switch (status) {
    case 'pending':
    case 'revoked':
      return eq(mandates.status, status);
    case 'active':
      return and(eq(mandates.status, 'active'), gte(expiresOn, today));
    case 'expired':
      return and(eq(mandates.status, 'active'), lt(expiresOn, today));
  }
}

/** Newest first by creation. */
export async function listMandateRows(tx: Tx, tenantId: string, filter: MandateListFilter): Promise<MandateRow[]> {
  const conditions: (SQL | undefined)[] = [eq(mandates.tenantId, tenantId)];
  if (filter.status) conditions.push(statusCondition(filter.status, filter.today));
  if (filter.customerId)
    conditions.push(or(eq(mandates.organizationId, filter.customerId), eq(mandates.personId, filter.customerId)));
  if (filter.startingAfter) {
    const after = filter.startingAfter;
    conditions.push(
      sql`(${mandates.createdAt}, ${mandates.id}) < (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)`,
    );
  }
  return tx
    .select()
    .from(mandates)
    .where(and(...conditions))
    .orderBy(desc(mandates.createdAt), desc(mandates.id))
    .limit(filter.limit);
}

/** Every mandate of the tenant, oldest first (the export archive). */
export async function allMandateRows(tx: Tx, tenantId: string): Promise<MandateRow[]> {
  return tx.select().from(mandates).where(eq(mandates.tenantId, tenantId)).orderBy(mandates.createdAt, mandates.id);
}

export async function insertMandateRows(tx: Tx, rows: NewMandateRow[]): Promise<void> {
  if (rows.length) await tx.insert(mandates).values(rows);
}

/** The active mandates of these customers (organizations or persons), newest signature first. */
/** `lock`: a collection batch locks them until it has set `last_collection_on`. */
export async function activeMandatesOfCustomers(
  tx: Tx,
  tenantId: string,
  customerIds: string[],
  lock = true,
): Promise<MandateRow[]> {
  if (customerIds.length === 0) return [];
  const ofCustomer = customerIds.map((id) => or(eq(mandates.organizationId, id), eq(mandates.personId, id)));
  const query = tx
    .select()
    .from(mandates)
    .where(and(eq(mandates.tenantId, tenantId), eq(mandates.status, 'active'), or(...ofCustomer)))
    .orderBy(desc(mandates.signedOn), desc(mandates.createdAt));
  return lock ? query.for('update') : query;
}

/** Signed mandates of one customer that carry an IBAN (revoked ones included), newest first. */
export async function signedMandatesOfCustomer(tx: Tx, tenantId: string, customerId: string): Promise<MandateRow[]> {
  return tx
    .select()
    .from(mandates)
    .where(
      and(
        eq(mandates.tenantId, tenantId),
        or(eq(mandates.organizationId, customerId), eq(mandates.personId, customerId)),
        sql`${mandates.iban} IS NOT NULL`,
      ),
    )
    .orderBy(desc(mandates.signedOn), desc(mandates.createdAt));
}

/** By the creditor's mandate reference (`MndtId`) as it comes back on a bank statement. */
export async function findMandateByMandateId(tx: Tx, tenantId: string, mandateId: string): Promise<MandateRow | null> {
  const [row] = await tx
    .select()
    .from(mandates)
    .where(and(eq(mandates.tenantId, tenantId), eq(mandates.mandateId, mandateId)))
    .for('update');
  return row ?? null;
}

/**
 * The customers (organizations and persons) that signed a mandate for this account, active or
 * not: a signature names the account holder, also for a person, whom the CRM keeps no IBAN for.
 */
export async function customersByMandateIban(tx: Tx, tenantId: string, iban: string): Promise<string[]> {
  const rows = await tx
    .select({ organizationId: mandates.organizationId, personId: mandates.personId })
    .from(mandates)
    .where(and(eq(mandates.tenantId, tenantId), sql`replace(upper(${mandates.iban}), ' ', '') = ${iban}`));
  return [...new Set(rows.flatMap((row) => [row.organizationId ?? row.personId].filter((id): id is string => !!id)))];
}
