import { amsterdamDate, type PublicMandate, type SignMandate } from '@clientbox/contracts';
import { recordAuditEvent } from '../../../../kernel/audit/audit-log.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { getCompany } from '../../../company/index.ts';
import { getCustomerForDocument } from '../../../crm/index.ts';
import { mandateLegalText } from '../mandate-legal-text.ts';
import { mandateStatusOn } from '../mandate-validity.ts';
import { mandateAlreadySigned, mandateNotFound, mandateRevoked } from '../mandates.errors.ts';
import { findMandateByToken, type MandateRow, updateMandateRow } from '../mandates.repository.ts';

/** The signing page: the creditor, the debtor, the scheme and the legal text; once signed, what was signed. */
async function presentPublicMandate(ctx: TenantContext, row: MandateRow): Promise<PublicMandate> {
  const company = await getCompany(ctx);
  const customerId = row.organizationId ?? row.personId;
  const customer = customerId ? await getCustomerForDocument(ctx, customerId) : null;
  const creditorName = company.legal_name;
  return {
    object: 'public_mandate',
    status: mandateStatusOn(row, amsterdamDate()),
    can_sign: row.status === 'pending',
    language: customer?.language ?? 'nl',
    mandate_id: row.mandateId,
    scheme: row.scheme,
    type: row.type,
    creditor: {
      name: creditorName,
      creditor_id: company.sepa_creditor_id,
      address: {
        street: company.street,
        postal_code: company.postal_code,
        city: company.city,
        country: company.country,
      },
    },
    customer_name: customer?.name ?? row.debtorName,
    legal_text: mandateLegalText(creditorName, row.scheme, row.type),
    signed:
      row.signedAt && row.debtorName && row.iban && row.signedOn
        ? {
            name: row.debtorName,
            iban: row.iban,
            signed_on: row.signedOn,
            place: row.signedPlace,
            signed_at: row.signedAt.toISOString(),
          }
        : null,
  };
}

export async function viewPublicMandate(ctx: TenantContext, token: string): Promise<PublicMandate> {
  const row = await findMandateByToken(ctx.tx, ctx.tenantId, token);
  if (!row) throw mandateNotFound();
  return presentPublicMandate(ctx, row);
}

/**
 * The debtor signs: name, IBAN, place and the checkbox. The signature date is today (Amsterdam);
 * the moment, IP address and browser are kept as evidence of consent, and the mandate is active.
 */
export async function signMandate(ctx: TenantContext, token: string, input: SignMandate): Promise<PublicMandate> {
  const row = await findMandateByToken(ctx.tx, ctx.tenantId, token, true);
  if (!row) throw mandateNotFound();
  if (row.status === 'active') throw mandateAlreadySigned();
  if (row.status === 'revoked') throw mandateRevoked();
  const signed = await updateMandateRow(ctx.tx, ctx.tenantId, row.id, {
    status: 'active',
    signedOn: amsterdamDate(),
    debtorName: input.name,
    iban: input.iban,
    bic: input.bic ?? null,
    signedPlace: input.place,
    signedAt: new Date(),
    signedIp: ctx.meta.ip,
    signedUserAgent: ctx.meta.userAgent?.slice(0, 500) ?? null,
  });
  await recordAuditEvent(ctx, {
    action: 'mandate.signed',
    targetType: 'mandate',
    targetId: row.id,
    details: { mandate_id: row.mandateId, name: input.name, ip: ctx.meta.ip },
  });
  return presentPublicMandate(ctx, signed!);
}
