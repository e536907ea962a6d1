import { type Cents, formatAmount, isValidBic, isValidIban, normalizeIdentifier } from '@clientbox/contracts';
import { xmlElement as element, type XmlElement } from '../../invoices/index.ts';
import { sepaFileError } from './sepa-errors.ts';
import { toSepaText } from '../domain/sepa-text.ts';

/** Building blocks shared by pain.008 and pain.001 (EPC implementation guidelines). */

export interface BankAccount {
  iban: string;
  /** Optional since 2016 for SEPA payments: without it the agent reads `NOTPROVIDED`. */
  bic?: string | null;
}

/** Names are Max70Text in ISO 20022, transliterated to the SEPA set. */
export const nameElement = (name: string): XmlElement => element('Nm', toSepaText(name, 70));

/** EPC AT-06: 0.01 to 999,999,999.99 euro. */
const MAXIMUM_AMOUNT = 99_999_999_999n;

export function amountElement(name: string, cents: Cents, context: string): XmlElement {
  if (cents < 1n || cents > MAXIMUM_AMOUNT)
    throw sepaFileError('sepa_amount_out_of_range', `${context}: ${formatAmount(cents)}`);
  return element(name, formatAmount(cents), { Ccy: 'EUR' });
}

export function accountElement(name: string, iban: string): XmlElement {
  const normalized = normalizeIdentifier(iban);
  if (!isValidIban(normalized)) throw sepaFileError('sepa_iban_invalid', iban);
  return element(name, [element('Id', [element('IBAN', normalized)])]);
}

/** A bank by BIC; without one the EPC guidelines ask for `Othr/Id = NOTPROVIDED`. */
export function agentElement(name: string, bic: string | null | undefined): XmlElement {
  if (!bic) return element(name, [element('FinInstnId', [element('Othr', [element('Id', 'NOTPROVIDED')])])]);
  const normalized = normalizeIdentifier(bic);
  if (!isValidBic(normalized)) throw sepaFileError('sepa_bic_invalid', bic);
  return element(name, [element('FinInstnId', [element('BIC', normalized)])]);
}

/** The creditor identifier as the scheme wants it: `Othr/Id` with `SchmeNm/Prtry = SEPA`. */
export function creditorSchemeIdElement(name: string, creditorId: string): XmlElement {
  return element(name, [
    element('Id', [
      element('PrvtId', [
        element('Othr', [
          element('Id', sepaIdentifier(normalizeIdentifier(creditorId), 'creditor id')),
          element('SchmeNm', [element('Prtry', 'SEPA')]),
        ]),
      ]),
    ]),
  ]);
}

// EPC: identifiers use the SEPA set, and must not start or end with `/` nor contain `//`.
const SEPA_IDENTIFIER = /^(?!\/)(?!.*\/\/)(?!.*\/$)[a-zA-Z0-9/\-?:().,'+ ]{1,35}$/;

/** An identifier is never transliterated or cut: a changed id would no longer match on return. */
export function sepaIdentifier(value: string, what: string): string {
  if (!SEPA_IDENTIFIER.test(value)) throw sepaFileError('sepa_identifier_invalid', `${what}: "${value}"`);
  return value;
}

/** ISODateTime in UTC without milliseconds, which some bank portals refuse. */
export function isoDateTime(moment: Date): string {
  return `${moment.toISOString().slice(0, 19)}Z`;
}

/** Sums in cents, so the CtrlSum is exact (the validator compares it with Σ InstdAmt). */
export function totalCents(amounts: readonly Cents[]): Cents {
  return amounts.reduce((total, amount) => total + amount, 0n);
}

/**
 * PmtInfId, unique within the file and for the bank: the message id with a sequence number,
 * cutting the message id rather than the number so that it stays ≤ 35 and unique.
 */
export function paymentInformationId(messageId: string, index: number): string {
  const suffix = `-${index + 1}`;
  return `${messageId.slice(0, 35 - suffix.length)}${suffix}`;
}
