import type { InvoiceSending, SendInvoice } from '@clientbox/contracts';
import type { JobRunner } from '../../../kernel/jobs/job-runner.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { getCustomerForDocument } from '../../crm/index.ts';
import { invoiceNotFound, invoiceNotIssued, noInvoiceEmail } from '../invoices.errors.ts';
import { findInvoice, type InvoiceRow } from '../invoices.repository.ts';
import { SEND_INVOICE_EMAIL_JOB, type SendInvoiceEmailPayload } from '../jobs/send-invoice-email.job.ts';

/**
 * Checks that an invoice can be e-mailed and to whom, then queues the mail as a job in this
 * request's transaction (the kernel's outbox): the request never waits on the mail server, which
 * matters most on PGlite, where an open transaction holds the only connection. The job attaches
 * the stored PDF and UBL, sends, and writes the sent log.
 */
export async function sendInvoice(
  ctx: TenantContext,
  id: string,
  input: SendInvoice,
  jobs: Pick<JobRunner, 'enqueue'>,
): Promise<InvoiceSending> {
  const invoice = await findInvoice(ctx.tx, ctx.tenantId, id);
  if (!invoice) throw invoiceNotFound();
  if (invoice.status !== 'issued') throw invoiceNotIssued();
  const to = input.to ?? (await invoiceEmailOf(ctx, invoice));
  if (!to) throw noInvoiceEmail();
  const cc = [...new Set(input.cc)].filter((address) => address !== to);
  const payload: SendInvoiceEmailPayload = {
    invoiceId: id,
    to,
    cc,
    message: input.message ?? null,
    actor: ctx.actor,
    locale: ctx.locale,
    meta: ctx.meta,
  };
  const jobId = await jobs.enqueue(ctx, SEND_INVOICE_EMAIL_JOB, payload);
  return { object: 'invoice_sending', job_id: jobId, invoice_id: id, to, cc };
}

/**
 * Where invoices go now, per the CRM (its invoice address, else its first e-mail address): an
 * address corrected after issuing is used. A customer since deleted: the address on the invoice.
 */
async function invoiceEmailOf(ctx: TenantContext, invoice: InvoiceRow): Promise<string | null> {
  const customerId = invoice.organizationId ?? invoice.personId;
  const customer = customerId ? await getCustomerForDocument(ctx, customerId) : null;
  return customer ? customer.email : (invoice.snapshot?.customer.email ?? null);
}
