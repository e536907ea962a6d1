import type { DuplicateReason } from '@clientbox/contracts';
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../kernel/db/database.ts';
import { namePrefixRanges } from './search.repository.ts';

/** Names scored at most (those sharing the first two letters, in name order), as in the search box. */
const SIMILAR_CANDIDATES = 3000;
/** "Bakkerij de Vries" ~ "Bakkerij De Vries B.V." — trigram similarity of the whole names. */
export const NAME_SIMILARITY_THRESHOLD = 0.6;
const MAX_CANDIDATES = 10;

export interface DuplicateProbe {
  name: string | null;
  kvkNumber: string | null;
  vatNumber: string | null;
  email: string | null;
  phoneE164: string | null;
  excludeId: string | null;
}

export interface DuplicateRow {
  id: string;
  name: string;
  kvkNumber: string | null;
  vatNumber: string | null;
  debtorNumber: string | null;
  reasons: DuplicateReason[];
  nameSimilarity: number | null;
}

type Found = {
  id: string;
  name: string;
  kvk_number: string | null;
  vat_number: string | null;
  debtor_number: string | null;
};

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/**
 * Organizations that may be the one being entered: the same KvK or VAT number, e-mail address
 * (an address of the organization or its invoice address) or phone (E.164), each on its index;
 * or a name with trigram similarity ≥ 0.6 among the names with the same first two letters (a
 * btree range, so row-level security does not turn it into a scan of the tenant).
 */
export async function findDuplicateOrganizations(
  tx: Tx,
  tenantId: string,
  probe: DuplicateProbe,
): Promise<DuplicateRow[]> {
  const found = new Map<string, DuplicateRow>();
  const columns = sql`o.id, o.name, o.kvk_number, o.vat_number, o.debtor_number`;
  const exclude = probe.excludeId ? sql` AND o.id <> ${probe.excludeId}` : sql``;
  const add = (rows: Found[], reason: DuplicateReason, similarity: number | null = null) => {
    for (const row of rows) {
      const entry = found.get(row.id) ?? {
        id: row.id,
        name: row.name,
        kvkNumber: row.kvk_number,
        vatNumber: row.vat_number,
        debtorNumber: row.debtor_number,
        reasons: [],
        nameSimilarity: null,
      };
      if (!entry.reasons.includes(reason)) entry.reasons.push(reason);
      if (similarity !== null) entry.nameSimilarity = similarity;
      found.set(row.id, entry);
    }
  };
  const query = async (where: SQL) =>
    rowsOf<Found>(
      await tx.execute(
        sql`SELECT DISTINCT ${columns} FROM crm_organizations o ${where}${exclude} ORDER BY o.name LIMIT ${MAX_CANDIDATES}`,
      ),
    );
  if (probe.kvkNumber)
    add(await query(sql`WHERE o.tenant_id = ${tenantId} AND o.kvk_number = ${probe.kvkNumber}`), 'kvk_number');
  if (probe.vatNumber)
    add(await query(sql`WHERE o.tenant_id = ${tenantId} AND o.vat_number = ${probe.vatNumber}`), 'vat_number');
  if (probe.email) {
    add(
      await query(
        sql`JOIN crm_emails e ON e.tenant_id = o.tenant_id AND e.organization_id = o.id
            WHERE o.tenant_id = ${tenantId} AND e.tenant_id = ${tenantId} AND e.address = ${probe.email}`,
      ),
      'email',
    );
    add(await query(sql`WHERE o.tenant_id = ${tenantId} AND o.invoice_email = ${probe.email}`), 'email');
  }
  if (probe.phoneE164)
    add(
      await query(
        sql`JOIN crm_phones p ON p.tenant_id = o.tenant_id AND p.organization_id = o.id
            WHERE o.tenant_id = ${tenantId} AND p.tenant_id = ${tenantId} AND p.e164 = ${probe.phoneE164}`,
      ),
      'phone',
    );
  const name = probe.name?.trim().toLowerCase() ?? '';
  if (name.length >= 3) {
    const rows = rowsOf<Found & { score: number }>(
      await tx.execute(sql`
        SELECT * FROM (
          SELECT ${columns}, similarity(lower(o.name), ${name}) AS score
          FROM (
            SELECT * FROM crm_organizations
            WHERE tenant_id = ${tenantId} AND ${namePrefixRanges('organization', [name.slice(0, 2)])}
            LIMIT ${SIMILAR_CANDIDATES}
          ) o
          WHERE true${exclude}
        ) scored
        WHERE score >= ${NAME_SIMILARITY_THRESHOLD}
        ORDER BY score DESC, name, id
        LIMIT ${MAX_CANDIDATES}`),
    );
    for (const row of rows) add([row], 'similar_name', Math.round(Number(row.score) * 100) / 100);
  }
  return [...found.values()]
    .sort((a, b) => b.reasons.length - a.reasons.length || a.name.localeCompare(b.name, 'nl'))
    .slice(0, MAX_CANDIDATES);
}
