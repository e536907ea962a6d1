import { type Mandate, type RevokeMandate, type UpdateMandate } from '@clientbox/contracts';
import { recordAuditEvent } from '../../../../kernel/audit/audit-log.ts';
import { AppError } from '../../../../kernel/errors/app-error.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { toMandateDto } from '../mandates.dto.ts';
import { b2bNeedsOrganization, mandateNotFound, mandatePending, mandateRevoked } from '../mandates.errors.ts';
import { findMandate, type MandateChanges, type MandateRow, updateMandateRow } from '../mandates.repository.ts';

async function mandateForChange(ctx: TenantContext, id: string, expectedVersion?: number): Promise<MandateRow> {
  const row = await findMandate(ctx.tx, ctx.tenantId, id, true);
  if (!row) throw mandateNotFound();
  if (expectedVersion !== undefined && row.version !== expectedVersion) throw new AppError('version_conflict');
  if (row.status === 'revoked') throw mandateRevoked();
  return row;
}

/**
 * The account of the last collection stays known when the IBAN changes after one: the next
 * collection must report the amendment (§5.1). Back to that account, there is none to report.
 */
function originalIbanAfter(row: MandateRow, iban: string | undefined): Pick<MandateChanges, 'originalIban'> {
  if (iban === undefined || iban === row.iban || row.lastCollectionOn === null) return {};
  const original = row.originalIban ?? row.iban;
  return { originalIban: original === iban ? null : original };
}

/** Changes a signed mandate; a pending request is changed by its debtor signing it, a revoked one not at all. */
export async function updateMandate(
  ctx: TenantContext,
  id: string,
  input: UpdateMandate,
  publicBaseUrl: string,
  expectedVersion?: number,
): Promise<Mandate> {
  const row = await mandateForChange(ctx, id, expectedVersion);
  if (row.status === 'pending') throw mandatePending();
  if (input.scheme === 'B2B' && !row.organizationId) throw b2bNeedsOrganization();
  const changes: MandateChanges = {
    scheme: input.scheme,
    type: input.type,
    signedOn: input.signed_on,
    debtorName: input.debtor_name,
    iban: input.iban,
    bic: input.bic,
    signedPlace: input.signed_place,
    ...originalIbanAfter(row, input.iban),
  };
  const updated = await updateMandateRow(ctx.tx, ctx.tenantId, id, changes);
  await recordAuditEvent(ctx, {
    action: 'mandate.updated',
    targetType: 'mandate',
    targetId: id,
    details: {
      mandate_id: row.mandateId,
      fields: Object.keys(input).filter((field) => input[field as keyof UpdateMandate] !== undefined),
    },
  });
  return toMandateDto(updated!, publicBaseUrl);
}

/**
 * Ends a mandate (the debtor withdrew it, or a pending request is no longer wanted). The row
 * stays, so its mandate id is never given out again (§5.2); a revoked mandate is never collected on.
 */
export async function revokeMandate(
  ctx: TenantContext,
  id: string,
  input: RevokeMandate,
  publicBaseUrl: string,
  expectedVersion?: number,
): Promise<Mandate> {
  const row = await mandateForChange(ctx, id, expectedVersion);
  const updated = await updateMandateRow(ctx.tx, ctx.tenantId, id, {
    status: 'revoked',
    revokedAt: new Date(),
    revokedReason: input.reason ?? null,
  });
  await recordAuditEvent(ctx, {
    action: 'mandate.revoked',
    targetType: 'mandate',
    targetId: id,
    details: { mandate_id: row.mandateId, was: row.status, reason: input.reason ?? null },
  });
  return toMandateDto(updated!, publicBaseUrl);
}
