import { sql } from 'drizzle-orm';
import type { Tx } from '../../../kernel/db/database.ts';
import { timelineItems } from '../crm.tables.ts';

export interface MovedCounts {
  person_links: number;
  emails: number;
  phones: number;
  addresses: number;
  timeline_items: number;
  tasks: number;
  deals: number;
}

function countOf(result: unknown): number {
  const value = result as { rowCount?: number | null; affectedRows?: number };
  return value.rowCount ?? value.affectedRows ?? 0;
}

/**
 * Moves everything that belongs to organization `from` onto `to`, leaving behind what `to`
 * already has: a person already linked to `to`, an e-mail address or phone (E.164) it already
 * has, an address exactly like one of its own. What stays behind goes with `from` when it is
 * deleted (cascades). Moved contact details come after the kept ones, in their own order.
 */
export async function moveOrganizationRecords(
  tx: Tx,
  tenantId: string,
  from: string,
  to: string,
): Promise<MovedCounts> {
  const person_links = countOf(
    await tx.execute(sql`
      UPDATE crm_person_organization_links SET organization_id = ${to}
      WHERE tenant_id = ${tenantId} AND organization_id = ${from}
        AND person_id NOT IN (
          SELECT person_id FROM crm_person_organization_links WHERE tenant_id = ${tenantId} AND organization_id = ${to}
        )`),
  );
  const offset = (table: string) =>
    sql`(SELECT coalesce(max(position) + 1, 0) FROM ${sql.raw(table)} WHERE tenant_id = ${tenantId} AND organization_id = ${to})`;
  const emails = countOf(
    await tx.execute(sql`
      UPDATE crm_emails SET organization_id = ${to}, position = position + ${offset('crm_emails')}
      WHERE tenant_id = ${tenantId} AND organization_id = ${from}
        AND address NOT IN (SELECT address FROM crm_emails WHERE tenant_id = ${tenantId} AND organization_id = ${to})`),
  );
  const phones = countOf(
    await tx.execute(sql`
      UPDATE crm_phones SET organization_id = ${to}, position = position + ${offset('crm_phones')}
      WHERE tenant_id = ${tenantId} AND organization_id = ${from}
        AND e164 NOT IN (SELECT e164 FROM crm_phones WHERE tenant_id = ${tenantId} AND organization_id = ${to})`),
  );
  const addresses = countOf(
    await tx.execute(sql`
      UPDATE crm_addresses moved SET organization_id = ${to}, position = position + ${offset('crm_addresses')}
      WHERE tenant_id = ${tenantId} AND organization_id = ${from}
        AND NOT EXISTS (
          SELECT 1 FROM crm_addresses kept
          WHERE kept.tenant_id = ${tenantId} AND kept.organization_id = ${to}
            AND kept.type = moved.type AND kept.country = moved.country
            AND kept.street IS NOT DISTINCT FROM moved.street
            AND kept.postal_code IS NOT DISTINCT FROM moved.postal_code
            AND kept.city IS NOT DISTINCT FROM moved.city
        )`),
  );
  const move = async (table: string) =>
    countOf(
      await tx.execute(
        sql`UPDATE ${sql.raw(table)} SET organization_id = ${to} WHERE tenant_id = ${tenantId} AND organization_id = ${from}`,
      ),
    );
  return {
    person_links,
    emails,
    phones,
    addresses,
    timeline_items: await move('crm_timeline_items'),
    tasks: await move('crm_tasks'),
    deals: await move('crm_deals'),
  };
}

/** The merge on the kept organization's timeline (kind `organization.merged`, read-only history). */
export async function insertMergeItem(
  tx: Tx,
  values: {
    tenantId: string;
    organizationId: string;
    body: string;
    authorUserId: string | null;
    authorName: string | null;
    details: Record<string, unknown>;
  },
): Promise<void> {
  await tx.insert(timelineItems).values({ ...values, kind: 'organization.merged' });
}
