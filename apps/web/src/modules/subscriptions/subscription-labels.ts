import { formatMoney, parseAmount } from '@clientbox/contracts';
import { formatDate } from '../../shared/i18n/format-date.ts';
import type { Locale } from '../../shared/i18n/i18n.tsx';
import type { MessageKey } from '../../shared/i18n/nl.ts';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The intervals offered by name; any other number of months is "every N months". */
export const INTERVAL_PRESETS = [1, 3, 12] as const;

/** "Per maand", "Per kwartaal", "Per jaar", "Elke 6 maanden". */
export function intervalLabel(t: Translate, months: number): string {
  if (months === 1) return t('subscriptions.interval.month');
  if (months === 3) return t('subscriptions.interval.quarter');
  if (months === 12) return t('subscriptions.interval.year');
  return t('subscriptions.interval.every_n', { months });
}

/** "1 maand", "3 maanden". */
export function monthsLabel(t: Translate, months: number): string {
  return months === 1 ? t('subscriptions.one_month') : t('subscriptions.n_months', { months });
}

/** An amount from the API ("123.45") as money; what cannot be read is shown as it came. */
export function money(amount: string, locale: Locale): string {
  try {
    return formatMoney(parseAmount(amount), locale);
  } catch {
    return amount;
  }
}

/** A legal date (YYYY-MM-DD) as the person reads it, or a dash. */
export function day(value: string | null, locale: Locale): string {
  return value ? formatDate(`${value}T12:00:00Z`, locale) : '–';
}

/** "1 mrt 2026 – 31 mrt 2026". */
export function periodLabel(period: { start: string; end: string }, locale: Locale): string {
  return `${day(period.start, locale)} – ${day(period.end, locale)}`;
}

/** Today in the Dutch office (YYYY-MM-DD): the default of dates a person picks. */
export function today(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
}
