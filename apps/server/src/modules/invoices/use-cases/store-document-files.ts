import { createHash } from 'node:crypto';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import type { DocumentSnapshot } from '../documents/document-snapshot.ts';
import { renderDocumentPdf } from '../documents/pdf/render-document-pdf.ts';
import { renderUbl, type UblErrorCode } from '../documents/ubl.ts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import { insertInvoiceFiles, type InvoiceFileKind } from '../invoices.repository.ts';

/**
 * Renders the issued document once, inside the finalizing transaction, and stores the exact
 * bytes with their SHA-256 (domain rules §1.3): downloads serve these bytes for seven years,
 * never a new rendering. A rendering failure rolls the whole finalization back, number included.
 */
export async function storeDocumentFiles(ctx: TenantContext, invoiceId: string, snapshot: DocumentSnapshot) {
  const files: { kind: InvoiceFileKind; content: Uint8Array }[] = [
    { kind: 'pdf', content: await renderDocumentPdf(snapshot) },
  ];
  for (const profile of ['peppol', 'nlcius'] as const) {
    const xml = ublIfAddressable(snapshot, profile);
    if (xml) files.push({ kind: `ubl_${profile}`, content: new TextEncoder().encode(xml) });
  }
  await insertInvoiceFiles(
    ctx.tx,
    files.map((file) => ({
      tenantId: ctx.tenantId,
      invoiceId,
      kind: file.kind,
      content: file.content,
      sha256: createHash('sha256').update(file.content).digest('hex'),
    })),
  );
}

/**
 * Codes for a customer an e-invoice cannot be addressed to (a consumer without KvK or VAT id; a
 * Dutch customer without KvK under NLCIUS, BR-NL-10), and for direct debit before the mandate
 * details are known: that profile's UBL is then not made, and the PDF is the invoice. Every other
 * refusal is a fault in the invoice itself and stops the finalization.
 */
const NOT_ADDRESSABLE: readonly UblErrorCode[] = [
  'ubl_customer_identifier_missing',
  'ubl_customer_kvk_missing',
  'ubl_direct_debit_incomplete',
];

function ublIfAddressable(snapshot: DocumentSnapshot, profile: 'peppol' | 'nlcius'): string | null {
  try {
    return renderUbl(snapshot, profile);
  } catch (error) {
    if (error instanceof AppError && (NOT_ADDRESSABLE as readonly string[]).includes(error.code)) return null;
    throw error;
  }
}
