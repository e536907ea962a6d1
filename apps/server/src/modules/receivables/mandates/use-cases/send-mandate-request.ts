import type { MandateSending } from '@clientbox/contracts';
import { recordAuditEvent } from '../../../../kernel/audit/audit-log.ts';
import type { JobRunner } from '../../../../kernel/jobs/job-runner.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { getCompany } from '../../../company/index.ts';
import { getCustomerForDocument } from '../../../crm/index.ts';
import { SEND_MANDATE_REQUEST_JOB, type SendMandateRequestPayload } from '../jobs/send-mandate-request.job.ts';
import { mandateAlreadySigned, mandateNotFound, mandateRevoked, noMandateEmail } from '../mandates.errors.ts';
import { findMandate, type MandateRow } from '../mandates.repository.ts';

/**
 * Queues the e-mail with a pending request's signing link (`/m/{token}`) to `to`, else to the
 * customer's (invoice) e-mail address, in the customer's document language. The mail leaves after
 * the commit (a job), so the request never waits on the mail server. Audited `mandate.request_sent`.
 */
export async function sendMandateRequest(
  ctx: TenantContext,
  mandateOrId: string | MandateRow,
  to: string | null | undefined,
  jobs: Pick<JobRunner, 'enqueue'>,
): Promise<MandateSending> {
  const mandate = typeof mandateOrId === 'string' ? await findMandate(ctx.tx, ctx.tenantId, mandateOrId) : mandateOrId;
  if (!mandate) throw mandateNotFound();
  if (mandate.status === 'revoked') throw mandateRevoked();
  if (mandate.status !== 'pending') throw mandateAlreadySigned();
  const customerId = mandate.organizationId ?? mandate.personId;
  const customer = customerId ? await getCustomerForDocument(ctx, customerId) : null;
  const recipient = to ?? customer?.email ?? null;
  if (!recipient) throw noMandateEmail();
  const company = await getCompany(ctx);
  const payload: SendMandateRequestPayload = {
    mandateId: mandate.id,
    to: recipient,
    language: customer?.language ?? 'nl',
    company: company.trading_name ?? company.legal_name,
    companyEmail: company.email,
    // A person is greeted by name; an organization with the formal salutation.
    debtorName: customer?.kind === 'person' ? customer.name : null,
  };
  const jobId = await jobs.enqueue(ctx, SEND_MANDATE_REQUEST_JOB, payload);
  await recordAuditEvent(ctx, {
    action: 'mandate.request_sent',
    targetType: 'mandate',
    targetId: mandate.id,
    details: { mandate_id: mandate.mandateId, to: recipient, job_id: jobId },
  });
  return { object: 'mandate_sending', job_id: jobId, mandate_id: mandate.id, to: recipient };
}
