import { describe, expect, it } from 'vitest';
import { isMessageKey, translate } from '../../../kernel/i18n/index.ts';
import { MANDATES_ERRORS } from './mandates.errors.ts';

/** Codes the mandate contracts and use cases put in `errors[].code`, besides the module's own. */
const FIELD_CODES = [
  'customer_not_found',
  'b2b_requires_organization',
  'invalid_sepa_characters',
  'invalid_scheme',
  'invalid_mandate_type',
  'invalid_sepa_creditor_id',
  'mandate_acceptance_required',
  'invalid_iban',
  'invalid_bic',
  'invalid_date',
  'invalid_status',
  'invalid_cursor',
  'required',
  'too_long',
  'invalid_id',
];

describe('mandate error codes', () => {
  it.each([...Object.keys(MANDATES_ERRORS), ...FIELD_CODES])('%s has a title in Dutch and English', (code) => {
    const key = `error.${code}`;
    expect(isMessageKey(key)).toBe(true);
    if (!isMessageKey(key)) return;
    expect(translate('nl', key)).not.toBe(key);
    expect(translate('en', key)).not.toBe(key);
  });
});
