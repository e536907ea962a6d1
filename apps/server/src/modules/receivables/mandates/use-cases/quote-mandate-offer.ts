import type { QuoteMandateOffer } from '@clientbox/contracts';
import { amsterdamDate } from '@clientbox/contracts';
import { AppError } from '../../../../kernel/errors/app-error.ts';
import type { JobRunner } from '../../../../kernel/jobs/job-runner.ts';
import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { getCompany } from '../../../company/index.ts';
import { getCustomerForDocument } from '../../../crm/index.ts';
import { acceptedQuoteCustomer } from '../../../quotes/index.ts';
import { toMandateDto } from '../mandates.dto.ts';
import { listMandateRows } from '../mandates.repository.ts';
import { requestMandate } from './create-mandate.ts';

/**
 * What the quote page offers after acceptance: signing a mandate, when the supplier can collect
 * (Invoices module, creditor identifier) and the customer has no usable one yet.
 */
export async function quoteMandateOffer(
  ctx: TenantContext,
  token: string,
  publicBaseUrl: string,
): Promise<QuoteMandateOffer> {
  const quote = await acceptedQuoteCustomer(ctx, token);
  const canCollect =
    quote.isAccepted &&
    quote.customerId !== null &&
    Boolean(ctx.access?.modules.includes('invoices')) &&
    Boolean((await getCompany(ctx)).sepa_creditor_id) &&
    (await getCustomerForDocument(ctx, quote.customerId)) !== null;
  const current = canCollect ? await currentMandate(ctx, quote.customerId!, publicBaseUrl) : null;
  return { object: 'quote_mandate_offer', offered: canCollect, mandate: current };
}

/**
 * The customer asks to pay by direct debit from the quote page: a pending request (the same one
 * when asked again) whose signing page they go to. Refused when nothing is offered.
 */
export async function requestMandateFromQuote(
  ctx: TenantContext,
  token: string,
  publicBaseUrl: string,
  jobs: Pick<JobRunner, 'enqueue'>,
): Promise<QuoteMandateOffer> {
  const offer = await quoteMandateOffer(ctx, token, publicBaseUrl);
  if (!offer.offered) throw new AppError('mandate_not_offered');
  if (offer.mandate) return offer;
  const { customerId } = await acceptedQuoteCustomer(ctx, token);
  const requested = await requestMandate(
    ctx,
    { customer_id: customerId!, scheme: 'CORE', type: 'recurrent' },
    publicBaseUrl,
    jobs,
  );
  return {
    object: 'quote_mandate_offer',
    offered: true,
    mandate: { mandate_id: requested.mandate_id, status: requested.status, public_url: requested.public_url },
  };
}

async function currentMandate(ctx: TenantContext, customerId: string, publicBaseUrl: string) {
  const today = amsterdamDate();
  const rows = await listMandateRows(ctx.tx, ctx.tenantId, { customerId, today, limit: 50 });
  const mandates = rows.map((row) => toMandateDto(row, publicBaseUrl, today));
  const found = mandates.find((mandate) => mandate.usable) ?? mandates.find((mandate) => mandate.status === 'pending');
  return found ? { mandate_id: found.mandate_id, status: found.status, public_url: found.public_url } : null;
}
