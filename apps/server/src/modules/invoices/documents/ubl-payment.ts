import { formatCreditorReference, formatIban, normalizeIdentifier } from '@clientbox/contracts';
import type { DocumentSnapshot } from './document-snapshot.ts';
import { ublError } from './ubl-errors.ts';
import { element, type XmlElement } from './ubl-xml.ts';

type Payment = NonNullable<DocumentSnapshot['payment']>;

/**
 * BG-16. NL→NL allows only 30, 48, 49, 57, 58, 59 (NL-R-008, BR-NL-12); we send SEPA credit
 * transfer (58) or SEPA direct debit (59). The RF reference is the payment id (BT-83). No BIC:
 * NLCIUS advises against it for SEPA payments (BR-NL-31) and SEPA has not needed it since 2016.
 * A credit note has no DueDate element, so its due date goes here (BT-9 in the CreditNote syntax).
 */
export function paymentMeans(document: DocumentSnapshot, payment: Payment): XmlElement {
  const isCreditNote = document.type === 'credit_note';
  const mandate = payment.means === 'direct_debit' ? directDebit(document, payment) : null;
  return element('cac:PaymentMeans', [
    element('cbc:PaymentMeansCode', mandate ? '59' : '58'),
    isCreditNote && document.due_date && element('cbc:PaymentDueDate', document.due_date),
    element('cbc:PaymentID', normalizeIdentifier(payment.reference)),
    mandate
      ? element('cac:PaymentMandate', [
          element('cbc:ID', mandate.reference),
          element('cac:PayerFinancialAccount', [element('cbc:ID', mandate.debtorIban)]),
        ])
      : element('cac:PayeeFinancialAccount', [element('cbc:ID', normalizeIdentifier(document.supplier.iban))]),
  ]);
}

/**
 * Direct debit needs the mandate reference (BT-89, PEPPOL-EN16931-R061), the debited account
 * (BT-91) and the supplier's SEPA creditor id (BT-90), which goes in the seller's party.
 */
export function directDebit(document: DocumentSnapshot, payment: Payment) {
  const { mandate_reference: reference, debtor_iban: debtorIban } = payment;
  const creditorId = document.supplier.creditor_id;
  if (!reference || !debtorIban || !creditorId) {
    throw ublError(
      'ubl_direct_debit_incomplete',
      `${document.number}: direct debit needs the mandate reference, the debited IBAN and the supplier's creditor id`,
    );
  }
  return { reference, debtorIban: normalizeIdentifier(debtorIban), creditorId };
}

/** BT-20, for people reading the invoice in an accounting package: term, due date, reference. */
export function paymentTermsNote(document: DocumentSnapshot, payment: Payment): string | null {
  if (document.type !== 'invoice') return null;
  const nl = document.language === 'nl';
  const reference = formatCreditorReference(payment.reference);
  if (payment.means === 'direct_debit') {
    const iban = formatIban(payment.debtor_iban ?? '');
    const date = document.due_date ? ` ${nl ? 'op of na' : 'on or after'} ${formatDate(document.due_date, nl)}` : '';
    return nl
      ? `Het bedrag wordt${date} met SEPA-incasso afgeschreven van ${iban} (kenmerk ${reference}).`
      : `The amount will be collected by SEPA direct debit${date} from ${iban} (reference ${reference}).`;
  }
  if (!document.due_date)
    return nl ? `Graag betalen onder vermelding van ${reference}.` : `Please pay quoting ${reference}.`;
  const days = daysBetween(document.issue_date, document.due_date);
  const due = formatDate(document.due_date, nl);
  return nl
    ? `Betaling binnen ${days} dagen, uiterlijk ${due}, onder vermelding van ${reference}.`
    : `Payment within ${days} days, by ${due}, quoting ${reference}.`;
}

const ENGLISH_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** Legal dates as printed: 16-03-2026 in Dutch, 16 March 2026 in English. */
function formatDate(isoDate: string, nl: boolean): string {
  const [year, month, day] = isoDate.split('-');
  return nl ? `${day}-${month}-${year}` : ENGLISH_DATE.format(new Date(`${isoDate}T00:00:00Z`));
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
