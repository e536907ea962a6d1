import type { ChargeRule, ReminderKind, ReminderSettings } from '@clientbox/contracts';
import type { Locale } from '../../../shared/i18n/i18n.tsx';

export interface LevelValues {
  /** Keeps a row's inputs with it when a row above is removed. */
  key: string;
  days_after_due: number | '';
  kind: ReminderKind;
  include_charges: boolean;
}

export interface SettingsValues {
  mode: ReminderSettings['mode'];
  charges: ChargeRule;
  interest_percent: string;
  costs_percent: string;
  costs_minimum: string;
  invoice_charges: boolean;
  failed_collection_fee: string;
  levels: LevelValues[];
}

export const MAX_LEVELS = 5;

let lastKey = 0;
export const levelKey = () => `level-${++lastKey}`;

/** "8.0000" → "8" and "2.5000" → "2,5" in Dutch: a decimal as a person types it. */
function decimalShown(value: string, locale: Locale): string {
  const trimmed = value.includes('.') ? value.replace(/\.?0+$/, '') : value;
  return locale === 'nl' ? trimmed.replace('.', ',') : trimmed;
}

/** What a person typed ("1.234,50", "2,5", "€ 40") as the API's decimal string. */
function decimalTyped(text: string): string {
  const cleaned = text.replace(/[€%\s\u00a0]/g, '');
  if (!cleaned.includes(',')) return cleaned;
  return cleaned.replace(/\./g, '').replace(',', '.');
}

export function settingsValuesOf(settings: ReminderSettings, locale: Locale): SettingsValues {
  return {
    mode: settings.mode,
    charges: settings.charges,
    interest_percent: decimalShown(settings.clause.interest_percent_per_started_month, locale),
    costs_percent: decimalShown(settings.clause.costs_percent, locale),
    costs_minimum: decimalShown(settings.clause.costs_minimum, locale),
    invoice_charges: settings.invoice_charges,
    failed_collection_fee: decimalShown(settings.failed_collection_fee, locale),
    levels: settings.levels.map((level) => ({ ...level, key: levelKey() })),
  };
}

/**
 * The PATCH body: the whole schedule. The clause goes along only when it is the rule chosen, so
 * fields that do not apply cannot hold up a save.
 */
export function settingsBodyOf(values: SettingsValues) {
  return {
    mode: values.mode,
    charges: values.charges,
    ...(values.charges === 'clause'
      ? {
          clause: {
            interest_percent_per_started_month: decimalTyped(values.interest_percent),
            costs_percent: decimalTyped(values.costs_percent),
            costs_minimum: decimalTyped(values.costs_minimum),
          },
        }
      : {}),
    invoice_charges: values.invoice_charges,
    failed_collection_fee: decimalTyped(values.failed_collection_fee) || '0',
    levels: values.levels.map(({ days_after_due, kind, include_charges }) => ({
      days_after_due: days_after_due === '' ? undefined : days_after_due,
      kind,
      include_charges,
    })),
  };
}
