import { AppError } from '../../../kernel/errors/app-error.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { invoiceNotFound, invoiceNotIssued } from '../invoices.errors.ts';
import { findInvoice, findInvoiceFile, type InvoiceFileKind, type InvoiceRow } from '../invoices.repository.ts';

/** The stored bytes of an issued invoice's PDF or UBL, with a file name from its number. */
export async function getInvoiceFile(ctx: TenantContext, id: string, kind: InvoiceFileKind) {
  const invoice = await findInvoice(ctx.tx, ctx.tenantId, id);
  if (!invoice) throw invoiceNotFound();
  if (invoice.status !== 'issued') throw invoiceNotIssued();
  const file = await findInvoiceFile(ctx.tx, ctx.tenantId, id, kind);
  if (!file)
    throw new AppError('invoice_ubl_unavailable', {
      detail:
        kind === 'ubl_nlcius'
          ? 'No NLCIUS e-invoice: the customer has no KvK number (BR-NL-10).'
          : 'No e-invoice: the customer has no KvK number or VAT id to address it to.',
    });
  return { content: file.content, sha256: file.sha256, fileName: invoiceFileName(invoice, kind) };
}

/** `factuur-2026-00001.pdf`, `creditnota-C2026-00001.xml`: for downloads and e-mail attachments alike. */
export function invoiceFileName(invoice: Pick<InvoiceRow, 'type' | 'number'>, kind: InvoiceFileKind): string {
  const prefix = invoice.type === 'credit_note' ? 'creditnota' : 'factuur';
  const extension = kind === 'pdf' ? 'pdf' : 'xml';
  return `${prefix}-${invoice.number}.${extension}`;
}
