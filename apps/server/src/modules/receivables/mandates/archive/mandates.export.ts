import { bic, iban, mandateReference } from '@clientbox/contracts';
import { z } from 'zod';
import {
  invalidArchive,
  isoDate,
  memberEmails,
  membersByEmail,
  nullableText,
  parseArchiveRows,
  timestamp,
} from '../../../../kernel/export/archive-rows.ts';
import { hasTenantRows, inChunks, rejectMissingReferences } from '../../../../kernel/export/archive-tables.ts';
import type { ImportableExporter } from '../../../../kernel/export/export-registry.ts';
import { newPublicToken } from '../../../../kernel/http/public-token.ts';
import { mandates } from '../../mandates.tables.ts';
import { allMandateRows, insertMandateRows } from '../mandates.repository.ts';

const ENTITY = 'receivables.mandates';

/** A mandate as the archive holds it; not in it: the signing link (`public_token`), see `mandatesExporter`. */
const mandateRow = z.strictObject({
  id: z.uuid(),
  mandate_id: mandateReference,
  organization_id: z.uuid().nullable(),
  person_id: z.uuid().nullable(),
  scheme: z.enum(['CORE', 'B2B']),
  type: z.enum(['recurrent', 'one_off']),
  status: z.enum(['pending', 'active', 'revoked']),
  signed_on: isoDate.nullable(),
  debtor_name: nullableText,
  iban: iban.nullable(),
  bic: bic.nullable(),
  original_iban: iban.nullable(),
  signed_place: nullableText,
  signed_at: timestamp.nullable(),
  signed_ip: nullableText,
  signed_user_agent: nullableText,
  last_collection_on: isoDate.nullable(),
  revoked_at: timestamp.nullable(),
  revoked_reason: nullableText,
  created_by_email: nullableText,
  version: z.number().int().min(1),
  created_at: timestamp,
  updated_at: timestamp,
});
type MandateArchiveRow = z.output<typeof mandateRow>;

/** What a row must agree on (the table's checks, named so the uploader sees which row is wrong). */
function inconsistency(row: MandateArchiveRow): string | null {
  if (row.organization_id && row.person_id) return 'two debtors';
  if (row.scheme === 'B2B' && row.person_id) return 'B2B is for organizations only';
  if (row.status === 'revoked' && !row.revoked_at) return 'a revoked mandate needs revoked_at';
  if (row.status === 'active' && (!row.signed_on || !row.debtor_name || !row.iban))
    return 'an active mandate needs signed_on, debtor_name and iban';
  return null;
}

/**
 * Every mandate, revoked ones included (their ids stay taken), with the evidence of online
 * signing. **The signing link is not in the archive**: whoever holds it can sign in the debtor's
 * name, and tokens are unique in the whole installation (as for quotes' links). An import gives a
 * pending request a new link (its `public_url`).
 */
export const mandatesExporter: ImportableExporter<MandateArchiveRow> = {
  entity: ENTITY,
  csv: true,
  importAfter: ['crm.organizations', 'crm.persons'],
  columns: Object.keys(mandateRow.shape) as (keyof MandateArchiveRow)[],

  async export(ctx) {
    const emailOf = await memberEmails(ctx);
    return (await allMandateRows(ctx.tx, ctx.tenantId)).map((row) => ({
      id: row.id,
      mandate_id: row.mandateId,
      organization_id: row.organizationId,
      person_id: row.personId,
      scheme: row.scheme,
      type: row.type,
      status: row.status,
      signed_on: row.signedOn,
      debtor_name: row.debtorName,
      iban: row.iban,
      bic: row.bic,
      original_iban: row.originalIban,
      signed_place: row.signedPlace,
      signed_at: row.signedAt?.toISOString() ?? null,
      signed_ip: row.signedIp,
      signed_user_agent: row.signedUserAgent,
      last_collection_on: row.lastCollectionOn,
      revoked_at: row.revokedAt?.toISOString() ?? null,
      revoked_reason: row.revokedReason,
      created_by_email: emailOf(row.createdBy),
      version: row.version,
      created_at: row.createdAt.toISOString(),
      updated_at: row.updatedAt.toISOString(),
    }));
  },

  hasData: ({ tenantId, tx }) => hasTenantRows(tx, mandates, tenantId),

  async import(ctx, rows) {
    const parsed = parseArchiveRows(ENTITY, mandateRow, rows);
    const ids = new Set<string>();
    const mandateIds = new Set<string>();
    for (const [index, row] of parsed.entries()) {
      const problem =
        inconsistency(row) ??
        (ids.has(row.id) ? 'an id occurs twice' : mandateIds.has(row.mandate_id) ? 'a mandate id occurs twice' : null);
      if (problem) throw invalidArchive(ENTITY, `row ${index + 1}: ${problem}`);
      ids.add(row.id);
      mandateIds.add(row.mandate_id);
    }
    const memberOf = await membersByEmail(ctx);
    await rejectMissingReferences(ENTITY, 'refers to a customer the archive does not hold', () =>
      inChunks(parsed, (chunk) =>
        insertMandateRows(
          ctx.tx,
          chunk.map((row) => ({
            tenantId: ctx.tenantId,
            id: row.id,
            mandateId: row.mandate_id,
            organizationId: row.organization_id,
            personId: row.person_id,
            scheme: row.scheme,
            type: row.type,
            status: row.status,
            signedOn: row.signed_on,
            debtorName: row.debtor_name,
            iban: row.iban,
            bic: row.bic,
            originalIban: row.original_iban,
            signedPlace: row.signed_place,
            signedAt: row.signed_at ? new Date(row.signed_at) : null,
            signedIp: row.signed_ip,
            signedUserAgent: row.signed_user_agent,
            lastCollectionOn: row.last_collection_on,
            revokedAt: row.revoked_at ? new Date(row.revoked_at) : null,
            revokedReason: row.revoked_reason,
            publicToken: row.status === 'pending' ? newPublicToken() : null,
            createdBy: memberOf(row.created_by_email),
            version: row.version,
            createdAt: new Date(row.created_at),
            updatedAt: new Date(row.updated_at),
          })),
        ),
      ),
    );
  },
};
