import { describe, expect, it } from 'vitest';
import { isMessageKey, translate } from '../../kernel/i18n/index.ts';
import { PRODUCTS_ERRORS } from './products.errors.ts';

/** Codes the products contracts and use cases put in `errors[].code`, besides the module's own. */
const FIELD_CODES = [
  'invalid_unit_code',
  'too_many_decimals',
  'must_not_be_negative',
  'too_large',
  'invalid_amount',
  'invalid_percent',
  'invalid_vat_category',
  'invalid_rate_class',
  'invalid_recurring_period',
  'invalid_boolean',
  'invalid_sort',
  'invalid_date',
  'invalid_export_format',
  'invalid_import_mode',
  'unknown_vat_rate',
  'unknown_vat_rate_class',
  'vat_rate_class_mismatch',
  'zero_rate_needs_category_z',
  'vat_rate_must_be_zero',
  'vat_rate_not_allowed',
  'vat_rate_class_only_for_standard',
  'duplicate_code_in_file',
  'column_not_found',
  'empty_file',
  'too_many_rows',
];

describe('products error codes', () => {
  it.each([...Object.keys(PRODUCTS_ERRORS), ...FIELD_CODES])('%s has a title in Dutch and English', (code) => {
    const key = `error.${code}`;
    expect(isMessageKey(key)).toBe(true);
    if (!isMessageKey(key)) return;
    expect(translate('nl', key)).not.toBe(key);
    expect(translate('en', key)).not.toBe(key);
  });

  it('maps each code to its status', () => {
    expect(PRODUCTS_ERRORS).toEqual({
      product_not_found: 404,
      product_code_taken: 409,
      vat_rate_exists: 409,
      product_import_failed: 422,
    });
  });
});
