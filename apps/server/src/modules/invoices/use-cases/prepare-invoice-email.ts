import type { InvoiceDelivery } from '@clientbox/contracts';
import type { MailSender, OutgoingMail } from '../../../kernel/mail/index.ts';
import { renderInvoiceEmail } from '../documents/invoice-email.ts';
import { toInvoiceDelivery } from '../invoice-deliveries.dto.ts';
import { findDeliveryEvents } from '../invoice-deliveries.repository.ts';
import { invoiceNotFound, invoiceNotIssued } from '../invoices.errors.ts';
import { findInvoice, findInvoiceFile, type InvoiceRow } from '../invoices.repository.ts';
import type { SendInvoiceEmailPayload } from '../jobs/send-invoice-email.job.ts';
import { invoiceFileName } from './get-invoice-file.ts';
import type { DeliveryContext } from './record-delivery.ts';

export type PreparedInvoiceEmail =
  | { isSent: true; delivery: InvoiceDelivery }
  | { isSent: false; invoice: InvoiceRow; mail: OutgoingMail; attachments: string[] };

/**
 * The mail of an issued invoice with the stored PDF and, when one was made, the stored Peppol UBL
 * attached: the exact bytes of `/pdf` and `/ubl`. When this job run already sent it (a retry
 * after the mail went out), the entry it wrote instead, so the customer gets it once.
 */
export async function prepareInvoiceEmail(
  ctx: DeliveryContext,
  payload: SendInvoiceEmailPayload,
  jobRunId: string,
  operator: MailSender,
): Promise<PreparedInvoiceEmail> {
  const invoice = await findInvoice(ctx.tx, ctx.tenantId, payload.invoiceId);
  if (!invoice) throw invoiceNotFound();
  if (invoice.status !== 'issued' || !invoice.snapshot || !invoice.finalizedAt) throw invoiceNotIssued();
  const earlier = await findDeliveryEvents(
    ctx.tx,
    ctx.tenantId,
    { id: invoice.id, finalizedAt: invoice.finalizedAt },
    50,
  );
  const sentByThisRun = earlier.find((event) => (event.details as { job_run_id?: string }).job_run_id === jobRunId);
  if (sentByThisRun) return { isSent: true, delivery: toInvoiceDelivery(sentByThisRun) };

  const pdf = await findInvoiceFile(ctx.tx, ctx.tenantId, invoice.id, 'pdf');
  if (!pdf) throw invoiceNotIssued();
  const ubl = await findInvoiceFile(ctx.tx, ctx.tenantId, invoice.id, 'ubl_peppol');
  const attachments = [
    { filename: invoiceFileName(invoice, 'pdf'), contentType: 'application/pdf', content: pdf.content },
    ...(ubl
      ? [{ filename: invoiceFileName(invoice, 'ubl_peppol'), contentType: 'application/xml', content: ubl.content }]
      : []),
  ];
  const rendered = renderInvoiceEmail({
    snapshot: invoice.snapshot,
    totalInclVat: invoice.totalInclVat,
    message: payload.message,
    hasUbl: Boolean(ubl),
    operator,
  });
  return {
    isSent: false,
    invoice,
    attachments: attachments.map((attachment) => attachment.filename),
    mail: {
      to: payload.to,
      cc: payload.cc,
      ...rendered,
      fromName: invoice.snapshot.supplier.name,
      replyTo: invoice.snapshot.supplier.email ?? undefined,
      attachments,
      headers: { 'X-Clientbox-Template': 'invoice' },
    },
  };
}
