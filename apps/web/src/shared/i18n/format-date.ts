import type { Locale } from './i18n.tsx';

/** Times are stored in UTC and shown as the Dutch office sees them: Europe/Amsterdam. */
export function formatDateTime(value: string | Date, locale: Locale): string {
  return new Date(value).toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-GB', { timeZone: 'Europe/Amsterdam' });
}

export function formatDate(value: string | Date, locale: Locale): string {
  return new Date(value).toLocaleDateString(locale === 'nl' ? 'nl-NL' : 'en-GB', { timeZone: 'Europe/Amsterdam' });
}

/** A month `YYYY-MM` as its short name ("jan." / "Jan"), as on the charts' month axis. */
export function formatShortMonth(month: string, locale: Locale): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, number - 1, 1)).toLocaleDateString(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    month: 'short',
    timeZone: 'UTC',
  });
}
