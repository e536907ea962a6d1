import type { Locale } from './i18n.tsx';

/** Times are stored in UTC and shown as the Dutch office sees them: Europe/Amsterdam. */
export function formatDateTime(value: string | Date, locale: Locale): string {
  return new Date(value).toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-GB', { timeZone: 'Europe/Amsterdam' });
}

export function formatDate(value: string | Date, locale: Locale): string {
  return new Date(value).toLocaleDateString(locale === 'nl' ? 'nl-NL' : 'en-GB', { timeZone: 'Europe/Amsterdam' });
}
