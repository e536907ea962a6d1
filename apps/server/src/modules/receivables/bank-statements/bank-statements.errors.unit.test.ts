import { describe, expect, it } from 'vitest';
import { isMessageKey, translate } from '../../../kernel/i18n/index.ts';
import { BANK_STATEMENT_ERRORS } from './bank-statements.errors.ts';

/** Field codes the bank statement routes put in `errors[].code`. */
const FIELD_CODES = ['invoice_not_payable', 'invalid_cursor', 'invalid_id', 'required'];

describe('bank statement error codes', () => {
  it.each([...Object.keys(BANK_STATEMENT_ERRORS), ...FIELD_CODES])('%s has a title in Dutch and English', (code) => {
    const key = `error.${code}`;
    expect(isMessageKey(key)).toBe(true);
    if (!isMessageKey(key)) return;
    expect(translate('nl', key)).not.toBe(key);
    expect(translate('en', key)).not.toBe(key);
  });
});
