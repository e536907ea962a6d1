export { normalizeIdentifier, mod97 } from './normalize-identifier.ts';
export { isValidKvkNumber } from './kvk-number.ts';
export { isValidDutchVatNumber, isValidVatNumber } from './vat-number.ts';
export { isValidIban, isValidBic, formatIban } from './iban.ts';
export {
  normalizePhoneNumber,
  isValidPhoneNumber,
  formatPhoneNumber,
  type NormalizedPhoneNumber,
} from './phone-number.ts';
export { creditorReference, isValidCreditorReference, formatCreditorReference } from './creditor-reference.ts';
export { isValidSepaCreditorId, sepaCreditorKey } from './sepa-creditor-id.ts';
