import { formatMoney, parseAmount } from '@clientbox/contracts';
import type { Locale } from '../../../shared/i18n/i18n.tsx';

/** A deal value from the API ("1250.50") as the office reads it: € 1.250,50. */
export function formatEuros(value: string, locale: Locale): string {
  return formatMoney(parseAmount(value), locale);
}

/**
 * What someone typed as an amount, as the API's decimal string: "1.250,50" and "1250,5" in
 * Dutch, "1,250.50" in English. Left as typed when it cannot be read, so validation shows it.
 */
export function toDecimalInput(typed: string, locale: Locale): string {
  const text = typed.replace(/[€\s]/g, '');
  if (text === '') return '0';
  const [thousands, decimal] = locale === 'nl' ? ['.', ','] : [',', '.'];
  if (locale === 'nl' && !text.includes(',') && /^\d+\.\d{1,2}$/.test(text)) return text;
  return text.split(thousands).join('').replace(decimal, '.');
}

/** Today in Amsterdam as `YYYY-MM-DD` (due dates are compared as dates, not times). */
export function todayInAmsterdam(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
}

/** `YYYY-MM-DD` of `days` ago in Amsterdam. */
export function daysAgo(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
    new Date(Date.now() - days * 86_400_000),
  );
}

/** A due date or close date (`YYYY-MM-DD`), shown without a time-zone shift. */
export function formatDay(day: string, locale: Locale): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date)).toLocaleDateString(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
}
