import { describe, expect, it } from 'vitest';
import { isMessageKey, translate } from '../../../kernel/i18n/index.ts';
import { REMINDERS_ERRORS } from './reminders.errors.ts';

/** Codes the reminder contracts and use cases put in `errors[].code`, besides the module's own. */
const FIELD_CODES = [
  'levels_not_ascending',
  'invalid_charge_rule',
  'invalid_reminder_mode',
  'invalid_reminder_kind',
  'invoice_or_customer_required',
  'customer_not_found',
  'date_in_past',
  'too_many',
  'invalid_number',
  'out_of_range',
  'invalid_percent',
  'invalid_amount',
  'must_not_be_negative',
  'invalid_date',
  'invalid_id',
  'invalid_cursor',
  'required',
  'too_long',
];

describe('reminder error codes', () => {
  it.each([...Object.keys(REMINDERS_ERRORS), ...FIELD_CODES])('%s has a title in Dutch and English', (code) => {
    const key = `error.${code}`;
    expect(isMessageKey(key)).toBe(true);
    if (!isMessageKey(key)) return;
    expect(translate('nl', key)).not.toBe(key);
    expect(translate('en', key)).not.toBe(key);
    expect(translate('nl', key)).not.toBe(translate('en', key));
  });
});
