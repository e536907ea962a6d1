import {
  normalizeIdentifier,
  normalizePhoneNumber,
  type OrganizationDuplicates,
  type OrganizationDuplicatesQuery,
} from '@clientbox/contracts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { findDuplicateOrganizations as findDuplicateRows } from '../duplicates.repository.ts';

const blankToNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/** "Bestaat deze relatie al?": candidates for what is being entered, with why each one matches. */
export async function findDuplicateOrganizations(
  ctx: TenantContext,
  query: OrganizationDuplicatesQuery,
): Promise<OrganizationDuplicates> {
  const kvk = blankToNull(query.kvk_number);
  const vat = blankToNull(query.vat_number);
  const phone = blankToNull(query.phone);
  const rows = await findDuplicateRows(ctx.tx, ctx.tenantId, {
    name: blankToNull(query.name),
    kvkNumber: kvk ? normalizeIdentifier(kvk) : null,
    vatNumber: vat ? normalizeIdentifier(vat) : null,
    email: blankToNull(query.email)?.toLowerCase() ?? null,
    phoneE164: phone ? (normalizePhoneNumber(phone)?.e164 ?? null) : null,
    excludeId: query.exclude_id ?? null,
  });
  return {
    object: 'list',
    has_more: false,
    data: rows.map((row) => ({
      id: row.id,
      name: row.name,
      kvk_number: row.kvkNumber,
      vat_number: row.vatNumber,
      debtor_number: row.debtorNumber,
      reasons: row.reasons,
      name_similarity: row.nameSimilarity,
    })),
  };
}
