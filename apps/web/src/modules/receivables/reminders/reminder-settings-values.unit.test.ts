import { updateReminderSettings, type ReminderSettings } from '@clientbox/contracts';
import { describe, expect, it } from 'vitest';
import { settingsBodyOf, settingsValuesOf } from './reminder-settings-values.ts';

const settings: ReminderSettings = {
  object: 'reminder_settings',
  mode: 'review',
  charges: 'clause',
  clause: { interest_percent_per_started_month: '1.5000', costs_percent: '15.0000', costs_minimum: '40.00' },
  invoice_charges: false,
  failed_collection_fee: '7.50',
  levels: [
    { days_after_due: 7, kind: 'reminder', include_charges: false },
    { days_after_due: 35, kind: 'final_notice', include_charges: true },
  ],
  updated_at: null,
};

describe('the reminder schedule form', () => {
  it('shows the clause as a Dutch person types it and sends it back as the API writes it', () => {
    const values = settingsValuesOf(settings, 'nl');
    expect([values.interest_percent, values.costs_percent, values.costs_minimum]).toEqual(['1,5', '15', '40']);
    const body = settingsBodyOf({ ...values, costs_minimum: '€ 1.250,50' });
    expect(body.clause).toEqual({
      interest_percent_per_started_month: '1.5',
      costs_percent: '15',
      costs_minimum: '1250.50',
    });
    expect(updateReminderSettings.safeParse(body).success).toBe(true);
    expect([
      values.failed_collection_fee,
      settingsBodyOf({ ...values, failed_collection_fee: '12,5' }).failed_collection_fee,
    ]).toEqual(['7,5', '12.5']);
  });

  it('leaves the clause out under another rule, so its fields cannot hold up a save', () => {
    const values = { ...settingsValuesOf(settings, 'en'), charges: 'statutory' as const, interest_percent: 'x' };
    expect(settingsBodyOf(values)).not.toHaveProperty('clause');
    expect(updateReminderSettings.safeParse(settingsBodyOf(values)).success).toBe(true);
  });

  it('refuses letters whose days do not ascend, and an empty day, at the path the form shows them', () => {
    const values = settingsValuesOf(settings, 'en');
    const swapped = { ...values, levels: [values.levels[1]!, values.levels[0]!] };
    const refused = updateReminderSettings.safeParse(settingsBodyOf(swapped));
    expect(refused.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['levels', 'levels_not_ascending'],
    ]);
    const empty = { ...values, levels: [{ ...values.levels[0]!, days_after_due: '' as const }] };
    const missing = updateReminderSettings.safeParse(settingsBodyOf(empty));
    expect(missing.error?.issues[0]?.path.join('.')).toBe('levels.0.days_after_due');
  });
});
