import { describe, expect, it } from 'vitest';
import { isMessageKey, translate } from '../../kernel/i18n/index.ts';
import { QUOTES_ERRORS } from './quotes.errors.ts';

/** Codes the quotes contracts and use cases put in `errors[].code`, besides the module's own. */
const FIELD_CODES = [
  'customer_not_found',
  'product_not_found',
  'valid_until_before_issue_date',
  'date_in_past',
  'not_an_optional_line',
  'duplicate_line',
  'unknown_line',
  'acceptance_required',
  'invalid_status',
  'invalid_boolean',
  'invalid_cursor',
  'too_many_lines',
  'required',
  'too_long',
  'invalid_id',
  'invalid_email',
];

describe('quotes error codes', () => {
  it.each([...Object.keys(QUOTES_ERRORS), ...FIELD_CODES])('%s has a title in Dutch and English', (code) => {
    const key = `error.${code}`;
    expect(isMessageKey(key)).toBe(true);
    if (!isMessageKey(key)) return;
    expect(translate('nl', key)).not.toBe(key);
    expect(translate('en', key)).not.toBe(key);
  });
});
