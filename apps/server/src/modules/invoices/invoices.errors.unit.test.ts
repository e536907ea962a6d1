import { describe, expect, it } from 'vitest';
import { isMessageKey, translate } from '../../kernel/i18n/index.ts';
import { UBL_ERRORS } from './documents/ubl-errors.ts';
import { INVOICES_ERRORS } from './invoices.errors.ts';

/** Codes the invoices contracts and use cases put in `errors[].code`, besides the module's own. */
const FIELD_CODES = [
  'number_format_locked',
  'below_next_number',
  'invalid_number_format',
  'invalid_document_type',
  'customer_not_found',
  'product_not_found',
  'must_be_positive',
  'invalid_line_kind',
  'one_discount_only',
  'period_incomplete',
  'period_end_before_start',
  'too_many_lines',
  'outside_scope_mixed',
  'invalid_profile',
  'exceeds_uncredited',
  'unknown_line',
  'not_creditable',
  'not_an_invoice',
  'invalid_payment_method',
  'date_in_future',
  'required',
  'invalid_id',
  'period_too_long',
  'invalid_months',
  'invalid_export_format',
  'invalid_date',
  'invalid_email',
  'too_long',
  'too_many_recipients',
  'invalid_delivery_method',
];

describe('invoices error codes', () => {
  it.each([...Object.keys(INVOICES_ERRORS), ...Object.keys(UBL_ERRORS), ...FIELD_CODES])(
    '%s has a title in Dutch and English',
    (code) => {
      const key = `error.${code}`;
      expect(isMessageKey(key)).toBe(true);
      if (!isMessageKey(key)) return;
      expect(translate('nl', key)).not.toBe(key);
      expect(translate('en', key)).not.toBe(key);
    },
  );
});
