import { asc, eq } from 'drizzle-orm';
import { termsAcceptances, termsVersions, users } from '../db/schema.ts';
import type { Exporter } from '../export/export-registry.ts';

interface AcceptanceRow extends Record<string, unknown> {
  version: string;
  effective_from: string;
  accepted_at: string;
  accepted_by_name: string | null;
  accepted_by_email: string | null;
  ip: string | null;
}

/**
 * Which version of the general terms was accepted, by whom, when and from where (art. 3). Export
 * only: an acceptance is a statement made for this account; a new account accepts for itself.
 */
export const termsAcceptancesExporter: Exporter<AcceptanceRow> = {
  entity: 'terms.acceptances',
  csv: true,
  columns: ['version', 'effective_from', 'accepted_at', 'accepted_by_name', 'accepted_by_email', 'ip'],
  export: async ({ tenantId, tx }) => {
    const rows = await tx
      .select({
        version: termsVersions.version,
        effectiveFrom: termsVersions.effectiveFrom,
        acceptedAt: termsAcceptances.acceptedAt,
        name: users.name,
        email: users.email,
        ip: termsAcceptances.ip,
      })
      .from(termsAcceptances)
      .innerJoin(termsVersions, eq(termsVersions.id, termsAcceptances.termsVersionId))
      .leftJoin(users, eq(users.id, termsAcceptances.acceptedBy))
      .where(eq(termsAcceptances.tenantId, tenantId))
      .orderBy(asc(termsAcceptances.acceptedAt));
    return rows.map((row) => ({
      version: row.version,
      effective_from: row.effectiveFrom,
      accepted_at: row.acceptedAt.toISOString(),
      accepted_by_name: row.name,
      accepted_by_email: row.email,
      ip: row.ip,
    }));
  },
};
