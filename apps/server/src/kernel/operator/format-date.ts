/** A date as people read it in a mail: "5 december 2026" / "5 December 2026" (Amsterdam time). */
export function formatDate(date: Date, locale: 'nl' | 'en'): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Amsterdam',
  }).format(date);
}
