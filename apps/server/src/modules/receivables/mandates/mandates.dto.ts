import { amsterdamDate, type Mandate } from '@clientbox/contracts';
import { canCollectOn, mandateExpiresOn, mandateStatusOn } from './mandate-validity.ts';
import type { MandateRow } from './mandates.repository.ts';

/** The debtor's signing page `/m/{token}`, while the request waits for a signature. */
export function signingUrlOf(row: Pick<MandateRow, 'status' | 'publicToken'>, publicBaseUrl: string): string | null {
  return row.status === 'pending' && row.publicToken ? `${publicBaseUrl}/m/${row.publicToken}` : null;
}

export function toMandateDto(row: MandateRow, publicBaseUrl: string, today = amsterdamDate()): Mandate {
  return {
    object: 'mandate',
    id: row.id,
    mandate_id: row.mandateId,
    customer_id: row.organizationId ?? row.personId,
    customer_type: row.organizationId ? 'organization' : row.personId ? 'person' : null,
    scheme: row.scheme,
    type: row.type,
    status: mandateStatusOn(row, today),
    signed_on: row.signedOn,
    debtor_name: row.debtorName,
    iban: row.iban,
    bic: row.bic,
    signed_place: row.signedPlace,
    signed_online: row.signedAt
      ? { signed_at: row.signedAt.toISOString(), ip: row.signedIp, user_agent: row.signedUserAgent }
      : null,
    last_collection_on: row.lastCollectionOn,
    expires_on: mandateExpiresOn(row),
    usable: canCollectOn(row, today),
    revoked_at: row.revokedAt?.toISOString() ?? null,
    revoked_reason: row.revokedReason,
    public_url: signingUrlOf(row, publicBaseUrl),
    version: row.version,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
