import { type DocumentTotals, computeDocumentTotals, formatAmount, normalizeIdentifier } from '@clientbox/contracts';
import qrcode from 'qrcode-generator';
import type { DocumentSnapshot } from '../document-snapshot.ts';

/** EPC069-12 limits: an amount from 0.01 to 999999999.99 EUR, a name of at most 70 characters. */
const MIN_AMOUNT = 1n;
const MAX_AMOUNT = 99_999_999_999n;
const MAX_NAME_LENGTH = 70;

/**
 * The payload of the EPC QR code ("GiroCode", EPC069-12 version 002) that a banking app reads to
 * prefill a SEPA credit transfer: the supplier's IBAN, the invoice total and the RF creditor
 * reference as the structured remittance reference (domain rules §6.4). Null when there is
 * nothing to transfer: quotes, credit notes, direct debit, or an amount outside EPC limits.
 */
export function epcQrPayload(
  document: DocumentSnapshot,
  totals: DocumentTotals = computeDocumentTotals(document),
): string | null {
  const payment = document.payment;
  if (document.type !== 'invoice' || !payment || payment.means !== 'credit_transfer') return null;
  const amount = totals.total_incl_vat;
  if (amount < MIN_AMOUNT || amount > MAX_AMOUNT) return null;
  const lines = [
    'BCD', // service tag
    '002', // version: the BIC is optional inside the EEA
    '1', // character set: UTF-8
    'SCT', // SEPA credit transfer
    document.supplier.bic ? normalizeIdentifier(document.supplier.bic) : '',
    [...document.supplier.name.trim()].slice(0, MAX_NAME_LENGTH).join(''),
    normalizeIdentifier(document.supplier.iban),
    `EUR${formatAmount(amount)}`,
    '', // purpose code
    normalizeIdentifier(payment.reference), // structured creditor reference (ISO 11649)
  ];
  // The remittance text and the note to the payer stay empty: a structured reference excludes
  // the unstructured text, and trailing empty elements are left out.
  return lines.join('\n');
}

/** The dark modules of the QR code, row by row; error correction level M as EPC069-12 requires. */
export function qrModules(payload: string): boolean[][] {
  const code = qrcode(0, 'M');
  // The library writes each character as one byte: hand it the UTF-8 bytes, so the payload
  // matches character set 1 of the header.
  const utf8 = new TextEncoder().encode(payload);
  code.addData(String.fromCharCode(...utf8), 'Byte');
  code.make();
  const size = code.getModuleCount();
  return Array.from({ length: size }, (_, row) =>
    Array.from({ length: size }, (_, column) => code.isDark(row, column)),
  );
}
