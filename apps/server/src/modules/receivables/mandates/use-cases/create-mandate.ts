import type { CreateMandate, Mandate, RequestMandate } from '@clientbox/contracts';
import type { JobRunner } from '../../../../kernel/jobs/job-runner.ts';
import { recordAuditEvent } from '../../../../kernel/audit/audit-log.ts';
import { newPublicToken } from '../../../../kernel/http/public-token.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { toMandateDto } from '../mandates.dto.ts';
import { mandateIdTaken } from '../mandates.errors.ts';
import { insertMandate, type NewMandateRow } from '../mandates.repository.ts';
import { debtorColumns, mandateDebtor } from './mandate-debtor.ts';
import { claimMandateId, nextMandateId } from './next-mandate-id.ts';
import { sendMandateRequest } from './send-mandate-request.ts';

async function insertWithId(
  ctx: TenantContext,
  customerId: string,
  wanted: string | undefined,
  values: Omit<NewMandateRow, 'tenantId' | 'mandateId'>,
) {
  const mandateId = wanted ? await claimMandateId(ctx, wanted) : await nextMandateId(ctx, customerId);
  const row = await insertMandate(ctx.tx, {
    ...values,
    tenantId: ctx.tenantId,
    mandateId,
    createdBy: ctx.actor.type === 'user' ? ctx.actor.id : null,
  });
  // Taken by a request that committed in between: the unique index decides, the caller may retry.
  if (!row) throw mandateIdTaken(mandateId);
  return row;
}

/** A mandate the debtor signed elsewhere (on paper): active from the start. */
export async function createMandate(ctx: TenantContext, input: CreateMandate, publicBaseUrl: string): Promise<Mandate> {
  const customer = await mandateDebtor(ctx, input.customer_id, input.scheme);
  const row = await insertWithId(ctx, customer.id, input.mandate_id, {
    ...debtorColumns(customer),
    scheme: input.scheme,
    type: input.type,
    status: 'active',
    signedOn: input.signed_on,
    debtorName: input.debtor_name,
    iban: input.iban,
    bic: input.bic ?? null,
    signedPlace: input.signed_place ?? null,
  });
  await recordAuditEvent(ctx, {
    action: 'mandate.created',
    targetType: 'mandate',
    targetId: row.id,
    details: { mandate_id: row.mandateId, scheme: row.scheme, customer_id: customer.id },
  });
  return toMandateDto(row, publicBaseUrl);
}

/**
 * An online request: a pending mandate with a signing link for the customer (`public_url`). The
 * debtor fills in name, IBAN and place there; until then it cannot be collected on. With
 * `send_to` the link is e-mailed to that address as well.
 */
export async function requestMandate(
  ctx: TenantContext,
  input: RequestMandate,
  publicBaseUrl: string,
  jobs: Pick<JobRunner, 'enqueue'>,
): Promise<Mandate> {
  const customer = await mandateDebtor(ctx, input.customer_id, input.scheme);
  const row = await insertWithId(ctx, customer.id, input.mandate_id, {
    ...debtorColumns(customer),
    scheme: input.scheme,
    type: input.type,
    status: 'pending',
    publicToken: newPublicToken(),
  });
  await recordAuditEvent(ctx, {
    action: 'mandate.requested',
    targetType: 'mandate',
    targetId: row.id,
    details: { mandate_id: row.mandateId, scheme: row.scheme, customer_id: customer.id },
  });
  if (input.send_to) await sendMandateRequest(ctx, row, input.send_to, jobs);
  return toMandateDto(row, publicBaseUrl);
}
